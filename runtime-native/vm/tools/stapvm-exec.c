/* stapvm-exec.c: test driver: loads a module file through libstapvm, runs its probes in SystemTap's session order, prints both streams. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../stapvm.h"
#include "../context.h"

/* a probe with an entry program: two nested calls (entry, entry, return, return), each with its own data */
static void run_nested_returns(stapvm_module *mod, stapvm_session *s)
{
	for (int i = 0; i < stapvm_probe_count(mod); i++) {
		int n = stapvm_probe_entry_size(mod, i), ok[2];
		struct svm_ctx c[2];
		if (n <= 0) continue;
		for (int k = 0; k < 2; k++) {
			c[k] = (struct svm_ctx){ .kind = SVM_CTX_NONE, .pid = -1, .tid = -1 };
			c[k].entry_data = calloc(1, (size_t)n);
			c[k].entry_size = (uint32_t)n;
			stapvm_set_context(s, &c[k]);
			ok[k] = stapvm_run_entry(s, i) == 0;
		}
		for (int k = 1; k >= 0; k--) {
			stapvm_set_context(s, &c[k]);
			if (ok[k]) stapvm_run_probe(s, i);
			free(c[k].entry_data);
		}
		stapvm_set_context(s, 0);
	}
}

static char buf[1 << 21];

/* --locks: each probe's lock list (and its entry program's), one line each, e.g. "probe 0 begin: 0r 2w" */
static void print_locks(stapvm_module *mod)
{
	static uint32_t l[1 << 16];
	for (int i = 0; i < stapvm_probe_count(mod); i++)
		for (int entry = 0; entry < 2; entry++) {
			int n = stapvm_probe_locks(mod, i, entry, l, 1 << 16);
			struct stapvm_probe_point pt;
			if (n < 0 || stapvm_probe_point(mod, i, &pt)) continue;
			printf("%s %d %s:", entry ? "entry" : "probe", i, pt.pp);
			for (int k = 0; k < n && k < 1 << 16; k++) printf(" %u%c", l[k] >> 1, l[k] & 1 ? 'w' : 'r');
			printf("\n");
		}
}

int main(int argc, char **argv)
{
	static uint8_t bytes[1 << 22];
	char err[512];
	size_t n;
	FILE *f;
	stapvm_module *mod;
	stapvm_session *s;
	int errors;

	int locks = argc == 3 && !strcmp(argv[1], "--locks"), iters = argc == 3 && !strcmp(argv[1], "--iters");
	if (argc != 2 && !locks && !iters) { fprintf(stderr, "usage: stapvm-exec [--locks|--iters] MODULE\n"); return 2; }
	if (!(f = fopen(argv[argc - 1], "rb"))) { perror(argv[argc - 1]); return 2; }
	n = fread(bytes, 1, sizeof bytes, f);
	fclose(f);
	if (!(mod = stapvm_load(bytes, n, err, sizeof err))) { printf("REJECT: %s\n", err); return 3; }
	if (locks) print_locks(mod);
	/* --iters: the foreach storage an execution context holds */
	if (iters) printf("foreach entries: %llu\n", (unsigned long long)stapvm_iter_entries(mod));
	if (locks || iters) { stapvm_module_free(mod); return 0; }
	if (!(s = stapvm_session_new(mod, err, sizeof err))) { printf("SESSION: %s\n", err); return 2; }
	/* SystemTap's order: begin probes until one calls exit() or errors abort the session, then
	 * (unless aborted) end probes until an abort; error probes run when the session aborted. */
	if (stapvm_run_phase(s, SVM_PROBE_BEGIN, 1) == 0) {
		run_nested_returns(mod, s);
		stapvm_run_phase(s, SVM_PROBE_END, 0);
	}
	if (stapvm_aborted(s)) stapvm_run_phase(s, SVM_PROBE_ERROR, 0);
	n = stapvm_take_output(s, 0, buf, sizeof buf);
	fwrite(buf, 1, n, stdout);
	n = stapvm_take_output(s, 1, buf, sizeof buf);
	fwrite(buf, 1, n, stderr);
	errors = stapvm_error_count(s);
	stapvm_session_free(s);
	stapvm_module_free(mod);
	return errors ? 1 : 0;
}
