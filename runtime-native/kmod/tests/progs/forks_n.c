/* forks_n.c: forks N children (argv[1], default 5), each exiting at once, and prints "fork PID" with
 * the pid fork returned for each, for the kernel.trace tests on sched_process_fork and _exec/_exit. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 5;
	for (int i = 0; i < n; i++) {
		pid_t p = fork();
		if (p == 0)
			_exit(0);
		if (p < 0)
			return 1;
		printf("fork %d\n", (int)p);
		waitpid(p, NULL, 0);
	}
	return 0;
}
