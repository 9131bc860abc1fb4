/* bpseccomp.h: the seccomp filter that makes a spawned (-c) command stop only at the system calls
 * its syscall probes act on (strace's --seccomp-bpf): SECCOMP_RET_TRACE for those numbers, ALLOW
 * for every other. A filter cannot be removed and, with no tracer, a RET_TRACE call fails with
 * ENOSYS, so the engine installs it only in a command it spawned (PTRACE_O_EXITKILL: the command dies
 * with the tracer) and never detaches from a filtered command (bp_detach ends it instead). */
#ifndef STAPVM_BPSECCOMP_H
#define STAPVM_BPSECCOMP_H
#include <stdint.h>

#define BP_NSYS 512             /* x86-64 call numbers are below this */

struct bp_sysset {
	int wanted;                 /* 0: stop at every call (no filter) */
	uint8_t bits[BP_NSYS / 8];  /* the numbers to stop at */
	uint8_t exits[BP_NSYS / 8]; /* of those, the ones whose exit stop is wanted too (.return probes) */
};

static inline void bp_bit_set(uint8_t *b, unsigned nr) { if (nr < BP_NSYS) b[nr / 8] |= (uint8_t)(1u << (nr % 8)); }
static inline int bp_bit(const uint8_t *b, unsigned long long nr) { return nr < BP_NSYS && (b[nr / 8] >> (nr % 8)) & 1; }
static inline int bp_sysset_has(const struct bp_sysset *s, unsigned long long nr) { return bp_bit(s->bits, nr); }

/* In the spawned child, once the tracer has seized it (PTRACE_O_TRACESECCOMP): installs the filter
 * for the calling thread and what it execs. 0, or -1 (seccomp refused: the command runs unfiltered). */
int bp_seccomp_install(const struct bp_sysset *s);

#endif
