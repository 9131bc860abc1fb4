/* loop_native.c: the bench workloads of loop_*.s.in in C, the -O2 baseline ("WORKLOAD N"; N from
 * argv so nothing folds). Each keeps one iteration per step, as the VM does (no vectorising). */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#define KEEP(x) __asm__ volatile("" : "+r"(x))

__attribute__((noinline)) static int64_t work_int(int64_t n)
{
	int64_t s = 0;
	for (int64_t i = 0; i < n; i++) {
		s += (int64_t)((uint64_t)i * 7) ^ (i >> 3);
		KEEP(s);
	}
	return s;
}

/* the VM's arrays are hash tables: the baseline is an open-addressing table keyed by int64 */
struct slot { int64_t key, value; int used; };
static struct slot table[4096];

static struct slot *find(int64_t key)
{
	uint64_t h = (uint64_t)key * 0x9e3779b97f4a7c15ull;
	for (size_t i = h >> 52;; i = (i + 1) & 4095)
		if (!table[i].used || table[i].key == key) return &table[i];
}

__attribute__((noinline)) static int64_t work_array(int64_t n)
{
	for (int64_t i = 0; i < n; i++) {
		struct slot *e = find(i & 1023);
		e->used = 1; e->key = i & 1023; e->value += i;
	}
	return find(5)->value;
}

/* strings are bounded copies, as MAXSTRINGLEN makes them in the VM */
__attribute__((noinline)) static int64_t work_string(int64_t n)
{
	char a[512] = "abc", b[512] = "defgh", t[512];
	int64_t s = 0;
	for (int64_t i = 0; i < n; i++) {
		size_t la = strnlen(a, 511), lb = strnlen(b, 511 - la);
		memcpy(t, a, la); memcpy(t + la, b, lb); t[la + lb] = 0;
		KEEP(t[0]);
		s += (int64_t)strlen(t);
	}
	return s;
}

int main(int argc, char **argv)
{
	const char *w = argc > 1 ? argv[1] : "int";
	int64_t n = argc > 2 ? atoll(argv[2]) : 1000, r;
	if (!strcmp(w, "int")) r = work_int(n);
	else if (!strcmp(w, "array")) r = work_array(n);
	else if (!strcmp(w, "string")) r = work_string(n);
	else { fprintf(stderr, "usage: loop_native int|array|string N\n"); return 2; }
	printf("%lld\n", (long long)r);
	return 0;
}
