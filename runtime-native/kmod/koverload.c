/* koverload.c: stap's overload governor: a session whose probes take more than their share of a CPU ends with stap's error. */
#include <linux/timex.h>
#include "ksession.h"

/* stap's defaults (runtime_defines.h): at most half of each CPU's cycles in probes, measured over 1e9 cycles */
#define STP_OVERLOAD_INTERVAL 1000000000LL
#define STP_OVERLOAD_THRESHOLD 500000000LL

bool ks_overloaded(struct ksession *ks, struct kcpu *c, u64 start, u64 end)
{
	char msg[160];
	u64 interval;
	int n;
	c->cycles_sum += end - start;
	if (!c->cycles_base)
		c->cycles_base = start;
	/* as stap: a clock that went back (another CPU's TSC after a migration) closes the window */
	interval = end > c->cycles_base ? end - c->cycles_base : STP_OVERLOAD_INTERVAL + 1;
	if (interval <= STP_OVERLOAD_INTERVAL)
		return false;
	if (c->cycles_sum <= STP_OVERLOAD_THRESHOLD) {
		c->cycles_base = end;
		c->cycles_sum = 0;
		return false;
	}
	if (test_and_set_bit(KS_OVERLOAD, &ks->flags))
		return true;   /* another CPU reported it */
	n = snprintf(msg, sizeof msg, "ERROR: probe overhead (%lld cycles) exceeded threshold (%lld cycles) in last %lld cycles\n",
		     (long long)c->cycles_sum, STP_OVERLOAD_THRESHOLD, STP_OVERLOAD_INTERVAL);
	kout_put(&ks->out, 1, msg, min_t(int, n, sizeof msg - 1));
	atomic_inc(&ks->overloads);
	return true;
}
