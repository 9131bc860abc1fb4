/* getpid_n.c: calls getpid exactly N times (and getppid M times) through syscall(2), so a kprobe on the
 * syscall counts exactly; "-s MS" sleeps first; "-t SECONDS" calls it in a loop for that long and prints "PID COUNT". */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	if (argc > 2 && !strcmp(argv[1], "-s")) {   /* -s MS: sleep first (lets two sessions start) */
		usleep(atoi(argv[2]) * 1000);
		argc -= 2;
		argv += 2;
	}
	if (argc == 3 && !strcmp(argv[1], "-t")) {
		time_t end = time(NULL) + atoi(argv[2]);
		long pid = syscall(SYS_getpid), n = 1;   /* the pid is the first call counted; nothing else calls getpid */
		while (time(NULL) < end)
			for (int i = 0; i < 100; i++, n++)
				syscall(SYS_getpid);
		printf("%ld %ld\n", pid, n);
		return 0;
	}
	long n = argc > 1 ? atol(argv[1]) : 0, m = argc > 2 ? atol(argv[2]) : 0;
	for (long i = 0; i < n; i++)
		syscall(SYS_getpid);
	for (long i = 0; i < m; i++)
		syscall(SYS_getppid);
	return 0;
}
