/* bptask.c: which tasks the engine traces: spawn and attach by PTRACE_SEIZE, the tid list, clean detach. */
#define _GNU_SOURCE
#include "bptask.h"
#include "ptmem.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

/* A number field ("Tgid:", "TracerPid:") of /proc/TID/status; dflt if it cannot be read. */
static int status_field(pid_t tid, const char *field, int dflt)
{
	char path[64], line[128];
	size_t n = strlen(field);
	int v = dflt;
	FILE *f;
	snprintf(path, sizeof path, "/proc/%d/status", (int)tid);
	if (!(f = fopen(path, "re"))) return dflt;
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, field, n) && sscanf(line + n, "%d", &v) == 1) break;
	fclose(f);
	return v;
}

static pid_t read_tgid(pid_t tid) { return status_field(tid, "Tgid:", tid); }

int bp_track(struct bp_engine *e, pid_t tid)
{
	for (int i = 0; i < e->ntids; i++) if (e->tids[i] == tid) return i;
	if (e->ntids == BP_MAX_TIDS) return -1;
	e->tids[e->ntids] = tid;
	e->tgids[e->ntids] = read_tgid(tid);
	e->in_call[e->ntids] = 0;
	return e->ntids++;
}

pid_t bp_tgid(struct bp_engine *e, pid_t tid)
{
	for (int i = 0; i < e->ntids; i++) if (e->tids[i] == tid) return e->tgids[i];
	return tid;
}

void bp_forget(struct bp_engine *e, pid_t tid)
{
	for (int i = 0; i < e->ntids; i++)
		if (e->tids[i] == tid) {
			e->ntids--;
			e->tids[i] = e->tids[e->ntids];
			e->tgids[i] = e->tgids[e->ntids];
			e->in_call[i] = e->in_call[e->ntids];
			return;
		}
}

int bp_is_group_stop(int st)
{
	int s = WSTOPSIG(st);
	return s == SIGSTOP || s == SIGTSTP || s == SIGTTIN || s == SIGTTOU;
}

/* SEIZE rather than TRACEME: PTRACE_INTERRUPT (needed to stop all for detach) and
 * group-stops reported as such only exist for seized tracees. */
int bp_spawn(struct bp_engine *e, char *const argv[], int out_fd, enum bp_mode mode)
{
	return bp_spawn_filtered(e, argv, out_fd, mode, NULL);
}

int bp_spawn_filtered(struct bp_engine *e, char *const argv[], int out_fd, enum bp_mode mode, const struct bp_sysset *calls)
{
	int st, report[2] = { -1, -1 };
	char installed = 0;
	pid_t pid;
	struct bp_sysset only = { 0 };
	if (calls) only = *calls;
	memset(e, 0, sizeof *e);
	e->mode = mode;
	e->sysset = only;
	/* the child says through report whether its seccomp filter went in */
	if (only.wanted && pipe2(report, O_CLOEXEC)) only.wanted = e->sysset.wanted = 0;
	/* the engine may live in shared memory (bpguard.h): the child must not write fork's 0 into it */
	pid = fork();
	if (pid < 0) return -1;
	if (pid == 0) {
		if (out_fd >= 0) dup2(out_fd, 1);
		if (only.wanted && report[1] != 3) report[1] = dup3(report[1], 3, O_CLOEXEC) == 3 ? 3 : -1;
		/* the tracer's other files are none of argv's business */
		close_range(only.wanted && report[1] == 3 ? 4 : 3, ~0U, 0);
		raise(SIGSTOP);          /* wait here until the parent has seized us */
		/* seized with PTRACE_O_TRACESECCOMP now: a traced call stops instead of failing */
		if (only.wanted && report[1] == 3) {
			char ok = bp_seccomp_install(&only) == 0;
			if (write(3, &ok, 1) != 1) _exit(127);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	if (report[1] >= 0) close(report[1]);
	e->pid = pid;
	if (waitpid(e->pid, &st, WUNTRACED) != e->pid || !WIFSTOPPED(st)) goto fail;
	if (ptrace(PTRACE_SEIZE, e->pid, 0, BP_PTRACE_OPTS | PTRACE_O_EXITKILL | (only.wanted ? PTRACE_O_TRACESECCOMP : 0)))
		goto fail;
	kill(e->pid, SIGCONT);
	for (;;) {                   /* run to the exec stop: the new image, not yet started */
		if (waitpid(e->pid, &st, __WALL) != e->pid || !WIFSTOPPED(st)) goto fail;
		if (st >> 16 == PTRACE_EVENT_EXEC) break;
		ptrace(PTRACE_CONT, e->pid, 0, (void *)(intptr_t)(st >> 16 ? 0 : WSTOPSIG(st)));
	}
	/* written before the exec: there by now (the pipe closed at the exec) */
	if (report[0] >= 0) {
		e->filtered = read(report[0], &installed, 1) == 1 && installed;
		close(report[0]);
	}
	bp_track(e, e->pid);
	return 0;
fail:
	if (report[0] >= 0) close(report[0]);
	kill(e->pid, SIGKILL);
	waitpid(e->pid, &st, 0);
	return -1;
}

/* Wait for tid's interrupt stop; its own signals met on the way are passed on. */
static int wait_interrupt(pid_t tid)
{
	int st;
	for (;;) {
		if (waitpid(tid, &st, __WALL) != tid || !WIFSTOPPED(st)) return -1;
		if (st >> 16 == PTRACE_EVENT_STOP) return 0;
		ptrace(PTRACE_CONT, tid, 0, (void *)(intptr_t)(st >> 16 ? 0 : WSTOPSIG(st)));
	}
}

int bp_attach(struct bp_engine *e, pid_t pid, enum bp_mode mode)
{
	char path[64];
	memset(e, 0, sizeof *e);
	e->mode = mode;
	e->pid = pid;
	snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
	/* Threads may be born while we list: repeat until a pass finds nobody new. */
	for (int round = 0, added = 1; added && round < 16; round++) {
		DIR *d = opendir(path);
		struct dirent *de;
		if (!d) return -1;
		added = 0;
		while ((de = readdir(d))) {
			pid_t tid = atoi(de->d_name);
			int known = 0;
			if (tid <= 0) continue;
			for (int i = 0; i < e->ntids; i++) known |= e->tids[i] == tid;
			if (known) continue;
			if (ptrace(PTRACE_SEIZE, tid, 0, BP_PTRACE_OPTS)) {
				int tracer = status_field(tid, "TracerPid:", 0);
				if (errno == ESRCH) continue;   /* it exited while we listed */
				/* an int3 in a thread we do not trace would kill the process: all or nothing */
				if (tracer > 0)
					snprintf(e->err, sizeof e->err, "thread %d of process %d is already traced by process %d; "
						 "stapvm traces every thread or none", (int)tid, (int)pid, tracer);
				else
					snprintf(e->err, sizeof e->err, "cannot trace thread %d of process %d: %s",
						 (int)tid, (int)pid, strerror(errno));
				closedir(d);
				goto refuse;
			}
			if (ptrace(PTRACE_INTERRUPT, tid, 0, 0) || wait_interrupt(tid)) continue;
			bp_track(e, tid);
			added = 1;
		}
		closedir(d);
	}
	if (e->ntids) return 0;
	snprintf(e->err, sizeof e->err, "process %d has no thread that can be traced", (int)pid);
	errno = ESRCH;
	return -1;
refuse:
	/* nothing was written yet: the threads already seized just go on */
	for (int i = 0; i < e->ntids; i++) ptrace(PTRACE_DETACH, e->tids[i], 0, 0);
	e->ntids = 0;
	errno = EBUSY;
	return -1;
}

/* SIGTRAP pending for tid alone (an int3 just executed: the interrupt stop is reported
 * before the trap signal is dequeued, and after detach that signal would kill). */
static int trap_pending(pid_t tid)
{
	char path[96], line[256];
	unsigned long long pnd = 0;
	FILE *f;
	snprintf(path, sizeof path, "/proc/%d/status", (int)tid);   /* per thread, any process */
	if (!(f = fopen(path, "re"))) return 0;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "SigPnd: %llx", &pnd) == 1) break;
	fclose(f);
	return (pnd >> (SIGTRAP - 1)) & 1;
}

/* Ends a filtered command instead of detaching it: once untraced, its probed calls would fail with
 * ENOSYS (the filter stays). As stapvm ends a -c command it runs without ptrace (run_target.c):
 * SIGTERM, up to 1 s for it to leave, then SIGKILL for every task still traced; until then each
 * stop is resumed as it came (no probe runs: the session is over), calls allowed. */
static int end_filtered(struct bp_engine *e, pid_t cur, int cursig)
{
	if (cur) ptrace(PTRACE_CONT, cur, 0, (void *)(intptr_t)cursig);
	kill(e->pid, SIGTERM);
	for (int ms = 0; e->ntids > 0 && ms < 1000;) {
		int st, sig = 0, op = PTRACE_CONT;
		pid_t tid = waitpid(-1, &st, __WALL | WNOHANG);
		if (tid < 0) break;
		if (tid == 0) {
			nanosleep(&(struct timespec){ 0, 1000000 }, 0);
			ms++;
			continue;
		}
		if (WIFEXITED(st) || WIFSIGNALED(st)) { bp_forget(e, tid); continue; }
		if (!WIFSTOPPED(st)) continue;
		if (st >> 16 == PTRACE_EVENT_STOP && bp_is_group_stop(st)) op = PTRACE_LISTEN;
		else if (!(st >> 16) && WSTOPSIG(st) != (SIGTRAP | 0x80) && WSTOPSIG(st) != SIGTRAP) sig = WSTOPSIG(st);
		ptrace(op, tid, 0, (void *)(intptr_t)sig);
	}
	for (int i = 0; i < e->ntids; i++) kill(e->tids[i], SIGKILL);
	while (e->ntids > 0) {
		int st;
		pid_t tid = waitpid(-1, &st, __WALL);
		if (tid < 0) break;
		if (WIFEXITED(st) || WIFSIGNALED(st)) bp_forget(e, tid);
	}
	e->ntids = 0;
	e->detached = 1;
	return 0;
}

int bp_detach(struct bp_engine *e, pid_t cur, int cursig)
{
	int sig[BP_MAX_TIDS] = { 0 }, trapped[BP_MAX_TIDS] = { 0 }, gone[BP_MAX_TIDS] = { 0 };
	if (e->filtered) return end_filtered(e, cur, cursig);

	for (int i = 0; i < e->ntids; i++)
		if (e->tids[i] != cur) ptrace(PTRACE_INTERRUPT, e->tids[i], 0, 0);
	/* e->ntids may grow: a task caught cloning adds a child whose first stop we await too. */
	for (int i = 0; i < e->ntids; i++) {
		pid_t tid = e->tids[i];
		int st;
		if (tid == cur) { sig[i] = cursig; continue; }
		if (waitpid(tid, &st, __WALL) != tid || !WIFSTOPPED(st)) { gone[i] = 1; continue; }
		/* Interrupted with our trap still queued: let it be dequeued into a signal stop. */
		if (st >> 16 == PTRACE_EVENT_STOP && trap_pending(tid)) {
			ptrace(PTRACE_CONT, tid, 0, 0);
			if (waitpid(tid, &st, __WALL) != tid || !WIFSTOPPED(st)) { gone[i] = 1; continue; }
		}
		switch (st >> 16) {
		case 0:   /* a signal stop came first: an int3 hit to rewind, or a signal to pass on */
			if (WSTOPSIG(st) == SIGTRAP) trapped[i] = 1;
			else if (WSTOPSIG(st) != (SIGTRAP | 0x80)) sig[i] = WSTOPSIG(st);   /* not a syscall-stop */
			break;
		case PTRACE_EVENT_CLONE: case PTRACE_EVENT_FORK: case PTRACE_EVENT_VFORK: {
			unsigned long nt;
			ptrace(PTRACE_GETEVENTMSG, tid, 0, &nt);
			bp_track(e, (pid_t)nt);
			if (st >> 16 != PTRACE_EVENT_CLONE) bp_ret_fork(e, tid, (pid_t)nt);
			break;
		}
		}
	}
	/* A thread just cloned is already our (auto-attached) tracee but may not be known yet:
	 * find it in /proc, take its first stop, and detach it with the rest. */
	{
		char path[64];
		DIR *d;
		struct dirent *de;
		snprintf(path, sizeof path, "/proc/%d/task", (int)e->pid);
		if ((d = opendir(path))) {
			while ((de = readdir(d))) {
				pid_t tid = atoi(de->d_name);
				int known = 0, st;
				if (tid <= 0) continue;
				for (int i = 0; i < e->ntids; i++) known |= e->tids[i] == tid;
				if (known || e->ntids == BP_MAX_TIDS) continue;
				if (waitpid(tid, &st, __WALL) != tid || !WIFSTOPPED(st)) continue;  /* not ours */
				sig[e->ntids] = trapped[e->ntids] = gone[e->ntids] = 0;
				if (!(st >> 16) && WSTOPSIG(st) == SIGTRAP) trapped[e->ntids] = 1;
				else if (!(st >> 16) && WSTOPSIG(st) != (SIGTRAP | 0x80)) sig[e->ntids] = WSTOPSIG(st);
				bp_track(e, tid);
			}
			closedir(d);
		}
	}
	/* A task caught on the return trampoline finishes its return now, while the shadow
	 * stack still knows where to. */
	for (int i = 0; i < e->ntids; i++) {
		struct user_regs_struct r;
		if (!trapped[i] || gone[i] || !e->xol_area || ptrace(PTRACE_GETREGS, e->tids[i], 0, &r)) continue;
		if (r.rip - 1 == e->xol_area + BP_TRAMP_OFF && bp_ret_hit(e, e->tids[i], &r) == 0) trapped[i] = 0;
	}
	bp_ret_restore(e);     /* no stack may keep a trampoline address once we are gone */
	/* Every address space gets its bytes back (threads share one: rewriting is harmless). */
	for (int i = 0; i < e->ntids; i++) {
		if (gone[i]) continue;
		if (e->on_detach && e->tgids[i] == e->tids[i]) e->on_detach(e, e->tids[i], e->event_arg);
		for (int k = 0; k < e->nprobes; k++)
			pt_write(e->tids[i], e->probes[k].addr, e->probes[k].orig, 1);
	}
	for (int i = 0; i < e->ntids; i++) {
		struct user_regs_struct r;
		if (gone[i]) continue;
		if (trapped[i] && ptrace(PTRACE_GETREGS, e->tids[i], 0, &r) == 0) {
			if (bp_find(e, r.rip - 1)) {     /* stopped just past our int3: run the original */
				r.rip--;
				ptrace(PTRACE_SETREGS, e->tids[i], 0, &r);
			} else {
				sig[i] = SIGTRAP;
			}
		}
		ptrace(PTRACE_DETACH, e->tids[i], 0, (void *)(intptr_t)sig[i]);
	}
	e->ntids = 0;
	e->detached = 1;
	return 0;
}
