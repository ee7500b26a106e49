// How many threads run requests when SERVER_WORKERS is 0 (its default): picked from the database engine and the
// cores this process may use, because the right number differs by a factor of two between them (measured with
// `make bench`, docs/ARCHITECTURE.md "What a request costs").
#pragma once

#include <string_view>

namespace app {

// SQLite works inside this process: a request on a worker is CPU from start to end, so a thread more than there are
// cores only adds context switches (on 2 cores the lookup did 35k req/s with 2 workers, 31k with 3, 24k with 4).
// MariaDB and PostgreSQL answer over a socket: a worker waits for each reply, and twice the cores keeps them busy
// (2 workers 9k, 4 workers 12k on the same 2 cores). Never fewer than 3 on SQLite and 4 on a server: a request
// waiting on something slow (SQLite's write lock, Google's answer to a sign-in) and another one like it still leave
// a worker for everybody else. At most 32 and 16: every worker holds a database connection, and a few nodes of 16
// stay under PostgreSQL's default of 100 connections. `cores` 0 (unknown) counts as 2.
int default_worker_threads(std::string_view db_connection, unsigned cores);

// The cores this process may run on: the CPUs in its affinity mask (taskset, systemd's CPUAffinity), lowered by a
// cgroup v2 CPU quota (`cpu.max` of a container or a systemd CPUQuota), rounded up. 0 when neither can be read.
unsigned usable_cores();

}  // namespace app
