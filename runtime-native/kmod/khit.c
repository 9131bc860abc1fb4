/* khit.c: a probe hit: runs the probe's program on this CPU's execution context, counts skipped hits
 * (MAXSKIPPED), and starts the end when a handler asked for exit(). Called by kprobes.c and tracepoints.c. */
#include <linux/timex.h>
#include "ksession.h"
#include "khit.h"

#define KS_SKIP_MSG "ERROR: Skipped too many probes, check MAXSKIPPED or try again with stap -t for more details.\n"

/* counts a skipped hit; past MAXSKIPPED the session ends as stap's does (its error text once, then
 * the error probes, not the end probes); true when the caller must queue the wake that starts the end */
static bool ks_skip(struct ksession *ks)
{
	if (atomic64_inc_return(&ks->skipped) <= ks->maxskipped || test_and_set_bit(KS_SKIP_ERROR, &ks->flags))
		return false;
	kout_put(&ks->out, 1, KS_SKIP_MSG, sizeof KS_SKIP_MSG - 1);
	WRITE_ONCE(ks->armed, 0);
	return !test_and_set_bit(KS_EXIT_PENDING, &ks->flags);
}

int ks_run_hit(struct ksession *ks, int probe, const struct svm_ctx *hit, bool entry_program)
{
	struct kcpu *c;
	unsigned long flags;
	bool wake = false;
	int rc = -1;
	if (!READ_ONCE(ks->armed))
		return -1;
	/* interrupts off: a timer hit cannot nest inside a kprobe hit of the same session on this CPU */
	local_irq_save(flags);
	c = this_cpu_ptr(ks->cpu);
	if (c->busy) {
		wake = ks_skip(ks);
		goto out;
	}
	c->busy = 1;
	/* handlers of the session run at once on several CPUs: the VM takes the locks of the globals
	 * each uses (host_kernel.c), and a lock not had within its bounded wait skips the hit */
	if (READ_ONCE(ks->armed)) {
		u64 before = READ_ONCE(ks->out.head), start = get_cycles();
		c->ctx = *hit;
		c->ctx.pid = -1;
		c->ctx.tid = -1;
		rc = entry_program ? stapvm_exec_entry(c->x, probe, &c->ctx) : stapvm_exec_probe(c->x, probe, &c->ctx);
		wake = READ_ONCE(ks->out.head) != before && wq_has_sleeper(&ks->readers);
		/* the end is the end work's (unregistering sleeps): here only disarm and raise the irq_work */
		if (ks_overloaded(ks, c, start, get_cycles()) && !test_and_set_bit(KS_EXIT_PENDING, &ks->flags)) {
			WRITE_ONCE(ks->armed, 0);
			wake = true;
		}
		if (rc == STAPVM_SKIPPED && ks_skip(ks))
			wake = true;
		if (stapvm_exit_requested(ks->vm) && !test_and_set_bit(KS_EXIT_PENDING, &ks->flags)) {
			WRITE_ONCE(ks->armed, 0);
			wake = true;
		}
	}
	c->busy = 0;
out:
	if (wake)
		irq_work_queue(&ks->wake);
	local_irq_restore(flags);
	return rc;
}
