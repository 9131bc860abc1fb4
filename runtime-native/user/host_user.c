/* host_user.c: the userspace implementation of host.h (libc, clock_gettime, /proc). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/syscall.h>
#include "../vm/host.h"

void *svm_host_zalloc(size_t n) { return calloc(1, n ? n : 1); }
void svm_host_free(void *p) { free(p); }
void svm_host_memcpy(void *d, const void *s, size_t n) { if (n) memcpy(d, s, n); }
int svm_host_memcmp(const void *a, const void *b, size_t n) { return n ? memcmp(a, b, n) : 0; }
int64_t svm_host_pid(void) { return getpid(); }
int64_t svm_host_tid(void) { return syscall(SYS_gettid); }
int64_t svm_host_cpu(void) { int c = sched_getcpu(); return c < 0 ? 0 : c; }

int64_t svm_host_cred(int which)
{
	switch (which) {
	case 0: return getuid();
	case 1: return getgid();
	case 2: return geteuid();
	default: return getegid();
	}
}

int64_t svm_host_ppid(void) { return getppid(); }

/* field 4 of /proc/PID/stat; the name (field 2) may hold spaces and parentheses: parse after its last ')' */
int64_t svm_host_ppid_of(int64_t pid)
{
	char path[64], buf[512], *rp;
	long long ppid = 0;
	ssize_t n;
	int fd;
	snprintf(path, sizeof path, "/proc/%lld/stat", (long long)pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return 0;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	rp = strrchr(buf, ')');
	if (!rp || sscanf(rp + 1, " %*c %lld", &ppid) != 1)
		return 0;
	return ppid;
}

/* xorshift64*, seeded once from the clock and pid (not for cryptography; SystemTap's is not either) */
uint32_t svm_host_random(uint32_t n)
{
	static uint64_t x;
	struct timespec ts;
	if (!x) {
		clock_gettime(CLOCK_MONOTONIC, &ts);
		x = ((uint64_t)ts.tv_nsec << 20 ^ (uint64_t)ts.tv_sec ^ (uint64_t)getpid() << 40) | 1;
	}
	x ^= x >> 12; x ^= x << 25; x ^= x >> 27;
	return (uint32_t)((x * 0x2545F4914F6CDD1Dull >> 32) % n);
}

int64_t svm_host_clock_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t svm_host_jiffies(void) { return svm_host_clock_ns() / 4000000; }

/* ktime_get_ns is CLOCK_MONOTONIC's nanoseconds */
int64_t svm_host_ktime_ns(void) { return svm_host_clock_ns(); }

int64_t svm_host_cycles(void)
{
#if defined(__x86_64__) || defined(__i386__)
	return (int64_t)__builtin_ia32_rdtsc();
#else
	return svm_host_clock_ns();
#endif
}

int svm_host_tz(int64_t *west, char *name, size_t n)
{
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm) || n == 0)
		return -1;
	*west = -(int64_t)tm.tm_gmtoff;
	snprintf(name, n, "%s", tm.tm_zone ? tm.tm_zone : "");
	return 0;
}

int64_t svm_host_online_cpus(void) { long n = sysconf(_SC_NPROCESSORS_ONLN); return n > 0 ? n : 1; }

int64_t svm_host_time_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* a userspace process sees no kernel task_struct */
int64_t svm_host_task(void)
{
	return 0;
}

int svm_host_pid2task(int64_t pid, int64_t *task)
{
	(void)pid;
	*task = 0;
	return -1;
}

void svm_host_execname(char *buf, size_t n)
{
	FILE *f = fopen("/proc/thread-self/comm", "r")   /* current->comm: the thread's */;
	size_t len = 0;
	if (n == 0)
		return;
	if (f) {
		len = fread(buf, 1, n - 1, f);
		fclose(f);
	}
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == 0))
		len--;
	buf[len] = 0;
}
