// "Is the site down?" as the queue worker and the scheduler ask it. The flag itself (file + database row,
// `nico down`) belongs to ops, one layer above infra, so infra only receives the question: app wires
// ops::read_maintenance in (src/app/commands/queue.cpp, schedule.cpp), tests pass a lambda.
#pragma once

#include <functional>

namespace infra {

// True while maintenance mode is in effect. Called between jobs / once per scheduler minute; may read a file.
using MaintenanceCheck = std::function<bool()>;

}  // namespace infra
