/* loop_native.c: the same integer loop as loop.s.in in C, the -O2 baseline (N from argv so nothing folds). */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

__attribute__((noinline)) static int64_t work(int64_t n)
{
	int64_t s = 0;
	for (int64_t i = 0; i < n; i++) {
		s += (int64_t)((uint64_t)i * 7) ^ (i >> 3);
		__asm__ volatile("" : "+r"(s)); /* keep one iteration per step, as the VM does (no vectorising) */
	}
	return s;
}

int main(int argc, char **argv)
{
	printf("%lld\n", (long long)work(argc > 1 ? atoll(argv[1]) : 1000));
	return 0;
}
