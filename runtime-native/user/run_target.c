/* run_target.c: the -c / -x target process of a run (see run_target.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <unistd.h>
#include <wordexp.h>
#include "run_target.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif

void run_target_init(struct run_target *t)
{
	t->pid = 0;
	t->pidfd = -1;
	t->hold_fd = -1;
	t->ours = 0;
	t->ended = 0;
}

static int pidfd_open(pid_t pid) { return (int)syscall(SYS_pidfd_open, pid, 0); }

/* In the child: only async-signal-safe calls (the parent may be a multi-threaded JVM). */
static void held_child(int hold_rd, char *const argv[])
{
	sigset_t none;
	char go = 0;
	ssize_t n;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, 0);
	signal(SIGPIPE, SIG_DFL);
	do
		n = read(hold_rd, &go, 1);
	while (n < 0 && errno == EINTR);
	if (n != 1 || go != 'g')
		_exit(0);
	close(hold_rd);
	/* CMD gets stdin/stdout/stderr only, not the tracer's (or the JVM's) other files, as under stap. */
	close_range(3, ~0U, 0);
	execvp(argv[0], argv);
	_exit(127);
}

int run_target_words(const char *cmd, char ***argv, int *shell, char *err, unsigned errlen)
{
	wordexp_t we;
	char **copy;
	size_t n;
	int rc = wordexp(cmd, &we, WRDE_NOCMD | WRDE_UNDEF);
	if (rc == 0 && we.we_wordc == 0) {
		wordfree(&we);
		snprintf(err, errlen, "empty -c COMMAND");
		return -1;
	}
	if (rc && rc != WRDE_BADCHAR) {
		if (rc == WRDE_SYNTAX) snprintf(err, errlen, "wordexp: syntax error (unmatched quotes?) in -c COMMAND");
		else snprintf(err, errlen, "wordexp: parsing error (%d)", rc);
		return -1;
	}
	/* shell operators (| ; & < > ...): what the user meant, as staprun does (rhbz 467652) */
	const char *sh[] = { "/bin/sh", "-c", cmd };
	if (shell) *shell = rc != 0;
	n = rc ? 3 : we.we_wordc;
	copy = calloc(n + 1, sizeof *copy);
	for (size_t i = 0; copy && i < n; i++)
		copy[i] = strdup(rc ? sh[i] : we.we_wordv[i]);
	if (rc == 0)
		wordfree(&we);
	*argv = copy;
	return copy ? 0 : -1;
}

void run_target_words_free(char **argv)
{
	for (size_t i = 0; argv && argv[i]; i++)
		free(argv[i]);
	free(argv);
}

int run_target_spawn(struct run_target *t, char *const argv[], char *err, unsigned errlen)
{
	int hold[2];
	pid_t pid;
	if (pipe2(hold, O_CLOEXEC) < 0) {
		snprintf(err, errlen, "cannot start '%s': %s", argv[0], strerror(errno));
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		snprintf(err, errlen, "cannot start '%s': %s", argv[0], strerror(errno));
		close(hold[0]);
		close(hold[1]);
		return -1;
	}
	if (pid == 0) {
		close(hold[1]);
		held_child(hold[0], argv);
	}
	close(hold[0]);
	t->pid = pid;
	t->ours = 1;
	t->hold_fd = hold[1];
	t->pidfd = pidfd_open(pid);
	return 0;
}

void run_target_attach(struct run_target *t, pid_t pid)
{
	t->pid = pid;
	t->pidfd = pidfd_open(pid);
	if (t->pidfd < 0 && errno == ESRCH)
		t->ended = 1;
}

void run_target_release(struct run_target *t)
{
	if (t->hold_fd < 0)
		return;
	if (write(t->hold_fd, "g", 1) != 1)
		t->ended = 1;
	close(t->hold_fd);
	t->hold_fd = -1;
}

void run_target_reap(struct run_target *t)
{
	int status;
	if (t->ours)
		while (waitpid(t->pid, &status, 0) < 0 && errno == EINTR)
			;
	t->ended = 1;
	if (t->pidfd >= 0)
		close(t->pidfd);
	t->pidfd = -1;
}

/* waits up to ms for the target's pidfd; 1 if it ended */
static int ended_within(struct run_target *t, int ms)
{
	struct pollfd p = { .fd = t->pidfd, .events = POLLIN };
	return t->pidfd < 0 || poll(&p, 1, ms) == 1;
}

void run_target_finish(struct run_target *t)
{
	if (t->hold_fd >= 0) {
		close(t->hold_fd);      /* the held child sees EOF and leaves without running CMD */
		t->hold_fd = -1;
	} else if (t->ours && !t->ended) {
		kill(t->pid, SIGTERM);
		if (!ended_within(t, 1000))
			kill(t->pid, SIGKILL);   /* a command that ignores SIGTERM must not hang the run */
	}
	if (t->ours && !t->ended)
		run_target_reap(t);
	t->ended = 1;
	if (t->pidfd >= 0)
		close(t->pidfd);
	t->pidfd = -1;
}
