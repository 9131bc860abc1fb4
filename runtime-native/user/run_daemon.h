/* run_daemon.h: -F with -o, as staprun -D: the run goes on in the background. */
#ifndef STAPVM_RUN_DAEMON_H
#define STAPVM_RUN_DAEMON_H
#include <stddef.h>

/* detaches as staprun's daemon mode does: the caller's process exits 0, the daemon prints its pid on
 * stdout, then its stdout and stderr go to /dev/null (error text to syslog: run_output's to_syslog);
 * 0 in the daemon, -1 with err when it could not detach */
int run_daemonize(char *err, size_t errlen);
#endif
