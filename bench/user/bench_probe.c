/* bench_probe.c: ns per probe hit for emulate, XOL and re-insertion, by CPU placement (median of runs). */
#define _GNU_SOURCE
#include "bpengine.h"
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

static void on_hit(struct bp_engine *e, struct bp_probe *p, pid_t tid, const struct user_regs_struct *r, void *arg)
{
	(void)e; (void)p; (void)tid; (void)r;
	++*(long *)arg;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void pin_self(int cpu)
{
	cpu_set_t s;
	CPU_ZERO(&s);
	if (cpu < 0) for (int i = 0; i < CPU_SETSIZE; i++) CPU_SET(i, &s); else CPU_SET(cpu, &s);
	sched_setaffinity(0, sizeof s, &s);
}

/* Seconds for one run; mode < 0 means untraced. Placement applies to both cases. */
static double one(const char *target, long n, int mode, int tracer_cpu, int tracee_cpu)
{
	char ns[32];
	char *argv[] = { (char *)target, ns, NULL };
	int fd = open("/dev/null", O_WRONLY), st;
	double t0;
	long hits = 0;
	snprintf(ns, sizeof ns, "%ld", n);
	if (mode < 0) {
		pid_t pid;
		pin_self(tracee_cpu);  /* the child inherits it */
		t0 = now();
		if ((pid = fork()) == 0) { dup2(fd, 1); execv(target, argv); _exit(127); }
		waitpid(pid, &st, 0);
		t0 = now() - t0;
		pin_self(-1);
		close(fd);
		return t0;
	}
	struct bp_engine e;
	if (bp_spawn(&e, argv, fd, mode)) { perror("spawn"); exit(1); }
	close(fd);
	bp_pin(&e, tracer_cpu, tracee_cpu);
	if (!bp_add_func(&e, target, "work", on_hit, &hits)) { fprintf(stderr, "probe failed\n"); exit(1); }
	t0 = now();
	st = bp_run(&e);
	t0 = now() - t0;
	pin_self(-1);
	if (hits != n || !WIFEXITED(st)) { fprintf(stderr, "bad run: hits %ld\n", hits); exit(1); }
	return t0;
}

/* The floor under any ptrace probe: a child looping on int3, the tracer only resuming it
 * (trap, wakeup, waitpid, PTRACE_CONT), plus the GETREGS every real hit needs. */
static double floor_ns(long n, int tracer_cpu, int tracee_cpu, int getregs)
{
	int st;
	struct bp_engine e;
	struct user_regs_struct r;
	double t0;
	memset(&e, 0, sizeof e);
	if ((e.pid = fork()) == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);
		for (;;) __asm__ volatile("int3");
	}
	waitpid(e.pid, &st, 0);
	ptrace(PTRACE_SETOPTIONS, e.pid, 0, PTRACE_O_EXITKILL);
	bp_pin(&e, tracer_cpu, tracee_cpu);
	t0 = now();
	for (long i = 0; i < n; i++) {
		ptrace(PTRACE_CONT, e.pid, 0, 0);
		waitpid(e.pid, &st, 0);
		if (getregs) ptrace(PTRACE_GETREGS, e.pid, 0, &r);
	}
	t0 = now() - t0;
	kill(e.pid, SIGKILL);
	waitpid(e.pid, &st, 0);
	pin_self(-1);
	return t0 / n * 1e9;
}

static double median(const char *target, long n, int mode, int a, int b, int runs)
{
	double v[32];
	for (int i = 0; i < runs; i++) v[i] = one(target, n, mode, a, b);
	qsort(v, runs, sizeof *v, cmp);
	return v[runs / 2];
}

int main(int argc, char **argv)
{
	const char *target = argc > 1 ? argv[1] : "build/loop";
	long n = argc > 2 ? atol(argv[2]) : 20000;
	int runs = argc > 3 ? atoi(argv[3]) : 5;
	int ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	static const char *mname[] = { "emulate", "xol", "step (re-insert)" };
	/* CPU for the "same CPU" rows: the last one by default, as CPU 0 tends to carry other
	 * work (interrupts, other jobs); pass another as argv[4]. */
	int c = argc > 4 ? atoi(argv[4]) : ncpu - 1, o = c == 0 ? 1 : 0;
	char same[32], cross[32];
	snprintf(same, sizeof same, "same CPU (%d/%d)", c, c);
	snprintf(cross, sizeof cross, "cross CPU (%d/%d)", c, o);
	struct { const char *name; int tracer, tracee; } place[] = {
		{ same, c, c }, { cross, c, o }, { "unpinned", -1, -1 } };
	int nplace = ncpu > 1 ? 3 : 1;

	if (runs > 32) runs = 32;
	printf("tracer/tracee CPU placement rows: tracer CPU / tracee CPU\n");
	printf("target %s, %ld probe hits per run, median of %d runs, %d CPUs\n", target, n, runs, ncpu);
	printf("%-18s %-18s %12s %12s\n", "placement", "mode", "run ms", "ns/hit");
	for (int p = 0; p < nplace; p++) {
		double base = median(target, n, -1, place[p].tracer, place[p].tracee, runs);
		double fl[32], fg[32];
		printf("%-18s %-18s %12.2f %12s\n", place[p].name, "no probe", base * 1e3, "-");
		for (int i = 0; i < runs; i++) fl[i] = floor_ns(n, place[p].tracer, place[p].tracee, 0);
		for (int i = 0; i < runs; i++) fg[i] = floor_ns(n, place[p].tracer, place[p].tracee, 1);
		qsort(fl, runs, sizeof *fl, cmp);
		qsort(fg, runs, sizeof *fg, cmp);
		printf("%-18s %-18s %12s %12.0f\n", place[p].name, "floor: int3+cont", "-", fl[runs / 2]);
		printf("%-18s %-18s %12s %12.0f\n", place[p].name, "floor: +getregs", "-", fg[runs / 2]);
		for (int m = BP_EMULATE; m <= BP_STEP; m++) {
			double t = median(target, n, m, place[p].tracer, place[p].tracee, runs);
			printf("%-18s %-18s %12.2f %12.0f\n", place[p].name, mname[m], t * 1e3, (t - base) / n * 1e9);
			fflush(stdout);
		}
	}
	return 0;
}
