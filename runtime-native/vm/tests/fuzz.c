/* fuzz.c: seeded, time-bounded fuzzing: mutated and random module bytes never crash the verifier; accepted ones run clean under ASan/UBSan. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../stapvm.h"
#include "../module.h"

#define MAXSEEDS 64
#define MAXLEN 65536
static uint8_t *seed[MAXSEEDS];
static size_t seedlen[MAXSEEDS];
static int nseeds;
static uint64_t rng = 0x5eed5eed12345678ull;

static uint64_t rnd(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

static void sink(void *arg, int stream, const char *d, size_t n) { (void)arg; (void)stream; (void)d; (void)n; }

static void load_seeds(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];
	while (d && (e = readdir(d)) && nseeds < MAXSEEDS) {
		FILE *f;
		if (!strstr(e->d_name, ".stvm")) continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (!(f = fopen(path, "rb"))) continue;
		seed[nseeds] = malloc(MAXLEN);
		seedlen[nseeds] = fread(seed[nseeds], 1, MAXLEN, f);
		fclose(f);
		nseeds++;
	}
	if (d) closedir(d);
}

static size_t mutate(uint8_t *buf)
{
	int k = (int)(rnd() % (unsigned)(nseeds + 1));
	size_t n;
	if (k == nseeds) { /* pure noise, sometimes behind a valid magic */
		n = rnd() % 512;
		for (size_t i = 0; i < n; i++) buf[i] = (uint8_t)rnd();
		if (n >= 8 && rnd() % 2) { memcpy(buf, "STVM\2\0", 6); }
		return n;
	}
	n = seedlen[k];
	memcpy(buf, seed[k], n);
	for (int m = 0, nm = 1 + (int)(rnd() % 6); m < nm && n; m++) {
		size_t at = rnd() % n;
		switch (rnd() % 7) {
		case 0: buf[at] ^= (uint8_t)(1u << (rnd() % 8)); break;
		case 1: buf[at] = (uint8_t)rnd(); break;
		case 2: buf[at] = (uint8_t)(rnd() % 4); break;
		case 3: buf[at] = 0xff; break;
		case 4: if (at + 4 <= n) { uint32_t v = (uint32_t)(rnd() % 3 ? rnd() % 300 : rnd()); memcpy(buf + at, &v, 4); } break;
		case 5: n = at; break;
		case 6: buf[at] = (uint8_t)(rnd() % 0x80); break; /* likely a real opcode */
		}
	}
	return n;
}

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
