// A TCP listener on 127.0.0.1 with a port the kernel picks: the socket of the test receivers (HTTP, SMTP).
#pragma once

namespace testing_support {

// Returns the listening socket and sets `port`; throws std::runtime_error naming `what` when it cannot listen.
int listen_on_loopback(int& port, const char* what);

}  // namespace testing_support
