/* run_timers.c: timer probes on timerfds (see run_timers.h). */
#include <errno.h>
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

/* nanoseconds per unit of N, or 0 for units whose N is a frequency or a tick count */
static int64_t unit_ns(const char *unit, size_t n)
{
	static const struct { const char *name; int64_t ns; } units[] = {
		{ "s", NS_PER_S }, { "sec", NS_PER_S }, { "ms", 1000000 }, { "msec", 1000000 },
		{ "us", 1000 }, { "usec", 1000 }, { "ns", 1 }, { "nsec", 1 },
	};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strlen(units[i].name) == n && !strncmp(unit, units[i].name, n))
			return units[i].ns;
	return 0;
}

/* reads "(NUMBER)" at *p; -1 if malformed */
static int paren_number(const char **p, long long *v)
{
	char *end;
	if (**p != '(')
		return -1;
	errno = 0;
	*v = strtoll(*p + 1, &end, 10);
	if (errno || end == *p + 1 || *end != ')')
		return -1;
	*p = end + 1;
	return 0;
}

int run_timer_parse(const char *desc, struct run_timer *t, char *err, unsigned errlen)
{
	const char *unit, *p;
	long long value, rand = 0;
	size_t ulen;
	int64_t scale;
	if (strncmp(desc, "timer.", 6))
		return 0;
	unit = desc + 6;
	ulen = strcspn(unit, "(");
	p = unit + ulen;
	if (paren_number(&p, &value) || value <= 0 ||
	    (*p && (strncmp(p, ".randomize", 10) || (p += 10, paren_number(&p, &rand)) || *p || rand < 0))) {
		snprintf(err, errlen, "unusable timer probe point '%s'", desc);
		return -1;
	}
	memset(t, 0, sizeof *t);
	t->fd = -1;
	if ((scale = unit_ns(unit, ulen))) {
		t->period_ns = value * scale;
		t->jitter_ns = rand * scale;
	} else if (ulen == 2 && !strncmp(unit, "hz", 2)) {
		t->period_ns = NS_PER_S / value;
		t->jitter_ns = rand * t->period_ns / value;
	} else if (ulen == 7 && !strncmp(unit, "jiffies", 7)) {
		t->period_ns = value * (NS_PER_S / kernel_hz());
		t->jitter_ns = rand * (NS_PER_S / kernel_hz());
	} else {
		snprintf(err, errlen, "unknown timer unit in probe point '%s'", desc);
		return -1;
	}
	if (t->period_ns <= 0) {
		snprintf(err, errlen, "timer probe point '%s' has no period", desc);
		return -1;
	}
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
