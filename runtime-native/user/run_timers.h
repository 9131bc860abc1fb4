/* run_timers.h: timer.s/ms/us/ns/hz/jiffies(N)[.randomize(M)] probes as one timerfd each. */
#ifndef STAPVM_RUN_TIMERS_H
#define STAPVM_RUN_TIMERS_H
#include <stdint.h>
#include "../vm/stapvm.h"

struct run_timer {
	int probe;              /* the module's probe index */
	int fd;                 /* timerfd, CLOCK_MONOTONIC */
	int64_t period_ns;
	int64_t jitter_ns;      /* each interval is period +- up to jitter (randomize) */
};

/* 1 and *t filled (fd = -1) when probe point pt is a timer (its period and jitter in ns or, with
 * PFL_JIFFIES, in the running kernel's ticks), 0 if not */
int run_timer_from(const struct stapvm_probe_point *pt, struct run_timer *t);
/* creates the timerfd and arms the first interval; -1 with errno */
int run_timer_start(struct run_timer *t);
/* after the fd polled readable: consumes the expirations, re-arms a randomized timer;
 * returns how many intervals passed (the handler runs once per poll, as a late hrtimer does) */
uint64_t run_timer_fired(struct run_timer *t);
void run_timer_stop(struct run_timer *t);
#endif
