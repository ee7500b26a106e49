// How many threads run requests when SERVER_WORKERS is 0 (its default): picked from the database engine and the
// machine's cores, because the right number differs by a factor of two between them (measured with `make bench`,
// bench/README.md "Worker threads").
#pragma once

#include <string_view>

namespace app {

// SQLite works inside this process: a request on a worker is CPU from start to end, so a thread more than there are
// cores only adds context switches (on 2 cores the lookup did 30k req/s with 2 workers, 20k with 4, 14k with 8).
// MariaDB and PostgreSQL answer over a socket: a worker waits for each reply, and twice the cores keeps them busy
// (2 workers 9k, 4 workers 12k on the same 2 cores). Never fewer than 2, so one slow request (a password hash, a
// write waiting for SQLite's lock) leaves another worker for everybody else. `hardware_threads` 0 (unknown) counts
// as 2.
int default_worker_threads(std::string_view db_connection, unsigned hardware_threads);

}  // namespace app
