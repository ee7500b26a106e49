// Child `nico` processes for the scheduler: a scheduled command runs as `nico ARGS…` from this very executable
// (/proc/self/exe), so a deploy that replaces the binary never mixes versions inside one run, and a crash in a
// task cannot take the scheduler down. Children inherit stdout/stderr and the environment.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace infra {

// Starts `nico ARGS…`; returns its pid. Throws std::runtime_error when the process cannot be created.
int spawn_nico(const std::vector<std::string>& args);
// Blocks until `pid` exits; returns its exit code, or 128 + the signal number when a signal killed it.
int wait_for_exit(int pid);
// Non-blocking: the exit code when `pid` has finished, nullopt while it runs.
std::optional<int> poll_exit(int pid);
// spawn_nico + wait_for_exit.
int run_nico(const std::vector<std::string>& args);

}  // namespace infra
