/* loop.c: benchmark target: a tight loop over one noinline function (lea prologue). */
#include <stdio.h>
#include <stdlib.h>

long counter;
__attribute__((noinline)) long work(long i) { asm volatile(""); return i * 3 + 1; }

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100000, s = 0;
	for (long i = 0; i < n; i++) s += work(i);
	printf("%ld\n", s);
	return 0;
}
