/* test_bpengine.c: probes on real programs under each replay mode: hit counts, arguments, identical output. */
#include "../bpengine.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int pass, fail;
#define CHECK(c) do { if (c) pass++; else { fail++; fprintf(stderr, "%s:%d: FAIL %s\n", __FILE__, __LINE__, #c); } } while (0)

struct tally { long hits; long argsum; };
static void on_hit(struct bp_engine *e, struct bp_probe *p, pid_t tid, const struct user_regs_struct *r, void *arg)
{
	struct tally *t = arg;
	(void)e; (void)tid;
	t->hits++;
	t->argsum += (long)r->rdi;
	if (r->rip != p->addr) t->hits = -1000000;   /* the handler must see rip at the probe */
}

static char *slurp(const char *path)
{
	static char buf[2][4096];
	static int k;
	FILE *f = fopen(path, "r");
	char *b = buf[k++ & 1];
	size_t n = f ? fread(b, 1, sizeof buf[0] - 1, f) : 0;
	b[n] = 0;
	if (f) fclose(f);
	return b;
}

/* Output of argv run without any tracing. */
static char *plain_run(char *const argv[])
{
	int st, fd = open("plain.out", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	pid_t pid = fork();
	if (pid == 0) { dup2(fd, 1); execv(argv[0], argv); _exit(127); }
	close(fd);
	waitpid(pid, &st, 0);
	return slurp("plain.out");
}

static const char *mode_name[] = { "emulate", "xol", "step", "auto" };

static void count_case(const char *target, enum bp_mode mode, long n)
{
	char ns[32];
	snprintf(ns, sizeof ns, "%ld", n);
	char *argv[] = { (char *)target, ns, NULL };
	struct tally tw = { 0, 0 }, tf = { 0, 0 }, tb = { 0, 0 };
	struct bp_engine e;
	struct bp_probe *pw, *pf, *pb;
	char *want = strdup(plain_run(argv)), *got;
	int fd = open("traced.out", O_WRONLY | O_CREAT | O_TRUNC, 0644), st;

	CHECK(bp_spawn(&e, argv, fd, mode) == 0);
	close(fd);
	CHECK((pw = bp_add_func(&e, target, "work", on_hit, &tw)) != NULL);
	CHECK((pf = bp_add_func(&e, target, "framed", on_hit, &tf)) != NULL);
	CHECK((pb = bp_add_func(&e, target, "bump", on_hit, &tb)) != NULL);
	if (!pw || !pf || !pb) { kill(e.pid, SIGKILL); bp_run(&e); free(want); return; }
	/* jmp [rip], call [rip], ret as first instructions: XOL (or step), never emulated */
	struct tally tj = { 0, 0 }, tc = { 0, 0 }, tr = { 0, 0 };
	CHECK(bp_add_func(&e, target, "tailjmp", on_hit, &tj) != NULL);
	CHECK(bp_add_func(&e, target, "icall", on_hit, &tc) != NULL);
	CHECK(bp_add_func(&e, target, "retfirst", on_hit, &tr) != NULL);
	st = bp_run(&e);
	got = slurp("traced.out");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK(tw.argsum == 3 * (n * (n - 1) / 2));        /* rdi = i at every work() entry, 3 ways in */
	CHECK(tw.hits == 3 * n && tj.hits == n && tc.hits == n && tr.hits == n && tr.argsum == n * (n - 1) / 2);
	CHECK(strcmp(want, got) == 0);
	if (mode == BP_EMULATE) CHECK(pw->n_emu == 3 * (uint64_t)n && pf->n_emu == (uint64_t)n && pb->n_step == (uint64_t)n);
	if (mode == BP_AUTO) CHECK(pw->n_emu == 3 * (uint64_t)n && pf->n_emu == (uint64_t)n && pb->n_xol == (uint64_t)n);
	if (mode == BP_XOL) CHECK(pw->n_xol == 3 * (uint64_t)n && pf->n_xol == (uint64_t)n && pb->n_xol == (uint64_t)n);
	if (mode == BP_STEP) CHECK(pw->n_step == 3 * (uint64_t)n && pf->n_step == (uint64_t)n && pb->n_step == (uint64_t)n);
	printf("  %-20s %-8s hits work=%ld framed=%ld bump=%ld (emu/xol/step %lu/%lu/%lu) output %s",
	       target, mode_name[mode], tw.hits, tf.hits, tb.hits,
	       (unsigned long)(pw->n_emu + pf->n_emu + pb->n_emu), (unsigned long)(pw->n_xol + pf->n_xol + pb->n_xol),
	       (unsigned long)(pw->n_step + pf->n_step + pb->n_step), strcmp(want, got) ? "DIFFERS\n" : "identical: ");
	if (!strcmp(want, got)) printf("%s", got);
	free(want);
}

static void thread_case(enum bp_mode mode, long n, int t)
{
	char ns[32], ts[8];
	snprintf(ns, sizeof ns, "%ld", n); snprintf(ts, sizeof ts, "%d", t);
	char *argv[] = { "targets/threads", ns, ts, NULL };
	struct tally tw = { 0, 0 };
	struct bp_engine e;
	char *want = strdup(plain_run(argv)), *got;
	int fd = open("traced.out", O_WRONLY | O_CREAT | O_TRUNC, 0644), st;

	CHECK(bp_spawn(&e, argv, fd, mode) == 0);
	close(fd);
	CHECK(bp_add_func(&e, argv[0], "twork", on_hit, &tw) != NULL);
	st = bp_run(&e);
	got = slurp("traced.out");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK(tw.hits == n * t && tw.argsum == t * (n * (n - 1) / 2));
	CHECK(strcmp(want, got) == 0);
	printf("  threads x%d          %-8s hits %ld of %ld, output %s\n", t, mode_name[mode], tw.hits, n * t,
	       strcmp(want, got) ? "DIFFERS" : "identical");
	free(want);
}

/* Fork following: the child's hits count too; a fork+exec runs unharmed. */
static void fork_case(enum bp_mode mode, long n)
{
	char ns[32];
	snprintf(ns, sizeof ns, "%ld", n);
	char *argv[] = { "targets/forks", ns, NULL };
	struct tally tw = { 0, 0 };
	struct bp_engine e;
	char *want = strdup(plain_run(argv)), *got;
	int fd = open("traced.out", O_WRONLY | O_CREAT | O_TRUNC, 0644), st;

	CHECK(bp_spawn(&e, argv, fd, mode) == 0);
	close(fd);
	CHECK(bp_add_func(&e, argv[0], "fwork", on_hit, &tw) != NULL);
	st = bp_run(&e);
	got = slurp("traced.out");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK(tw.hits == 2 * n && tw.argsum == n * (n - 1));
	CHECK(strcmp(want, got) == 0);
	printf("  fork + system()      %-8s hits %ld of %ld, output %s\n", mode_name[mode], tw.hits, 2 * n,
	       strcmp(want, got) ? "DIFFERS" : "identical");
	free(want);
}

/* .return: value in rax, execution resumes in the caller (never at the trampoline). */
struct rets { long hits, sum, bad; };
static void on_ret(struct bp_engine *e, struct bp_probe *p, pid_t tid, const struct user_regs_struct *r, void *arg)
{
	struct rets *t = arg;
	(void)tid;
	t->hits++;
	t->sum += (long)r->rax;
	if (r->rip == p->addr || (r->rip >= e->xol_area && r->rip < e->xol_area + 4096)) t->bad++;
}

static void return_case(enum bp_mode mode, long n)
{
	char ns[32];
	snprintf(ns, sizeof ns, "%ld", n);
	char *argv[] = { "targets/count", ns, NULL };
	struct tally tw = { 0, 0 };
	struct rets rw = { 0, 0, 0 }, rf = { 0, 0, 0 };
	struct bp_engine e;
	char *want = strdup(plain_run(argv)), *got;
	int fd = open("traced.out", O_WRONLY | O_CREAT | O_TRUNC, 0644), st;
	long fsum = 0;

	for (long i = 0; i < n; i++) fsum += (i ^ 0x55) + 1;
	CHECK(bp_spawn(&e, argv, fd, mode) == 0);
	close(fd);
	CHECK(bp_add_func(&e, argv[0], "work", on_hit, &tw) != NULL);     /* entry and return share the int3 */
	CHECK(bp_add_return(&e, argv[0], "work", on_ret, &rw) != NULL);
	CHECK(bp_add_return(&e, argv[0], "framed", on_ret, &rf) != NULL);
	st = bp_run(&e);
	got = slurp("traced.out");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK(tw.hits == 3 * n && rw.hits == 3 * n && rf.hits == n && rw.bad == 0 && rf.bad == 0);
	CHECK(rw.sum == 3 * (3 * (n * (n - 1) / 2) + n));   /* work(i) = 3i+1, reached 3 ways */
	CHECK(rf.sum == fsum);
	CHECK(e.nrets == 0 && e.ret_lost == 0);
	CHECK(strcmp(want, got) == 0);
	printf("  .return              %-8s work entries %ld returns %ld, framed returns %ld, output %s\n",
	       mode_name[mode], tw.hits, rw.hits, rf.hits, strcmp(want, got) ? "DIFFERS" : "identical");
	free(want);
}

/* Stop tracing after `limit` hits: the handler asks, bp_run detaches everything. */
struct limited { long hits, limit; };
static void on_hit_limited(struct bp_engine *e, struct bp_probe *p, pid_t tid, const struct user_regs_struct *r, void *arg)
{
	struct limited *l = arg;
	(void)p; (void)tid; (void)r;
	if (++l->hits == l->limit) e->detach_requested = 1;
}

static void detach_case(const char *target, const char *func, enum bp_mode mode, long n, long limit)
{
	char ns[32];
	snprintf(ns, sizeof ns, "%ld", n);
	char *argv[] = { (char *)target, ns, NULL };
	struct limited l = { 0, limit };
	struct bp_engine e;
	char *want = strdup(plain_run(argv)), *got;
	int fd = open("traced.out", O_WRONLY | O_CREAT | O_TRUNC, 0644), st = -1, rc;

	CHECK(bp_spawn(&e, argv, fd, mode) == 0);
	close(fd);
	CHECK(bp_add_func(&e, target, func, on_hit_limited, &l) != NULL);
	struct rets rr = { 0, 0, 0 };
	CHECK(bp_add_return(&e, target, func, on_ret, &rr) != NULL);   /* pending at detach */
	rc = bp_run(&e);
	CHECK(rc == 0 && e.detached);
	CHECK(waitpid(e.pid, &st, 0) == e.pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);  /* runs on untraced */
	got = slurp("traced.out");
	CHECK(l.hits == limit);
	CHECK(strcmp(want, got) == 0);
	printf("  detach after %ld      %-8s %s: hits %ld, exit %d, output %s\n", limit, mode_name[mode], target,
	       l.hits, WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? -WTERMSIG(st) : -1000,
	       strcmp(want, got) ? "DIFFERS" : "identical");
	free(want);
}

/* -x PID: attach to a running process (blocked in read), probe, let it go on. */
static void attach_case(enum bp_mode mode, long n)
{
	char ns[32];
	snprintf(ns, sizeof ns, "%ld", n);
	char *argv[] = { "targets/count", ns, NULL }, *wargv[] = { "targets/count", ns, "w", NULL };
	struct tally tw = { 0, 0 };
	struct bp_engine e;
	char *want = strdup(plain_run(argv)), *got;
	int fd = open("traced.out", O_WRONLY | O_CREAT | O_TRUNC, 0644), pfd[2], st;
	pid_t pid;

	if (pipe(pfd)) return;
	if ((pid = fork()) == 0) { dup2(pfd[0], 0); dup2(fd, 1); close(pfd[1]); execv(wargv[0], wargv); _exit(127); }
	close(fd); close(pfd[0]);
	usleep(100000);
	CHECK(bp_attach(&e, pid, mode) == 0);
	CHECK(bp_add_func(&e, argv[0], "work", on_hit, &tw) != NULL);
	CHECK(write(pfd[1], "\n", 1) == 1);
	close(pfd[1]);
	st = bp_run(&e);
	got = slurp("traced.out");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK(tw.hits == 3 * n);
	CHECK(strcmp(want, got) == 0);
	printf("  attach -x PID        %-8s hits %ld of %ld, output %s\n", mode_name[mode], tw.hits, 3 * n,
	       strcmp(want, got) ? "DIFFERS" : "identical");
	free(want);
}

int main(int argc, char **argv)
{
	if (argc > 1) {   /* stress one case: ./test_bpengine detach-threads ROUNDS */
		for (int i = 0; i < atoi(argv[2]); i++) {
			detach_case("targets/threads", "twork", BP_EMULATE, 50000, 1000);
			detach_case("targets/threads", "twork", BP_XOL, 50000, 1000);
		}
		printf("bpengine: %d passed, %d failed\n", pass, fail);
		return fail != 0;
	}
	for (int m = BP_EMULATE; m <= BP_AUTO; m++) count_case("targets/count", m, 2000);
	count_case("targets/count_nopie", BP_EMULATE, 500);
	count_case("targets/count_nopie", BP_XOL, 500);
	/* Re-insertion races with sibling threads, so threads run only the two stop-free modes. */
	thread_case(BP_EMULATE, 2000, 4);
	thread_case(BP_XOL, 2000, 4);
	for (int m = BP_EMULATE; m <= BP_STEP; m++) fork_case(m, 1000);
	for (int m = BP_EMULATE; m <= BP_STEP; m++) detach_case("targets/count", "work", m, 100000, 300);
	detach_case("targets/threads", "twork", BP_EMULATE, 50000, 1000);
	detach_case("targets/threads", "twork", BP_XOL, 50000, 1000);
	for (int m = BP_EMULATE; m <= BP_STEP; m++) attach_case(m, 1000);
	for (int m = BP_EMULATE; m <= BP_STEP; m++) return_case(m, 2000);
	printf("bpengine: %d passed, %d failed\n", pass, fail);
	return fail != 0;
}
