/* bpguard.h: a guardian process that finishes an attached process's detach when the tracer dies.
 *
 * With -x the user's process must outlive the tracer. Signals it can catch end the run cleanly
 * (bp_detach); SIGKILL and the OOM killer give it no chance, and the kernel's implicit detach
 * leaves the int3s and the hijacked return addresses in place. The guardian, forked at attach and
 * reading the engine from shared memory (the engine must live in MAP_SHARED memory), waits for the
 * tracer's end of a pipe to close without a clean-detach byte; it then SIGSTOPs the process, waits
 * for the kernel to drop the dead tracer, seizes every thread, writes back every original byte and
 * return address, moves a thread left just past an int3 back onto the instruction, detaches and
 * SIGCONTs it. What it cannot save: a thread stopped at a breakpoint hit at the moment of the kill
 * (its SIGTRAP is already its pending signal, delivered by the kernel's detach) and one that
 * reaches an int3 between the tracer's death and the SIGSTOP; a SIGKILL of the guardian too. */
#ifndef STAPVM_BPGUARD_H
#define STAPVM_BPGUARD_H
#include "bpengine.h"

/* forks the guardian of e (attached, in shared memory); 0 or -1 */
int bp_guard_start(struct bp_engine *e);
/* after a clean detach (or the process's end): the guardian exits without touching anything */
void bp_guard_stop(struct bp_engine *e);
#endif
