/* test_dwarf.c: svm_dwarf_function on target.c built -O0 and -O2: the blob's header, variables and BTF. */
#include "../stapvm_dwarf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int pass, failed;
#define CHECK(c, ...) do { if (c) pass++; else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

struct rd { const uint8_t *p; size_t at, len; };
static uint32_t r32(struct rd *r) { uint32_t v = 0; if (r->at + 4 <= r->len) memcpy(&v, r->p + r->at, 4); r->at += 4; return v; }
static uint64_t r64(struct rd *r) { uint64_t v = 0; if (r->at + 8 <= r->len) memcpy(&v, r->p + r->at, 8); r->at += 8; return v; }
static void rstr(struct rd *r, char *out, size_t cap) { uint32_t n = r32(r); snprintf(out, cap, "%.*s", (int)n, (const char *)r->p + r->at); r->at += n; }
static void rops(struct rd *r) { uint32_t n = r32(r); if (n != 0xffffffffu) r->at += (size_t)n * 17; }

/* the names of the variables of func, "kind:name " each, and whether the BTF blob has its magic */
static long names(const char *path, const char *func, int mode, char *out, size_t cap, int *btf_ok)
{
	static uint8_t blob[1 << 20];
	long n = svm_dwarf_function(path, func, mode, 0, blob, sizeof blob);
	struct rd r = { blob, 0, n > 0 ? (size_t)n : 0 };
	char s[256];
	uint32_t count;
	out[0] = 0;
	if (n < 0) { snprintf(out, cap, "%.200s", (char *)blob); return n; }
	if (r32(&r) != 0x444d5653 || r32(&r) != 1) return -2;
	r64(&r); r64(&r); r32(&r); r32(&r); rstr(&r, s, sizeof s); rstr(&r, s, sizeof s); r64(&r);
	count = r32(&r);
	for (uint32_t i = 0; i < count; i++) {
		char name[128];
		uint8_t kind = blob[r.at++];
		rstr(&r, name, sizeof name);
		r32(&r);
		rops(&r);
		snprintf(out + strlen(out), cap - strlen(out), "%c:%s ", kind == 1 ? 'p' : 'l', name);
	}
	rops(&r); rops(&r);
	r32(&r);
	*btf_ok = r.at + 2 <= r.len && blob[r.at] == 0x9f && blob[r.at + 1] == 0xeb;
	return n;
}

/* the unwind rows of path: in offset order, known rules; at the entry of a function (file offset
 * entry) the CFA is rsp + 8 (the return address just pushed), and somewhere after it the CFA moves */
static void unwind_rows(const char *path, uint32_t entry)
{
	static uint8_t blob[1 << 20];
	long n = svm_dwarf_unwind(path, blob, sizeof blob);
	uint32_t count = 0, prev = 0;
	int sorted = 1, at_entry = 0, moves = 0;
	CHECK(n >= 12 && memcmp(blob, "SVMU", 4) == 0, "%s unwind: %ld %.200s", path, n, n < 0 ? (char *)blob : "");
	if (n < 12) return;
	memcpy(&count, blob + 8, 4);
	CHECK((long)count * 12 + 12 == n && count > 2, "%s unwind: %u rows in %ld bytes", path, count, n);
	for (uint32_t i = 0; i < count; i++) {
		const uint8_t *r = blob + 12 + 12 * (size_t)i;
		uint32_t off;
		int32_t cfa;
		memcpy(&off, r, 4);
		memcpy(&cfa, r + 4, 4);
		if (i && off <= prev) sorted = 0;
		if (r[10] > 3 || r[11]) sorted = 0;
		if (off == entry) at_entry = r[10] == 1 && cfa == 8;
		if (off > entry && off < entry + 64 && r[10] == 1 && cfa > 8) moves = 1;
		prev = off;
	}
	CHECK(sorted, "%s unwind rows out of order or with unknown rules", path);
	CHECK(at_entry && moves, "%s unwind at 0x%x: entry row %d, a later push %d", path, entry, at_entry, moves);
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "--unwind") == 0) {
		unwind_rows(argv[2], (uint32_t)strtoul(argv[3], NULL, 16));
		printf("test_dwarf --unwind: %d passed, %d failed\n", pass, failed);
		return failed != 0;
	}
	for (int i = 1; i < argc; i++) {
		char got[512];
		int btf = 0;
		long n = names(argv[i], "walk", SVM_DWARF_AFTER_PROLOGUE, got, sizeof got, &btf);
		CHECK(n > 0 && btf, "%s walk: %ld %s", argv[i], n, got);
		CHECK(strncmp(got, "p:head p:limit l:sum l:count ", 29) == 0, "%s walk variables: [%s]", argv[i], got);
		n = names(argv[i], "score", SVM_DWARF_AT_ENTRY, got, sizeof got, &btf);
		CHECK(n > 0 && strcmp(got, "p:p p:bonus l:s ") == 0, "%s score variables: [%s]", argv[i], got);
		n = names(argv[i], "nosuch", SVM_DWARF_AT_ENTRY, got, sizeof got, &btf);
		CHECK(n == -1 && strstr(got, "no DWARF for function nosuch in "), "%s nosuch: %ld %s", argv[i], n, got);
	}
	printf("test_dwarf: %d passed, %d failed\n", pass, failed);
	return failed != 0;
}
