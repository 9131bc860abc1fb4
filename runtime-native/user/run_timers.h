/* run_timers.h: timer.s/ms/us/ns/hz/jiffies(N)[.randomize(M)] probes as one timerfd each. */
#ifndef STAPVM_RUN_TIMERS_H
#define STAPVM_RUN_TIMERS_H
#include <stdint.h>

struct run_timer {
	int probe;              /* the module's probe index */
	int fd;                 /* timerfd, CLOCK_MONOTONIC */
	int64_t period_ns;
	int64_t jitter_ns;      /* each interval is period +- up to jitter (randomize) */
};

/* parses a probe descriptor; 1 and *t filled (fd = -1) if it is a timer, 0 if not, -1 if it is
 * a timer whose descriptor cannot be used (reason in err) */
int run_timer_parse(const char *desc, struct run_timer *t, char *err, unsigned errlen);
/* creates the timerfd and arms the first interval; -1 with errno */
int run_timer_start(struct run_timer *t);
/* after the fd polled readable: consumes the expirations, re-arms a randomized timer;
 * returns how many intervals passed (the handler runs once per poll, as a late hrtimer does) */
uint64_t run_timer_fired(struct run_timer *t);
void run_timer_stop(struct run_timer *t);
#endif
