/* test_elfsyms.c: elfsyms symbols vs nm on real binaries; vaddr/offset and load bias vs the live process. */
#define _GNU_SOURCE
#include "../elfsyms.h"
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failed;
#define CHECK(c) do { if (!(c)) { failed++; fprintf(stderr, "%s:%d: FAIL %s\n", __FILE__, __LINE__, #c); } } while (0)

struct nm_ent { char *name; unsigned long long value, size; };
static int by_name(const void *a, const void *b)
{
	const struct nm_ent *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->value > y->value) - (x->value < y->value);
}

/* nm's text symbols (T t W w i), versions stripped, sorted for bsearch. */
static size_t nm_load(const char *path, const char *opt, struct nm_ent **out)
{
	char cmd[512], line[4096];
	size_t n = 0, cap = 1024;
	struct nm_ent *v = malloc(cap * sizeof *v);
	FILE *p;
	snprintf(cmd, sizeof cmd, "nm %s -S --defined-only '%s' 2>/dev/null", opt, path);
	p = popen(cmd, "r");
	while (fgets(line, sizeof line, p)) {
		unsigned long long val, sz = 0;
		char t, name[4000];
		if (sscanf(line, "%llx %llx %c %3999s", &val, &sz, &t, name) != 4) {
			sz = 0;
			if (sscanf(line, "%llx %c %3999s", &val, &t, name) != 3) continue;
		}
		if (!strchr("TtWwi", t)) continue;
		name[strcspn(name, "@")] = 0;
		if (n == cap) v = realloc(v, (cap *= 2) * sizeof *v);
		v[n++] = (struct nm_ent){ strdup(name), val, sz };
	}
	pclose(p);
	qsort(v, n, sizeof *v, by_name);
	*out = v;
	return n;
}

static void vs_nm(const char *path)
{
	struct elf_file f;
	struct nm_ent *st, *dy;
	size_t nst, ndy, found = 0, miss = 0, badsize = 0;
	if (access(path, R_OK)) { printf("  skip %s\n", path); return; }
	CHECK(elf_open(&f, path) == 0);
	nst = nm_load(path, "", &st);
	ndy = nm_load(path, "-D", &dy);
	for (size_t i = 0; i < f.nsyms; i++) {
		struct nm_ent key = { (char *)f.syms[i].name, f.syms[i].value, 0 }, *hit;
		hit = bsearch(&key, f.syms[i].dynamic ? dy : st, f.syms[i].dynamic ? ndy : nst, sizeof key, by_name);
		if (!hit) { if (miss++ < 5) fprintf(stderr, "  %s: %s@%llx not in nm\n", path, key.name, key.value); continue; }
		found++;
		if (hit->size != f.syms[i].size) badsize++;
	}
	printf("  %-40s %s  %6zu functions, %zu match nm (name, value), %zu size mismatches; nm text syms %zu+%zu\n",
	       path, f.pie ? "ET_DYN " : "ET_EXEC", f.nsyms, found, badsize, nst, ndy);
	CHECK(miss == 0 && badsize == 0 && (f.nsyms > 0 || nst + ndy == 0));
	elf_close(&f);
}

int main(void)
{
	struct elf_file f;
	uint64_t bias, off, va;
	const struct elf_sym *s;
	const char *libc = "/usr/lib/x86_64-linux-gnu/libc.so.6";

	vs_nm("/bin/ls");
	vs_nm(libc);
	vs_nm("/bin/busybox");
	vs_nm("targets/count");
	vs_nm("targets/count_nopie");

	/* This test's own PIE: bias from maps must put main where the CPU has it. */
	CHECK(elf_open(&f, "/proc/self/exe") == 0 && f.pie);
	CHECK((s = elf_lookup(&f, "main")) != NULL);
	CHECK(elf_load_bias(&f, "/proc/self/exe", getpid(), &bias) == 0);
	CHECK(s && s->value + bias == (uint64_t)(uintptr_t)&main);
	CHECK(elf_symbolize(&f, (uint64_t)(uintptr_t)&main - bias + 1) == s);
	elf_close(&f);

	/* libc: symbol + bias == dlsym; file bytes at the mapped offset == code in memory. */
	CHECK(elf_open(&f, libc) == 0);
	CHECK((s = elf_lookup(&f, "getpid")) != NULL);
	CHECK(elf_load_bias(&f, libc, getpid(), &bias) == 0);
	if (s) {
		if (s->value + bias != (uint64_t)(uintptr_t)dlsym(RTLD_DEFAULT, "getpid")) fprintf(stderr, "getpid %lx+%lx vs %p\n", s->value, bias, dlsym(RTLD_DEFAULT, "getpid"));
		CHECK(s->value + bias == (uint64_t)(uintptr_t)dlsym(RTLD_DEFAULT, "getpid"));
		CHECK(elf_vaddr_to_off(&f, s->value, &off) == 0 && elf_off_to_vaddr(&f, off, &va) == 0 && va == s->value);
		CHECK(memcmp(f.map + off, (void *)(uintptr_t)(s->value + bias), 16) == 0);
	}
	elf_close(&f);

	CHECK(elf_open(&f, "targets/count_nopie") == 0 && !f.pie && elf_lookup(&f, "work"));
	elf_close(&f);
	CHECK(elf_open(&f, "/etc/hostname") == -1);   /* not ELF: clean refusal */
	printf("elfsyms: %d passed, %d failed\n", failed ? 0 : 1, failed ? 1 : 0);
	return failed != 0;
}
