/* api_test.c: exercises the libstapvm.so C API as an FFI caller would (load, probes, callback and buffered output, errors). */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include "../stapvm.h"
#include "../host.h"

static int passed, failed;
#define CHECK(cond) do { if (cond) passed++; else { failed++; printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } } while (0)

static uint8_t *slurp(const char *path, size_t *n)
{
	static uint8_t buf[1 << 16];
	FILE *f = fopen(path, "rb");
	if (!f) return 0;
	*n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	return buf;
}

static char cbtext[4096];
static void on_output(void *arg, int stream, const char *data, size_t len)
{
	(void)arg;
	if (stream == 0) strncat(cbtext, data, len < sizeof cbtext - strlen(cbtext) - 1 ? len : 0);
}

/* pstat.s's probe 1 (n++, st <<< n*n, h[n % 3] <<< n*n) for n = 1..6, hit k on CPU cpu_of[k] of
 * ncpus, then its end; 1 if the output holds the variances var (st, h[1], h[2], h[0]) */
static int pstat_run(const stapvm_module *mod, uint32_t ncpus, const int *cpu_of, const char *var)
{
	char err[256], out[512], want[512];
	stapvm_session *s = stapvm_session_new_cpus(mod, ncpus, err, sizeof err);
	stapvm_exec *x[3] = { 0 };
	int ok = s != 0, v[4];
	for (uint32_t c = 0; ok && c < ncpus; c++) ok = (x[c] = stapvm_exec_new(s, c, err, sizeof err)) != 0;
	for (int k = 0; ok && k < 6; k++) ok = stapvm_exec_probe(x[cpu_of[k]], 1, 0) == 0;
	ok = ok && stapvm_run_kind(s, SVM_PROBE_END) == 0 && stapvm_take_output(s, 0, out, sizeof out) > 0;
	sscanf(var, "%d %d %d %d", &v[0], &v[1], &v[2], &v[3]);
	snprintf(want, sizeof want, "st: count=6 sum=91 min=1 max=36 avg=15 var=%d\n"
		 "h[1]: count=2 sum=17 min=1 max=16 avg=8 var=%d\n"
		 "h[2]: count=2 sum=29 min=4 max=25 avg=14 var=%d\n"
		 "h[0]: count=2 sum=45 min=9 max=36 avg=22 var=%d\n"
		 "after delete: 1 in h=0 2 in h=1; after clear: count=0\n", v[0], v[1], v[2], v[3]);
	if (ok && strcmp(out, want)) { printf("pstat on %u CPUs:\n%s", ncpus, out); ok = 0; }
	for (uint32_t c = 0; c < ncpus; c++) stapvm_exec_free(x[c]);
	stapvm_session_free(s);
	return ok;
}

int main(void)
{
	char err[256], buf[256];
	size_t n;
	uint8_t *bytes;
	stapvm_module *mod;
	stapvm_session *s;

	CHECK(stapvm_load(0, 0, err, sizeof err) == 0);
	CHECK(stapvm_verify((const uint8_t *)"STVMxx", 6, err, sizeof err) == -1 && strcmp(err, "bad magic: not a stapvm module") == 0);

	CHECK((bytes = slurp("build/corpus/globals.stvm", &n)) != 0);
	CHECK(stapvm_verify(bytes, n, err, sizeof err) == 0);
	mod = stapvm_load(bytes, n, err, sizeof err);
	CHECK(mod != 0);
	CHECK(stapvm_probe_count(mod) == 4);
	{
		struct stapvm_probe_point pt;
		CHECK(stapvm_probe_point(mod, 3, &pt) == 0 && pt.kind == SVM_PROBE_END && strcmp(pt.pp, "end") == 0 &&
		      !pt.symbol && !pt.path && !pt.address);
		CHECK(stapvm_probe_point(mod, 4, &pt) == -1);
	}
	s = stapvm_session_new(mod, err, sizeof err);
	CHECK(s != 0);
	CHECK(stapvm_run_probe(s, 0) == 0 && stapvm_run_probe(s, 1) == 0);
	CHECK(stapvm_run_probe(s, 99) == -1);
	CHECK(stapvm_run_kind(s, SVM_PROBE_END) == 0);
	CHECK(stapvm_exit_requested(s) == 1);
	CHECK(stapvm_take_output(s, 0, buf, 8) == 7 && strcmp(buf, "count=2") == 0);
	CHECK(stapvm_take_output(s, 0, buf, sizeof buf) > 0 && strncmp(buf, " last=end\n", 10) == 0);
	CHECK(stapvm_take_output(s, 0, buf, sizeof buf) == 0);
	CHECK(stapvm_error_count(s) == 0 && stapvm_output_dropped(s) == 0);
	stapvm_session_free(s);

	s = stapvm_session_new(mod, err, sizeof err);
	stapvm_set_output(s, on_output, 0);
	CHECK(stapvm_run_kind(s, SVM_PROBE_END) == 0 && strcmp(cbtext, "count=0 last=end\nstill running\n") == 0);
	stapvm_session_free(s);
	stapvm_module_free(mod);

	CHECK((bytes = slurp("build/corpus/divzero.stvm", &n)) != 0);
	mod = stapvm_load(bytes, n, err, sizeof err);
	s = stapvm_session_new(mod, err, sizeof err);
	CHECK(stapvm_run_kind(s, SVM_PROBE_BEGIN) == 1);
	CHECK(stapvm_error_count(s) == 1 && stapvm_exit_requested(s) == 1);
	CHECK(stapvm_run_kind(s, SVM_PROBE_BEGIN) == -1);
	CHECK(stapvm_take_output(s, 1, buf, sizeof buf) > 0 && strcmp(buf, "ERROR: division by 0 near operator '/' at t.stp:3:9\n") == 0);
	stapvm_session_free(s);
	stapvm_module_free(mod);

	/* lock lists (the full lists are in tests/ok/locks.s): bounded copy, bad index, no entry program */
	CHECK((bytes = slurp("build/corpus/locks.stvm", &n)) != 0);
	mod = stapvm_load(bytes, n, err, sizeof err);
	CHECK(mod != 0);
	{
		uint32_t l[4] = { 0 };
		CHECK(stapvm_probe_locks(mod, 1, 0, l, 2) == 4 && l[0] == (0 << 1) && l[1] == (1 << 1) && l[2] == 0);
		CHECK(stapvm_probe_locks(mod, 3, 0, l, 4) == 2 && l[0] == (0 << 1 | 1) && l[1] == (4 << 1 | 1));
		CHECK(stapvm_probe_locks(mod, 4, 1, l, 4) == 1 && l[0] == (1 << 1));
		CHECK(stapvm_probe_locks(mod, 0, 1, l, 4) == -1 && stapvm_probe_locks(mod, 8, 0, l, 4) == -1);
	}
	/* handlers run under their locks, taken in order and all released; a lock not had skips the hit */
	s = stapvm_session_new(mod, err, sizeof err);
	CHECK(stapvm_run_probe(s, 1) == 0 && stapvm_run_probe(s, 4) == 0 && stapvm_run_entry(s, 4) == 0);
	CHECK(svm_host_locks_held() == 0 && svm_host_lock_order_errors() == 0);
	svm_host_lock_fail_after(2);   /* the third of probe 1's four locks */
	CHECK(stapvm_run_probe(s, 1) == STAPVM_SKIPPED && svm_host_locks_held() == 0);
	svm_host_lock_fail_after(0);   /* n++ does not run */
	CHECK(stapvm_run_probe(s, 4) == STAPVM_SKIPPED && svm_host_locks_held() == 0);
	svm_host_lock_fail_after(0);
	CHECK(stapvm_run_entry(s, 4) == STAPVM_SKIPPED && svm_host_locks_held() == 0);
	CHECK(stapvm_run_probe(s, 6) == 0 && stapvm_take_output(s, 0, buf, sizeof buf) == 4 && strcmp(buf, "n=1\n") == 0);
	CHECK(svm_host_lock_order_errors() == 0 && stapvm_error_count(s) == 0);
	stapvm_session_free(s);
	stapvm_module_free(mod);
	/* statistics per CPU: each execution context adds into its CPU's copy; reads merge them with
	 * SystemTap's total variance (worked by hand from runtime/stat.c), unsorted foreach keeps
	 * first-insertion order across CPUs; the same hits on one CPU give the single-copy numbers */
	CHECK((bytes = slurp("build/corpus/pstat.stvm", &n)) != 0);
	mod = stapvm_load(bytes, n, err, sizeof err);
	CHECK(mod != 0);
	CHECK(stapvm_session_new_cpus(mod, 0, err, sizeof err) == 0 && strcmp(err, "a session needs at least one CPU") == 0);
	s = stapvm_session_new_cpus(mod, 3, err, sizeof err);
	CHECK(stapvm_exec_new(s, 3, err, sizeof err) == 0 && strcmp(err, "execution context for CPU 3: the session has 3") == 0);
	stapvm_session_free(s);
	CHECK(pstat_run(mod, 3, (const int[6]){ 0, 0, 1, 1, 1, 2 }, "186 113 221 365"));
	CHECK(pstat_run(mod, 1, (const int[6]){ 0 }, "199 120 231 378"));
	stapvm_module_free(mod);
	/* the order check itself: a lower lock taken over a higher one, released out of order */
	{
		void *lo = svm_host_lock_new(), *hi = svm_host_lock_new();
		struct svm_lock_wait w = { 0 };
		CHECK(svm_host_lock(hi, 0, &w) == 0 && svm_host_lock(lo, 1, &w) == 0 && svm_host_lock_order_errors() == 1);
		svm_host_unlock(hi, 0);
		CHECK(svm_host_lock_order_errors() == 2);
		svm_host_unlock(lo, 1);
		svm_host_lock_free(lo); svm_host_lock_free(hi);
	}
	/* one fresh svm_lock_wait per hit: a hit on the spent wait of the last, its second lock on another */
	{
		void *a = svm_host_lock_new(), *b = svm_host_lock_new();
		struct svm_lock_wait w = { 0 }, other = { 0 };
		int e = svm_host_lock_order_errors();
		CHECK(svm_host_lock(a, 0, &w) == 0 && svm_host_lock(b, 1, &w) == 0 && svm_host_lock_order_errors() == e);
		svm_host_unlock(b, 1);
		svm_host_unlock(a, 0);
		CHECK(svm_host_lock(a, 0, &w) == 0 && svm_host_lock_order_errors() == e + 1);
		CHECK(svm_host_lock(b, 0, &other) == 0 && svm_host_lock_order_errors() == e + 2);
		svm_host_unlock(b, 0);
		svm_host_unlock(a, 0);
		CHECK(svm_host_lock_order_errors() == e + 2 && svm_host_locks_held() == 0);
		svm_host_lock_free(a); svm_host_lock_free(b);
	}

	printf("api: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
