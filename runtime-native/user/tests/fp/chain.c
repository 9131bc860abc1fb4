/* chain.c: main -> outer -> middle -> inner, N times. Built -O0 -fno-omit-frame-pointer (user and kmod
 * tests), so a ubacktrace() at inner's entry has one frame in each function, checked against nm. */
#include <stdlib.h>

__attribute__((noinline)) long inner(long i) { return 3 * i; }
__attribute__((noinline)) long middle(long i) { return inner(i) + 1; }
__attribute__((noinline)) long outer(long i) { return middle(i) + 1; }

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1;
	volatile long sum = 0;
	for (long i = 0; i < n; i++)
		sum += outer(i);
	return 0;
}
