/* koverload.c: stap's overload governor: a session whose probes take more than their share of a CPU ends with stap's error. */
#include <linux/timex.h>
#include "ksession.h"

/* as stap's epilogue: the cycles of every hit on this CPU add up over a window; once the window is longer
 * than the interval it closes, and if the sum passed the threshold the session ends. The first hit on a
 * CPU (base 0) and a clock that went back (a TSC of another CPU after a migration) close it at once */
bool ks_overloaded(struct ksession *ks, struct kcpu *c, u64 start, u64 end)
{
	char msg[160];
	u64 interval;
	bool over;
	int n;
	if (!ks->ovl_interval)
		return false;   /* -D STP_NO_OVERLOAD, --suppress-time-limits */
	c->cycles_sum += end - start;
	interval = end > c->cycles_base ? end - c->cycles_base : ks->ovl_interval + 1;
	if (interval <= ks->ovl_interval)
		return false;
	over = c->cycles_sum > ks->ovl_threshold;
	if (over && !test_and_set_bit(KS_OVERLOAD, &ks->flags)) {
		n = snprintf(msg, sizeof msg, "ERROR: probe overhead (%lld cycles) exceeded threshold (%lld cycles) in last %lld cycles\n",
			     (long long)c->cycles_sum, (long long)ks->ovl_threshold, (long long)ks->ovl_interval);
		kout_put(&ks->out, 1, msg, min_t(int, n, sizeof msg - 1));
		atomic_inc(&ks->overloads);
	}
	c->cycles_base = end;
	c->cycles_sum = 0;
	return over;
}
