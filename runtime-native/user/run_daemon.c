/* run_daemon.c: staprun -D's detach (see run_daemon.h). */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include "run_daemon.h"

int run_daemonize(char *err, size_t errlen)
{
	int fd;
	fflush(stdout);
	fflush(stderr);
	/* the working directory becomes /: run_outfile made -o's name absolute first, as staprun does */
	if (daemon(0, 1)) {
		snprintf(err, errlen, "Failed to daemonize stapio: %s", strerror(errno));
		return -1;
	}
	printf("%d\n", (int)getpid());
	fflush(stdout);
	if ((fd = open("/dev/null", O_RDWR | O_CLOEXEC)) >= 0) {
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
		close(fd);
	}
	openlog("stapvm-run", LOG_PID, LOG_DAEMON);
	return 0;
}
