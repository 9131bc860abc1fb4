/* longjmps.c: probed calls left by longjmp. dive() recurses DEPTH frames; for every third i the
 * deepest frame longjmps out of all of them, landing in a probed frame (outer) or in main.
 * Prints how many probed calls were entered and how many really returned. */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#define DEPTH 4
static long entered, returned;

__attribute__((noinline)) long dive(long depth, long i, jmp_buf *to)
{
	long r;
	entered++;
	if (depth == 0 && i % 3 == 0) longjmp(*to, 1);
	r = depth ? dive(depth - 1, i, to) + 1 : i;
	returned++;     /* a store after the call: the recursion stays a recursion */
	return r;
}

/* A probed frame that a longjmp lands in: it still returns normally afterwards. */
__attribute__((noinline)) long outer(long i)
{
	jmp_buf here;
	volatile long r = -1;
	entered++;
	if (setjmp(here) == 0) r = dive(DEPTH, i, &here);
	returned++;
	return r;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100, sum = 0;
	jmp_buf top;
	for (long i = 0; i < n; i++) {
		sum += outer(i);
		if (setjmp(top) == 0) sum += dive(DEPTH, i, &top);
	}
	printf("entered=%ld returned=%ld sum=%ld\n", entered, returned, sum);
	return 0;
}
