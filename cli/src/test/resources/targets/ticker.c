/* ticker.c: a probe target that runs for a while: calls tick() N times, 10 ms apart, then reports. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static long ticks;

__attribute__((noinline)) long tick(long i)
{
	ticks++;
	asm volatile("");
	return i;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 300;
	for (long i = 0; i < n; i++) {
		tick(i);
		usleep(10000);
	}
	printf("done ticks=%ld\n", ticks);
	return 0;
}
