/* fuzz.c: seeded, time-bounded fuzzing: mutated and random module bytes never crash the verifier; accepted ones run clean under ASan/UBSan. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../stapvm.h"
#include "../module.h"
#include "mutate.h"

static void sink(void *arg, int stream, const char *d, size_t n) { (void)arg; (void)stream; (void)d; (void)n; }

int main(int argc, char **argv)
{
	static uint8_t buf[MAXLEN];
	char err[512];
	long seconds = argc > 2 ? atol(argv[2]) : 25, iters = 0, accepted = 0, ran = 0;
	time_t end = time(0) + seconds;
	if (argc < 2) { fprintf(stderr, "usage: fuzz CORPUS_DIR [SECONDS]\n"); return 2; }
	load_seeds(argv[1]);
	if (nseeds == 0) { printf("fuzz: no seeds in %s\nfuzz: 0 passed, 1 failed\n", argv[1]); return 1; }
	while (time(0) < end) {
		for (int batch = 0; batch < 200; batch++, iters++) {
			size_t n = mutate(buf);
			struct svm_module m;
			stapvm_module *mod = stapvm_load(buf, n, err, sizeof err);
			stapvm_session *s;
			if (!mod) {
				if (!err[0]) { printf("fuzz: rejection without a message\nfuzz: 0 passed, 1 failed\n"); return 1; }
				continue;
			}
			accepted++;
			/* run only modules whose limits keep one iteration short */
			if (svm_module_decode(buf, n, &m, err, sizeof err) == 0) {
				int small = m.limits.maxaction <= 20000 && m.limits.maxnesting <= 64;
				svm_module_release(&m);
				if (small && (s = stapvm_session_new(mod, err, sizeof err))) {
					stapvm_set_output(s, sink, 0);
					for (int p = 0; p < stapvm_probe_count(mod); p++) stapvm_run_probe(s, p);
					stapvm_session_free(s);
					ran++;
				}
			}
			stapvm_module_free(mod);
		}
	}
	printf("fuzz: %ld inputs, %ld accepted, %ld run (seed corpus %d files, %ld s)\n", iters, accepted, ran, nseeds, seconds);
	printf("fuzz: 1 passed, 0 failed\n");
	return 0;
}
