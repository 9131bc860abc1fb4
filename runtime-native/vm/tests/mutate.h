/* mutate.h: the module mutator shared by the fuzzers (vm/tests/fuzz.c in userspace, kmod/tests/fuzz_load.c
 * against stapvm.ko's LOAD ioctl): seeds from a directory of module files, xorshift random mutations. */
#ifndef STAPVM_TESTS_MUTATE_H
#define STAPVM_TESTS_MUTATE_H
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXSEEDS 64
#define MAXLEN 65536
static uint8_t *seed[MAXSEEDS];
static size_t seedlen[MAXSEEDS];
static int nseeds;
static uint64_t rng = 0x5eed5eed12345678ull;   /* set another seed before the first rnd() for another run */

static uint64_t rnd(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

static void load_seeds(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];
	while (d && (e = readdir(d)) && nseeds < MAXSEEDS) {
		FILE *f;
		if (!strstr(e->d_name, ".stvm") && !strstr(e->d_name, ".stpb")) continue;
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
#endif
