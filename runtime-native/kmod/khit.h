/* khit.h: the hit path (khit.c), called from every probe handler of kprobes.c and tracepoints.c. */
#ifndef STAPVM_KHIT_H
#define STAPVM_KHIT_H
#include "ksession.h"

/* runs probe's handler, or (entry_program) its entry program, for the hit hit describes (its kind, registers,
 * address space, @entry data, tracepoint arguments; pid/tid are the current task's). 0 when it ran without
 * error; nonzero when it failed or was skipped (not armed, busy, contended). */
int ks_run_hit(struct ksession *ks, int probe, const struct svm_ctx *hit, bool entry_program);
static inline void ks_hit(struct ksession *ks, int probe, enum svm_ctx_kind kind, enum svm_addr_space space,
			  struct pt_regs *regs)
{
	const struct svm_ctx hit = { .kind = kind, .regs = regs, .space = space };
	ks_run_hit(ks, probe, &hit, false);
}
#endif
