/* recurse.c: probe target for @entry under recursion: depth(n) calls depth(n-1) down to 0 and returns n. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) long depth(long n)
{
	long r;
	if (n <= 0) return 0;
	r = depth(n - 1);
	asm volatile("" : "+r"(r));   /* a use after the call: the recursion stays a recursion */
	return r + 1;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 5;
	printf("depth=%ld\n", depth(n));
	return 0;
}
