/* Inlined and called functions for the process().function(...).call/.inline and @var tests: sq is inlined
 * into f (called once per round) and into main (once), and has no code of its own; f is never inlined;
 * show prints the global counter as the program sees it. */
#include <stdio.h>
#include <stdlib.h>

int counter = 7;

static inline int sq(int x) { return x * x; }

__attribute__((noinline)) int f(int n)
{
	counter += n;
	return sq(n) + 1;
}

__attribute__((noinline)) void show(int round)
{
	printf("counter %d %d\n", round, counter);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 3;
	int s = 0;
	for (int i = 0; i < n; i++)
	{
		s += f(i);
		show(i);
	}
	s += sq(s);
	puts("done");
	printf("%d %d\n", s, counter);
	return 0;
}
