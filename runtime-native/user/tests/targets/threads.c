/* threads.c: probe target: T threads each call a noinline function N times; prints the totals. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static long n;
__attribute__((noinline)) long twork(long i) { asm volatile(""); return i * 5 + 2; }

static void *run(void *arg)
{
	long s = 0;
	for (long i = 0; i < n; i++) s += twork(i);
	*(long *)arg = s;
	return NULL;
}

int main(int argc, char **argv)
{
	int t = argc > 2 ? atoi(argv[2]) : 4;
	pthread_t th[64];
	long sums[64], total = 0;
	n = argc > 1 ? atol(argv[1]) : 1000;
	if (t > 64) t = 64;
	if (argc > 3 && argv[3][0] == 'w') getchar();   /* let a tracer attach first */
	for (int i = 0; i < t; i++) pthread_create(&th[i], NULL, run, &sums[i]);
	for (int i = 0; i < t; i++) { pthread_join(th[i], NULL); total += sums[i]; }
	printf("threads=%d n=%ld total=%ld\n", t, n, total);
	return 0;
}
