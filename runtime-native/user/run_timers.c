/* run_timers.c: timer probes on timerfds (see run_timers.h). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/timerfd.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "run_timers.h"

#define NS_PER_S 1000000000LL
/* Debian's kernels are built with CONFIG_HZ=250; used when the running kernel's config is unreadable */
#define DEFAULT_HZ 250

/* the running kernel's HZ, from /boot/config-RELEASE: jiffies are kernel ticks, not USER_HZ */
static long kernel_hz(void)
{
	static long hz;
	struct utsname u;
	char path[128], line[256];
	FILE *f;
	if (hz)
		return hz;
	hz = DEFAULT_HZ;
	if (uname(&u) == 0) {
		snprintf(path, sizeof path, "/boot/config-%s", u.release);
		if ((f = fopen(path, "r"))) {
			while (fgets(line, sizeof line, f))
				if (!strncmp(line, "CONFIG_HZ=", 10) && atol(line + 10) > 0)
					hz = atol(line + 10);
			fclose(f);
		}
	}
	return hz;
}

int run_timer_from(const struct stapvm_probe_point *pt, struct run_timer *t)
{
	/* a jiffies timer counts kernel ticks: the running kernel's HZ scales it */
	int64_t scale = pt->flags & PFL_JIFFIES ? NS_PER_S / kernel_hz() : 1;
	if (pt->kind != SVM_PROBE_TIMER)
		return 0;
	memset(t, 0, sizeof *t);
	t->fd = -1;
	t->period_ns = (int64_t)pt->period * scale;
	t->jitter_ns = (int64_t)pt->jitter * scale;
	return 1;
}

static int64_t next_interval(const struct run_timer *t)
{
	int64_t ns = t->period_ns;
	if (t->jitter_ns > 0)
		ns += (int64_t)(random() % (2 * t->jitter_ns + 1)) - t->jitter_ns;
	return ns > 0 ? ns : 1;
}

static int arm(struct run_timer *t)
{
	struct itimerspec its = { 0 };
	int64_t first = next_interval(t);
	its.it_value.tv_sec = first / NS_PER_S;
	its.it_value.tv_nsec = first % NS_PER_S;
	if (!t->jitter_ns) {
		/* a fixed period keeps its phase however late the loop runs */
		its.it_interval.tv_sec = t->period_ns / NS_PER_S;
		its.it_interval.tv_nsec = t->period_ns % NS_PER_S;
	}
	return timerfd_settime(t->fd, 0, &its, 0);
}

int run_timer_start(struct run_timer *t)
{
	t->fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	if (t->fd < 0)
		return -1;
	return arm(t);
}

uint64_t run_timer_fired(struct run_timer *t)
{
	uint64_t n = 0;
	if (read(t->fd, &n, sizeof n) != sizeof n)
		return 0;
	if (t->jitter_ns)
		arm(t);
	return n;
}

void run_timer_stop(struct run_timer *t)
{
	if (t->fd >= 0)
		close(t->fd);
	t->fd = -1;
}
