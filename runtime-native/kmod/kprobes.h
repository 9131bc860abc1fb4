/* kprobes.h: the attach units: kprobes.c (kprobes, kretprobes, uprobes, timers) and tracepoints.c. */
#ifndef STAPVM_KPROBES_H
#define STAPVM_KPROBES_H
#include "ksession.h"

/* kprobes.c: fills slot probe from the module's record; 0, or -EINVAL with why in err for a probe point
 * stapvm.ko cannot place (probes.def's runtimes, and what its attach code supports) */
int kp_prepare(struct ksession *ks, struct kprobe_slot *sl, int probe, char *err, size_t errlen);
/* registers/unregisters the slots (kprobes, uprobes, timers); a probe hit calls ks_hit */
void kp_register_all(struct ksession *ks);
void kp_arm_timers(struct ksession *ks);
void kp_unregister_all(struct ksession *ks);
u64 kp_missed(struct ksession *ks);
/* stap's "WARNING: probe PP registration error (rc N)" for a non-optional probe the kernel refused */
void kp_warn_failed(struct ksession *ks, struct kprobe_slot *sl, int rc);
/* tracepoints.c: kernel.trace slots: found by name (the kernel's, then the modules'), registered and unregistered */
void tp_register_all(struct ksession *ks);
/* after this returns no tracepoint handler of the session runs or will run */
void tp_unregister_all(struct ksession *ks);
#endif
