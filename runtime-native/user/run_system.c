/* run_system.c: start a system() command detached from the loader (see run_system.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "run_system.h"

void run_system(const char *cmd, size_t len)
{
	char *line = strndup(cmd, len);
	pid_t child;
	if (!line) {
		fprintf(stderr, "ERROR: system: out of memory\n");
		return;
	}
	fflush(NULL);   /* stdio text of the loader goes out before the command's */
	/* A child that forks the command and exits at once: the command is reparented, so the loader
	 * neither waits for it nor leaves a zombie, and the child closes the loader's descriptors
	 * (the session's device, pidfds, pipes) before the command can inherit them. */
	child = fork();
	if (child < 0) {
		fprintf(stderr, "ERROR: system: fork: %s\n", strerror(errno));
		free(line);
		return;
	}
	if (child == 0) {
		pid_t cmdpid;
		closefrom(3);
		cmdpid = fork();
		if (cmdpid < 0) {
			fprintf(stderr, "ERROR: system: fork: %s\n", strerror(errno));
			_exit(1);
		}
		if (cmdpid == 0) {
			execl("/bin/sh", "sh", "-c", line, (char *)NULL);
			fprintf(stderr, "ERROR: system: /bin/sh: %s\n", strerror(errno));
			_exit(127);
		}
		_exit(0);
	}
	while (waitpid(child, NULL, 0) < 0 && errno == EINTR)
		;
	free(line);
}
