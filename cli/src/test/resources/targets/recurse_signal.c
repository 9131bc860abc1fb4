/* recurse_signal.c: a probe target for the stapvm command's tests: fib() recursion, a function
 * called from a signal handler, and a plain loop; prints how often each ran. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long fib_calls, handler_calls;

/* no sibling-call optimisation: GCC would turn the second call into a loop, and every fib_calls
 * increment must be a real call the probes see */
__attribute__((noinline, optimize("no-optimize-sibling-calls"))) long fib(long n)
{
	fib_calls++;
	return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

__attribute__((noinline)) long in_handler(long x)
{
	handler_calls++;
	asm volatile("");
	return x + 1;
}

static void on_usr1(int sig) { in_handler(sig); }

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 10, signals = argc > 2 ? atol(argv[2]) : 5;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, 0);
	long f = fib(n);
	for (long i = 0; i < signals; i++)
		raise(SIGUSR1);
	printf("fib(%ld)=%ld fib_calls=%ld handler_calls=%ld\n", n, f, fib_calls, handler_calls);
	return 0;
}
