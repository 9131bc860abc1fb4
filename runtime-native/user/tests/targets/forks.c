/* forks.c: probe target: parent and a forked child each call a noinline function N times; then system(). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

__attribute__((noinline)) long fwork(long i) { asm volatile(""); return i * 7 + 3; }

static long loop(long n) { long s = 0; for (long i = 0; i < n; i++) s += fwork(i); return s; }

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000;
	int st;
	pid_t pid;
	fflush(stdout);
	if ((pid = fork()) == 0) {
		printf("child sum=%ld\n", loop(n));
		return 0;
	}
	waitpid(pid, &st, 0);
	printf("parent sum=%ld child status=%d\n", loop(n), WEXITSTATUS(st));
	fflush(stdout);
	/* fork+exec of another program (posix_spawn / vfork inside): must run normally */
	return system("echo exec ok") != 0;
}
