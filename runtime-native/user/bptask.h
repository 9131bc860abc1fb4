/* bptask.h: the engine's task control, shared by bpengine.c and bptask.c: the tid list, detach. */
#ifndef STAPVM_BPTASK_H
#define STAPVM_BPTASK_H
#include "bpengine.h"

/* No PTRACE_O_EXITKILL on attach (-x): the user's process must outlive the tracer; a command
 * the engine spawned (-c) is its own and dies with it (bp_spawn adds EXITKILL) */
#define BP_PTRACE_OPTS (PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | \
                        PTRACE_O_TRACEVFORK | PTRACE_O_TRACEEXEC | PTRACE_O_TRACESYSGOOD)

/* Index of tid in e->tids, added if new (its process read from /proc); -1 when the table is full. */
int bp_track(struct bp_engine *e, pid_t tid);
/* The process tid belongs to, as tracked; tid itself when unknown. */
pid_t bp_tgid(struct bp_engine *e, pid_t tid);
void bp_forget(struct bp_engine *e, pid_t tid);
/* A PTRACE_EVENT_STOP that is a job-control group-stop (to be kept with PTRACE_LISTEN). */
int bp_is_group_stop(int status);
/* Stop every task (cur is already stopped, cursig pending for it), put the original bytes
 * back in every address space, rewind tasks caught on an int3, and detach all. 0 or -1. */
int bp_detach(struct bp_engine *e, pid_t cur, int cursig);
/* The XOL area (mapped on first use), or 0. */
uint64_t bp_xol_area(struct bp_engine *e, uint64_t near);
#define BP_TRAMP_OFF ((uint64_t)BP_MAX_PROBES * XOL_SLOT)
/* Return probes (bpreturn.c): hijack at entry, service the trampoline, follow forks,
 * and put every real return address back before detaching. */
int bp_ret_enter(struct bp_engine *e, struct bp_probe *p, pid_t tid, const struct user_regs_struct *r);
int bp_ret_hit(struct bp_engine *e, pid_t tid, struct user_regs_struct *r);
void bp_ret_fork(struct bp_engine *e, pid_t parent, pid_t child);
void bp_ret_restore(struct bp_engine *e);
/* At a guarded unwinder entry point (p->unwind) hit by tid with registers r. */
void bp_ret_unwind(struct bp_engine *e, enum bp_unwind how, pid_t tid, const struct user_regs_struct *r);
/* The probe whose int3 is at addr, or NULL. */
struct bp_probe *bp_find(struct bp_engine *e, uint64_t addr);

#endif
