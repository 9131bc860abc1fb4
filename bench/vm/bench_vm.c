/* bench_vm.c: loads a module with libstapvm, runs its begin probe once and prints the wall time. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "stapvm.h"

int main(int argc, char **argv)
{
	static uint8_t bytes[1 << 20];
	char err[256];
	struct timespec a, b;
	FILE *f = argc > 1 ? fopen(argv[1], "rb") : 0;
	size_t n = f ? fread(bytes, 1, sizeof bytes, f) : 0;
	stapvm_module *m = stapvm_load(bytes, n, err, sizeof err);
	stapvm_session *s;
	int rc;
	if (!m) { fprintf(stderr, "load: %s\n", err); return 1; }
	s = stapvm_session_new(m, err, sizeof err);
	clock_gettime(CLOCK_MONOTONIC, &a);
	rc = stapvm_run_kind(s, SVM_PROBE_BEGIN);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("rc=%d ns=%lld\n", rc, (long long)(b.tv_sec - a.tv_sec) * 1000000000 + (b.tv_nsec - a.tv_nsec));
	stapvm_session_free(s);
	stapvm_module_free(m);
	return rc != 0;
}
