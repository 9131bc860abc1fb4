/* tracepoints.c: kernel.trace slots: each found by name among the kernel's tracepoints, then the loaded
 * modules', registered with tracepoint_probe_register, and its hits handed to ks_run_hit with their arguments. */
#include <linux/tracepoint.h>
#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/string.h>
#include "ksession.h"
#include "kprobes.h"
#include "khit.h"

/* arguments a hit hands the VM; the compiler reads no more (sema/TracepointTargets, MAX_ARGS) */
#define TP_NARGS 12

/* One callback for every tracepoint: x86-64 passes its (void *data, args...) in registers and then on the
 * caller's stack, one 8-byte slot per argument (the compiler reads no argument after a structure passed by
 * value), so the first TP_NARGS slots are the arguments; those past the tracepoint's own are not read. */
static void tp_probe(void *data, u64 a1, u64 a2, u64 a3, u64 a4, u64 a5, u64 a6, u64 a7, u64 a8, u64 a9,
		     u64 a10, u64 a11, u64 a12)
{
	struct kprobe_slot *sl = data;
	const u64 args[TP_NARGS] = { a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12 };
	const struct svm_ctx hit = { .kind = SVM_CTX_NONE, .space = SVM_MEM_KERNEL, .tp_args = args,
				     .tp_nargs = TP_NARGS };
	ks_run_hit(sl->ks, sl->probe, &hit, false);
}

/* gives tp to every slot of ks that waits for a tracepoint of its name */
static void tp_offer(struct ksession *ks, struct tracepoint *tp, struct module *mod)
{
	for (int i = 0; i < ks->nslots; i++) {
		struct kprobe_slot *sl = &ks->slots[i];
		if (sl->pt.kind != SVM_PROBE_TRACEPOINT || sl->tp.tp || strcmp(tp->name, sl->pt.symbol))
			continue;
		/* a module's tracepoint: the module may not go while a probe is on it */
		if (mod && !try_module_get(mod))
			continue;
		sl->tp.tp = tp;
		sl->tp.mod = mod;
	}
}

static void tp_kernel_found(struct tracepoint *tp, void *priv)
{
	tp_offer(priv, tp, NULL);
}

#ifdef CONFIG_MODULES
struct tp_modules {
	struct notifier_block nb;
	struct ksession *ks;
};

/* called for every loaded module with tracepoints as the notifier is registered */
static int tp_module_found(struct notifier_block *nb, unsigned long val, void *data)
{
	struct tp_modules *m = container_of(nb, struct tp_modules, nb);
	struct tp_module *tm = data;
	if (val != MODULE_STATE_COMING)
		return NOTIFY_OK;
	for (unsigned int i = 0; i < tm->mod->num_tracepoints; i++)
		tp_offer(m->ks, tracepoint_ptr_deref(&tm->mod->tracepoints_ptrs[i]), tm->mod);
	return NOTIFY_OK;
}

static void tp_find_in_modules(struct ksession *ks)
{
	struct tp_modules m = { .nb = { .notifier_call = tp_module_found }, .ks = ks };
	if (register_tracepoint_module_notifier(&m.nb) == 0)
		unregister_tracepoint_module_notifier(&m.nb);
}
#else
static void tp_find_in_modules(struct ksession *ks) {}
#endif

void tp_register_all(struct ksession *ks)
{
	bool missing = false;
	int i;
	for (i = 0; i < ks->nslots; i++)
		if (ks->slots[i].pt.kind == SVM_PROBE_TRACEPOINT) {
			memset(&ks->slots[i].tp, 0, sizeof ks->slots[i].tp);
			missing = true;
		}
	if (!missing)
		return;
	for_each_kernel_tracepoint(tp_kernel_found, ks);
	for (i = 0, missing = false; i < ks->nslots; i++)
		missing |= ks->slots[i].pt.kind == SVM_PROBE_TRACEPOINT && !ks->slots[i].tp.tp;
	if (missing)
		tp_find_in_modules(ks);
	for (i = 0; i < ks->nslots; i++) {
		struct kprobe_slot *sl = &ks->slots[i];
		int rc;
		if (sl->pt.kind != SVM_PROBE_TRACEPOINT)
			continue;
		rc = sl->tp.tp ? tracepoint_probe_register(sl->tp.tp, tp_probe, sl) : -ENOENT;
		sl->registered = rc == 0;
		if (rc) {
			if (sl->tp.mod)
				module_put(sl->tp.mod);
			sl->tp.tp = NULL;
			sl->tp.mod = NULL;
			kp_warn_failed(ks, sl, rc);
		}
	}
}

void tp_unregister_all(struct ksession *ks)
{
	bool any = false;
	int i;
	for (i = 0; i < ks->nslots; i++) {
		struct kprobe_slot *sl = &ks->slots[i];
		if (sl->pt.kind == SVM_PROBE_TRACEPOINT && sl->registered) {
			tracepoint_probe_unregister(sl->tp.tp, tp_probe, sl);
			any = true;
		}
	}
	if (!any)
		return;
	/* handlers in flight on other CPUs finish before the slots (and the modules) may go */
	tracepoint_synchronize_unregister();
	for (i = 0; i < ks->nslots; i++) {
		struct kprobe_slot *sl = &ks->slots[i];
		if (sl->pt.kind == SVM_PROBE_TRACEPOINT && sl->registered) {
			if (sl->tp.mod)
				module_put(sl->tp.mod);
			sl->tp.tp = NULL;
			sl->tp.mod = NULL;
			sl->registered = false;
		}
	}
}
