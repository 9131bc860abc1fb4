/* bpguard.c: the guardian of an attached (-x) process: if the tracer dies without detaching (SIGKILL, OOM
 * kill), it stops the process, takes the tracer's place and puts every original byte back (see bpguard.h). */
#define _GNU_SOURCE
#include "bpguard.h"
#include "bptask.h"
#include "ptmem.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define GUARD_TRACER_GONE_MS 5000   /* how long the kernel may take to detach the dead tracer's tracees */

static int tracer_of(pid_t tid)
{
	char path[64], line[128];
	int v = -1;
	FILE *f;
	snprintf(path, sizeof path, "/proc/%d/status", (int)tid);
	if (!(f = fopen(path, "re"))) return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "TracerPid: %d", &v) == 1) break;
	fclose(f);
	return v;
}

/* seizes every thread of pid (group-stopped by our SIGSTOP), waits for its stop; the count */
static int seize_all(pid_t pid, pid_t *tids, int max)
{
	char path[64];
	struct dirent *de;
	int n = 0;
	DIR *d;
	snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
	if (!(d = opendir(path))) return 0;
	while ((de = readdir(d)) && n < max) {
		pid_t tid = atoi(de->d_name);
		int st;
		if (tid <= 0 || ptrace(PTRACE_SEIZE, tid, 0, 0) || ptrace(PTRACE_INTERRUPT, tid, 0, 0)) continue;
		if (waitpid(tid, &st, __WALL) == tid && WIFSTOPPED(st)) tids[n++] = tid;
	}
	closedir(d);
	return n;
}

/* the dead tracer's engine state (shared memory, as it was at its death) undone in the stopped process */
static void restore(struct bp_engine *e)
{
	pid_t tids[BP_MAX_TIDS];
	int n;
	for (int waited = 0; tracer_of(e->pid) > 0 && waited < GUARD_TRACER_GONE_MS; waited++)
		nanosleep(&(struct timespec){ 0, 1000000 }, 0);
	n = seize_all(e->pid, tids, BP_MAX_TIDS);
	if (!n) return;
	for (int k = 0; k < e->nprobes; k++)
		pt_write(tids[0], e->probes[k].addr, e->probes[k].orig, 1);
	for (int i = 0; i < e->nrets; i++) {
		uint64_t w;
		if (pt_read(tids[0], e->rets[i].where, &w, 8) == 0 && w == e->xol_area + BP_TRAMP_OFF)
			pt_write(tids[0], e->rets[i].where, &e->rets[i].real, 8);
	}
	/* a thread the tracer had not resumed yet stands just past an int3: back onto the instruction */
	for (int i = 0; i < n; i++) {
		struct user_regs_struct r;
		if (ptrace(PTRACE_GETREGS, tids[i], 0, &r)) continue;
		for (int k = 0; k < e->nprobes; k++)
			if (r.rip - 1 == e->probes[k].addr) {
				r.rip--;
				ptrace(PTRACE_SETREGS, tids[i], 0, &r);
				break;
			}
	}
	for (int i = 0; i < n; i++) ptrace(PTRACE_DETACH, tids[i], 0, 0);
}

static void guard(struct bp_engine *e, int rfd)
{
	struct pollfd p = { rfd, POLLIN, 0 };
	char c;
	/* the tracer's terminal signals are not ours; only the pipe's end says the tracer is gone */
	for (int s = 1; s < NSIG; s++)
		if (s != SIGKILL && s != SIGSTOP) signal(s, SIG_IGN);
	prctl(PR_SET_NAME, "stapvm-guard");
	/* woken by the tracer's death, it must stop the process before a thread meets an int3: run ahead
	 * of ordinary tasks where allowed (root); it sleeps all the rest of the time */
	sched_setscheduler(0, SCHED_FIFO, &(struct sched_param){ .sched_priority = 1 });
	while (poll(&p, 1, -1) < 0 && errno == EINTR)
		;
	if (read(rfd, &c, 1) == 1 || e->detached || e->ntids == 0)
		return;   /* detached cleanly, or nothing left to restore */
	/* the tracer died mid-run: stop the process first (a thread that reaches an int3 before the bytes
	 * are back would die of SIGTRAP), then restore, then let it go on */
	if (kill(e->pid, SIGSTOP)) return;
	restore(e);
	kill(e->pid, SIGCONT);
}

int bp_guard_start(struct bp_engine *e)
{
	int fds[2], st;
	pid_t mid;
	if (pipe2(fds, O_CLOEXEC)) return -1;
	/* two forks: the guardian is no child of the tracer, so the engine's waitpid(-1) never meets it */
	mid = fork();
	if (mid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (mid == 0) {
		if (fork() == 0) {
			int null = open("/dev/null", O_RDWR);
			close(fds[1]);
			/* no copy of the tracer's files (an output pipe would stay open for its reader) */
			if (null >= 0) { dup2(null, 0); dup2(null, 1); dup2(null, 2); }
			if (fds[0] != 3) { dup2(fds[0], 3); }
			close_range(4, ~0U, 0);
			guard(e, 3);
			_exit(0);
		}
		_exit(0);
	}
	close(fds[0]);
	while (waitpid(mid, &st, 0) < 0 && errno == EINTR)
		;
	e->guard_fd = fds[1];
	return 0;
}

void bp_guard_stop(struct bp_engine *e)
{
	if (e->guard_fd <= 0) return;
	if (write(e->guard_fd, "d", 1) != 1) {
		/* the guardian is gone: nothing to tell */
	}
	close(e->guard_fd);
	e->guard_fd = 0;
}
