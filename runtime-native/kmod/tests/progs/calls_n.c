/* calls_n.c: calls work(i, 2 * i, "calls_n") exactly N times, so a uprobe counts exactly; work returns 3 * i. */
#include <stdlib.h>

/* noipa: a real call with the real arguments (no inlining, cloning or constant propagation) */
__attribute__((noipa)) long work(long a, long b, const char *tag)
{
	return a + b + (tag[0] == 0);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 0;
	volatile long sum = 0;
	/* on the stack, so resident: probes read user memory without faulting pages in, and a .rodata
	 * literal's page is not touched before the first call's probe */
	char tag[] = "calls_n";
	for (long i = 0; i < n; i++)
		sum += work(i, 2 * i, tag);
	return 0;
}
