/* bptask.h: the engine's task control, shared by bpengine.c and bptask.c: the tid list, detach. */
#ifndef STAPVM_BPTASK_H
#define STAPVM_BPTASK_H
#include "bpengine.h"

#define BP_PTRACE_OPTS (PTRACE_O_EXITKILL | PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | \
                        PTRACE_O_TRACEVFORK | PTRACE_O_TRACEEXEC)

/* Index of tid in e->tids, added if new; -1 when the table is full. */
int bp_track(struct bp_engine *e, pid_t tid);
void bp_forget(struct bp_engine *e, pid_t tid);
/* A PTRACE_EVENT_STOP that is a job-control group-stop (to be kept with PTRACE_LISTEN). */
int bp_is_group_stop(int status);
/* Stop every task (cur is already stopped, cursig pending for it), put the original bytes
 * back in every address space, rewind tasks caught on an int3, and detach all. 0 or -1. */
int bp_detach(struct bp_engine *e, pid_t cur, int cursig);
/* The probe whose int3 is at addr, or NULL. */
struct bp_probe *bp_find(struct bp_engine *e, uint64_t addr);

#endif
