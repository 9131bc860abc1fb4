/* kprobes.c: turns the session's probe slots into kprobes, kretprobes and hrtimers, and their hits into ks_hit. */
#include <linux/kprobes.h>
#include <linux/hrtimer.h>
#include "ksession.h"

static int kp_pre(struct kprobe *kp, struct pt_regs *regs)
{
	struct kprobe_slot *sl = container_of(kp, struct kprobe_slot, kp);
	ks_hit(sl->ks, sl->probe, SVM_CTX_ENTRY, regs);
	return 0;
}

static int krp_ret(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct kprobe_slot *sl = container_of(get_kretprobe(ri), struct kprobe_slot, rp);
	ks_hit(sl->ks, sl->probe, SVM_CTX_RETURN, regs);
	return 0;
}

static enum hrtimer_restart timer_fn(struct hrtimer *t)
{
	struct kprobe_slot *sl = container_of(t, struct kprobe_slot, timer);
	ks_hit(sl->ks, sl->probe, SVM_CTX_NONE, NULL);
	hrtimer_forward_now(t, ns_to_ktime(sl->d.period_ns));
	return HRTIMER_RESTART;   /* hrtimer_cancel at the end stops it */
}

/* stap's wording for a probe the kernel refuses; the session goes on without it */
static void warn_failed(struct ksession *ks, struct kprobe_slot *sl, int rc)
{
	char msg[256], desc[192];
	int n;
	if (sl->d.optional)
		return;
	stapvm_probe_desc(ks->mod, sl->probe, desc, sizeof desc);
	n = snprintf(msg, sizeof msg, "WARNING: probe %s registration error (rc %d)\n", desc, rc);
	kout_put(&ks->out, 1, msg, min_t(int, n, sizeof msg - 1));
}

void kp_register_all(struct ksession *ks)
{
	for (int i = 0; i < ks->nslots; i++) {
		struct kprobe_slot *sl = &ks->slots[i];
		int rc = 0;
		switch (sl->d.kind) {
		case KD_KPROBE:
			memset(&sl->kp, 0, sizeof sl->kp);
			if (sl->d.addr)
				sl->kp.addr = (kprobe_opcode_t *)(uintptr_t)sl->d.addr;
			else
				sl->kp.symbol_name = sl->d.sym;
			sl->kp.pre_handler = kp_pre;
			rc = register_kprobe(&sl->kp);
			break;
		case KD_KRETPROBE:
			memset(&sl->rp, 0, sizeof sl->rp);
			sl->rp.kp.symbol_name = sl->d.sym;
			sl->rp.handler = krp_ret;
			sl->rp.maxactive = 64;   /* calls in flight per function; more are counted as missed */
			rc = register_kretprobe(&sl->rp);
			break;
		case KD_TIMER:
			hrtimer_init(&sl->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
			sl->timer.function = timer_fn;
			break;
		default:
			continue;
		}
		sl->registered = rc == 0;
		if (rc)
			warn_failed(ks, sl, rc);
	}
}

void kp_arm_timers(struct ksession *ks)
{
	for (int i = 0; i < ks->nslots; i++)
		if (ks->slots[i].d.kind == KD_TIMER && ks->slots[i].registered)
			hrtimer_start(&ks->slots[i].timer, ns_to_ktime(ks->slots[i].d.period_ns), HRTIMER_MODE_REL);
}

/* after this returns no handler of the session runs or will run */
void kp_unregister_all(struct ksession *ks)
{
	for (int i = 0; i < ks->nslots; i++) {
		struct kprobe_slot *sl = &ks->slots[i];
		if (!sl->registered)
			continue;
		if (sl->d.kind == KD_KPROBE)
			unregister_kprobe(&sl->kp);
		else if (sl->d.kind == KD_KRETPROBE)
			unregister_kretprobe(&sl->rp);
		else if (sl->d.kind == KD_TIMER)
			hrtimer_cancel(&sl->timer);
		sl->registered = false;
	}
}

u64 kp_missed(struct ksession *ks)
{
	u64 n = 0;
	for (int i = 0; i < ks->nslots; i++) {
		if (ks->slots[i].d.kind == KD_KPROBE)
			n += ks->slots[i].kp.nmissed;
		else if (ks->slots[i].d.kind == KD_KRETPROBE)
			n += ks->slots[i].rp.nmissed + ks->slots[i].rp.kp.nmissed;
	}
	return n;
}
