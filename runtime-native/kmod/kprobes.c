/* kprobes.c: turns the session's probe slots into kprobes, kretprobes, uprobes and hrtimers, and their hits into ks_hit. */
#include <linux/kprobes.h>
#include <linux/hrtimer.h>
#include <linux/uprobes.h>
#include <linux/namei.h>
#include <linux/dcache.h>
#include <linux/percpu.h>
#include <linux/cred.h>
#include "ksession.h"
#include "kprobes.h"
#include "khit.h"
#include "kprocfs.h"

static int kp_pre(struct kprobe *kp, struct pt_regs *regs)
{
	struct kprobe_slot *sl = container_of(kp, struct kprobe_slot, kp);
	ks_hit(sl->ks, sl->probe, SVM_CTX_ENTRY, SVM_MEM_KERNEL, regs);
	return 0;
}

/* a .return probe with @entry: its entry program fills this call's ri->data. Nonzero (the entry
 * program failed, or the hit was skipped) tells the kernel to drop the instance, so the return
 * handler never runs with data that was not written; the call is then not reported at its return. */
static int krp_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct kprobe_slot *sl = container_of(get_kretprobe(ri), struct kprobe_slot, rp);
	const struct svm_ctx hit = { .kind = SVM_CTX_ENTRY, .regs = regs, .space = SVM_MEM_KERNEL,
				     .entry_data = (u8 *)ri->data, .entry_size = sl->entry_size };
	memset(ri->data, 0, sl->entry_size);
	return ks_run_hit(sl->ks, sl->probe, &hit, true) ? 1 : 0;
}

static int krp_ret(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct kprobe_slot *sl = container_of(get_kretprobe(ri), struct kprobe_slot, rp);
	const struct svm_ctx hit = { .kind = SVM_CTX_RETURN, .regs = regs, .space = SVM_MEM_KERNEL,
				     .entry_data = sl->entry_size ? (u8 *)ri->data : NULL, .entry_size = sl->entry_size };
	ks_run_hit(sl->ks, sl->probe, &hit, false);
	return 0;
}

static enum hrtimer_restart timer_fn(struct hrtimer *t)
{
	struct kprobe_slot *sl = container_of(t, struct kprobe_slot, timer);
	ks_hit(sl->ks, sl->probe, SVM_CTX_NONE, SVM_MEM_KERNEL, NULL);
	hrtimer_forward_now(t, ns_to_ktime(sl->period_ns));
	return HRTIMER_RESTART;   /* hrtimer_cancel at the end stops it */
}

/* a session of a caller without CAP_SYS_ADMIN sees only tasks whose real and effective uid are the
 * caller's (a set-uid program run by the user is not the user's process) */
static bool up_visible(const struct ksession *ks)
{
	return ks->admin || (uid_eq(current_uid(), ks->uid) && uid_eq(current_euid(), ks->uid));
}

/* uprobe handlers run in the probed task's context, on its way back to user mode */
static int up_entry(struct uprobe_consumer *uc, struct pt_regs *regs)
{
	struct kprobe_slot *sl = container_of(uc, struct kprobe_slot, up.uc);
	if (!up_visible(sl->ks))
		return 0;
	ks_hit(sl->ks, sl->probe, SVM_CTX_ENTRY, SVM_MEM_USER, regs);
	return 0;
}

static int up_return(struct uprobe_consumer *uc, unsigned long func, struct pt_regs *regs)
{
	struct kprobe_slot *sl = container_of(uc, struct kprobe_slot, up.uc);
	if (!up_visible(sl->ks))
		return 0;
	ks_hit(sl->ks, sl->probe, SVM_CTX_RETURN, SVM_MEM_USER, regs);
	return 0;
}

static enum hrtimer_restart profile_fn(struct hrtimer *t)
{
	struct kprofile *p = container_of(t, struct kprofile, timer);
	ks_hit(p->sl->ks, p->sl->probe, SVM_CTX_NONE, SVM_MEM_KERNEL, NULL);
	hrtimer_forward_now(t, ns_to_ktime(p->sl->period_ns));
	return HRTIMER_RESTART;
}

/* on each CPU (IPI): a pinned timer fires on the CPU that started it */
static void profile_start(void *arg)
{
	struct kprobe_slot *sl = arg;
	hrtimer_start(&this_cpu_ptr(sl->profile)->timer, ns_to_ktime(sl->period_ns), HRTIMER_MODE_REL_PINNED);
}

static int profile_register(struct kprobe_slot *sl)
{
	int cpu;
	sl->profile = alloc_percpu(struct kprofile);
	if (!sl->profile)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		struct kprofile *p = per_cpu_ptr(sl->profile, cpu);
		hrtimer_init(&p->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED);
		p->timer.function = profile_fn;
		p->sl = sl;
	}
	return 0;
}

static void profile_unregister(struct kprobe_slot *sl)
{
	int cpu;
	for_each_possible_cpu(cpu)
		hrtimer_cancel(&per_cpu_ptr(sl->profile, cpu)->timer);
	free_percpu(sl->profile);
}

static bool is_uretprobe(const struct kprobe_slot *sl)
{
	return sl->pt.kind == SVM_PROBE_PROCESS_FUNCTION && (sl->pt.flags & PFL_RETURN);
}

static bool is_kretprobe(const struct kprobe_slot *sl)
{
	return sl->pt.kind == SVM_PROBE_KPROBE && (sl->pt.flags & PFL_RETURN);
}

/* at the file offset the loader gave (STAPVM_IOC_UPROBE); a mark's semaphore is raised by the
 * kernel in every process that maps the file, for as long as the uprobe is registered */
static int up_register(struct kprobe_slot *sl)
{
	int rc;
	memset(&sl->up, 0, sizeof sl->up);
	rc = kern_path(sl->pt.path, LOOKUP_FOLLOW, &sl->up.path);
	if (rc)
		return rc;
	if (!d_is_reg(sl->up.path.dentry)) {
		rc = -EINVAL;
	} else {
		if (is_uretprobe(sl))
			sl->up.uc.ret_handler = up_return;
		else
			sl->up.uc.handler = up_entry;
		rc = sl->semaphore ? uprobe_register_refctr(d_real_inode(sl->up.path.dentry), sl->offset, sl->semaphore, &sl->up.uc)
				   : uprobe_register(d_real_inode(sl->up.path.dentry), sl->offset, &sl->up.uc);
	}
	if (rc)
		path_put(&sl->up.path);
	return rc;
}

/* stap's wording for a probe the kernel refuses; the session goes on without it */
void kp_warn_failed(struct ksession *ks, struct kprobe_slot *sl, int rc)
{
	char msg[256];
	int n;
	if (sl->pt.flags & PFL_OPTIONAL)
		return;
	n = snprintf(msg, sizeof msg, "WARNING: probe %.191s registration error (rc %d)\n", sl->pt.pp, rc);
	kout_put(&ks->out, 1, msg, min_t(int, n, sizeof msg - 1));
}

int kp_prepare(struct ksession *ks, struct kprobe_slot *sl, int probe, char *err, size_t errlen)
{
	struct stapvm_probe_point *pt = &sl->pt;
	sl->ks = ks;
	sl->probe = probe;
	if (stapvm_probe_point(ks->mod, probe, pt) || !(svm_probe_kinds[pt->kind].runtimes & PR_KERNEL))
		goto unsupported;
	switch (pt->kind) {
	case SVM_PROBE_TIMER:
		/* one hrtimer per timer: no randomization */
		if (pt->jitter || ((pt->flags & PFL_JIFFIES) && pt->period > U64_MAX / (NSEC_PER_SEC / HZ)))
			goto unsupported;
		sl->period_ns = pt->flags & PFL_JIFFIES ? pt->period * (NSEC_PER_SEC / HZ) : pt->period;
		break;
	case SVM_PROBE_TIMER_PROFILE:
		sl->period_ns = NSEC_PER_SEC / HZ;
		break;
	case SVM_PROBE_KPROBE:
		/* kallsyms_lookup_name (what register_kprobe uses) resolves "module:symbol" */
		if (strlen(pt->symbol) >= KSYM_NAME_LEN || (pt->module && strlen(pt->module) >= MODULE_NAME_LEN))
			goto unsupported;
		snprintf(sl->sym, sizeof sl->sym, "%s%s%s", pt->module ? pt->module : "", pt->module ? ":" : "", pt->symbol);
		break;
	case SVM_PROBE_PROCESS_FUNCTION:
		/* placed after its prologue: the loader resolves a function's entry only (probes.def) */
		if (pt->address)
			goto unsupported;
		break;
	default:
		break;
	}
	return 0;
unsupported:
	snprintf(err, errlen, "probe point not supported by stapvm.ko: %s", pt->pp ? pt->pp : "?");
	return -EINVAL;
}

void kp_register_all(struct ksession *ks)
{
	for (int i = 0; i < ks->nslots; i++) {
		struct kprobe_slot *sl = &ks->slots[i];
		int rc = 0;
		sl->entry_size = (u32)stapvm_probe_entry_size(ks->mod, sl->probe);
		switch (sl->pt.kind) {
		case SVM_PROBE_KPROBE_STATEMENT:
		case SVM_PROBE_KPROBE:
			if (is_kretprobe(sl)) {
				memset(&sl->rp, 0, sizeof sl->rp);
				sl->rp.kp.symbol_name = sl->sym;
				sl->rp.handler = krp_ret;
				if (sl->entry_size) {
					sl->rp.entry_handler = krp_entry;
					sl->rp.data_size = sl->entry_size;
				}
				sl->rp.maxactive = 64;   /* calls in flight per function; more are counted as missed */
				rc = register_kretprobe(&sl->rp);
				break;
			}
			memset(&sl->kp, 0, sizeof sl->kp);
			if (sl->pt.kind == SVM_PROBE_KPROBE_STATEMENT)
				sl->kp.addr = (kprobe_opcode_t *)(uintptr_t)sl->pt.address;
			else
				sl->kp.symbol_name = sl->sym;
			sl->kp.pre_handler = kp_pre;
			rc = register_kprobe(&sl->kp);
			break;
		case SVM_PROBE_TIMER:
			hrtimer_init(&sl->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
			sl->timer.function = timer_fn;
			break;
		case SVM_PROBE_TIMER_PROFILE:
			rc = profile_register(sl);
			break;
		case SVM_PROBE_PROCESS_FUNCTION:
		case SVM_PROBE_PROCESS_STATEMENT:
		case SVM_PROBE_PROCESS_MARK:
			if (!sl->has_offset)
				continue;   /* the loader could not resolve it and already warned why */
			/* Linux 6.1's uretprobes keep no per-call data for @entry (the loader runs such
			 * modules on the userspace runtime; a module handed here anyway gets this warning) */
			rc = is_uretprobe(sl) && sl->entry_size ? -EOPNOTSUPP : up_register(sl);
			break;
		default:
			continue;
		}
		sl->registered = rc == 0;
		if (rc)
			kp_warn_failed(ks, sl, rc);
	}
	tp_register_all(ks);
	kpf_register_all(ks);
}

void kp_arm_timers(struct ksession *ks)
{
	for (int i = 0; i < ks->nslots; i++) {
		struct kprobe_slot *sl = &ks->slots[i];
		if (!sl->registered)
			continue;
		if (sl->pt.kind == SVM_PROBE_TIMER)
			hrtimer_start(&sl->timer, ns_to_ktime(sl->period_ns), HRTIMER_MODE_REL);
		else if (sl->pt.kind == SVM_PROBE_TIMER_PROFILE)
			on_each_cpu(profile_start, sl, 1);
	}
}

/* after this returns no handler of the session runs or will run */
void kp_unregister_all(struct ksession *ks)
{
	for (int i = 0; i < ks->nslots; i++) {
		struct kprobe_slot *sl = &ks->slots[i];
		if (!sl->registered)
			continue;
		if (is_kretprobe(sl))
			unregister_kretprobe(&sl->rp);
		else if (sl->pt.kind == SVM_PROBE_KPROBE || sl->pt.kind == SVM_PROBE_KPROBE_STATEMENT)
			unregister_kprobe(&sl->kp);
		else if (sl->pt.kind == SVM_PROBE_TIMER)
			hrtimer_cancel(&sl->timer);
		else if (sl->pt.kind == SVM_PROBE_TIMER_PROFILE)
			profile_unregister(sl);
		else if (sl->pt.kind == SVM_PROBE_PROCESS_FUNCTION || sl->pt.kind == SVM_PROBE_PROCESS_STATEMENT ||
			 sl->pt.kind == SVM_PROBE_PROCESS_MARK) {
			/* returns once no handler of this consumer runs (uprobe's register_rwsem) */
			uprobe_unregister(d_real_inode(sl->up.path.dentry), sl->offset, &sl->up.uc);
			path_put(&sl->up.path);
		}
		if (sl->pt.kind != SVM_PROBE_TRACEPOINT)
			sl->registered = false;
	}
	tp_unregister_all(ks);
	kpf_unregister_all(ks);
}

u64 kp_missed(struct ksession *ks)
{
	u64 n = 0;
	for (int i = 0; i < ks->nslots; i++) {
		const struct kprobe_slot *sl = &ks->slots[i];
		if (is_kretprobe(sl))
			n += sl->rp.nmissed + sl->rp.kp.nmissed;
		else if (sl->pt.kind == SVM_PROBE_KPROBE || sl->pt.kind == SVM_PROBE_KPROBE_STATEMENT)
			n += sl->kp.nmissed;
	}
	return n;
}
