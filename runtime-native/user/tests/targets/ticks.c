/* ticks.c: probe target for tracer-death tests: two threads call a noinline function N times, MS ms apart (default 1), then print the count. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long n, ms = 1;
__attribute__((noinline)) long tick(long i) { asm volatile(""); return i + 1; }

static void *run(void *arg)
{
	long s = 0;
	for (long i = 0; i < n; i++) {
		s += tick(i) - i;
		nanosleep(&(struct timespec){ ms / 1000, ms % 1000 * 1000000 }, NULL);
	}
	*(long *)arg = s;
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t th;
	long a = 0, b = 0;
	n = argc > 1 ? atol(argv[1]) : 1000;
	if (argc > 2) ms = atol(argv[2]);
	pthread_create(&th, NULL, run, &a);
	run(&b);
	pthread_join(th, NULL);
	printf("ticks=%ld\n", a + b);
	return 0;
}
