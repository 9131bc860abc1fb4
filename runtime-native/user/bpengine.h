/* bpengine.h: ptrace breakpoint engine: int3 probes on function entries of a spawned process. */
#ifndef STAPVM_BPENGINE_H
#define STAPVM_BPENGINE_H
#include <stdint.h>
#include <sys/types.h>
#include <sys/user.h>
#include "x86dec.h"
#include "xol.h"
#include "bpseccomp.h"

/* How the displaced instruction runs after a hit (--breakpoint=emulate|xol|auto): EMULATE and
 * XOL fall back to STEP for instructions they cannot take; AUTO tries emulation, then XOL,
 * then STEP. */
enum bp_mode { BP_EMULATE, BP_XOL, BP_STEP, BP_AUTO };

struct bp_engine;
struct bp_probe;

/* An unwinder entry point the engine guards for .return probes (bpunwind.c): START, where it
 * begins reading return addresses off the stack; CAUGHT, where a C++ handler takes over. */
enum bp_unwind { BP_UNWIND_NONE, BP_UNWIND_START, BP_UNWIND_CAUGHT };
/* Called at each hit with the registers as at the probed instruction (rip = probe address).
 * The handler may read them; changes are not written back. */
typedef void (*bp_hit_fn)(struct bp_engine *e, struct bp_probe *p, pid_t tid,
                          const struct user_regs_struct *regs, void *arg);

struct bp_probe {
	uint64_t addr;
	uint8_t orig[16];       /* bytes under the int3 as found */
	struct x86_insn in;
	enum bp_mode how;       /* resolved per probe from the engine mode and the instruction */
	uint64_t slot;          /* XOL slot address */
	bp_hit_fn fn;
	void *arg;
	uint64_t hits, n_emu, n_xol, n_step;
	bp_hit_fn ret_fn;       /* .return handler: regs at the return (rax = value, rip = caller) */
	void *ret_arg;
	/* per-call data of a .return probe (@entry): ret_data_size zeroed bytes kept in the call's
	 * shadow-stack entry; ret_entry_fn fills them at the entry, ret_fn reads them at the return,
	 * both through engine->ret_data */
	size_t ret_data_size;
	bp_hit_fn ret_entry_fn;
	uint64_t ret_hits;
	enum bp_unwind unwind;
};

/* A hijacked return address: where it sits on tid's stack and what it was; unhooked while an
 * unwinder runs (the slot holds real again). */
struct bp_ret {
	pid_t tid;
	uint64_t where, real;
	struct bp_probe *p;
	int unhooked;
	uint8_t *data;          /* this call's data (malloc'd), or NULL */
	size_t size;            /* its bytes: p->ret_data_size when the call entered */
};
#define BP_MAX_RETS 4096

#define BP_MAX_PROBES 1024
#define BP_MAX_TIDS 256

/* Task-level events a driver may want (process.begin/end, thread.begin/end, syscalls). */
enum bp_event {
	BP_EV_EXEC,           /* the traced image was replaced (probes are gone: add the new image's) */
	BP_EV_FORK,           /* tid is a new process forked from a probed one (same probes) */
	BP_EV_THREAD_BEGIN,   /* tid is a new thread */
	BP_EV_THREAD_END,     /* tid (not a group leader) exited; no registers */
	BP_EV_PROCESS_END,    /* tid, a group leader, exited; no registers */
	BP_EV_SYSCALL,        /* syscall entry: orig_rax, rdi, rsi, rdx, r10, r8, r9 */
	BP_EV_SYSCALL_RETURN, /* syscall exit: rax */
};
/* regs is NULL for the END events. tgid is the process the task belongs to. */
typedef void (*bp_event_fn)(struct bp_engine *e, enum bp_event ev, pid_t tid, pid_t tgid,
                            const struct user_regs_struct *regs, void *arg);

struct bp_engine {
	pid_t pid;              /* thread-group leader of the traced process */
	enum bp_mode mode;
	struct bp_probe probes[BP_MAX_PROBES];
	int nprobes;
	uint64_t xol_area;      /* XOL slots, then one int3 slot: the return trampoline */
	struct bp_ret rets[BP_MAX_RETS];   /* pending returns, oldest first */
	int nrets;
	uint64_t ret_lost;      /* returns not hijacked (table full) or unwound past (longjmp, exceptions) */
	uint8_t *ret_data;      /* during ret_entry_fn / ret_fn: the call's data, ret_data_len bytes */
	size_t ret_data_len;
	pid_t tids[BP_MAX_TIDS];
	pid_t tgids[BP_MAX_TIDS];   /* the process of each task (threads share their leader's) */
	int ntids;
	bp_event_fn on_event;   /* NULL: no events reported */
	/* at detach, once per process still traced (tid its leader, stopped), before the int3s go: the
	 * driver undoes what it wrote into the process (SDT semaphores); gets event_arg. NULL: none */
	void (*on_detach)(struct bp_engine *e, pid_t tid, void *arg);
	void *event_arg;
	int trace_syscalls;     /* resume with PTRACE_SYSCALL: BP_EV_SYSCALL(_RETURN) are reported */
	/* bp_spawn_filtered's set: stop only at these calls, through a seccomp filter (bpseccomp.h);
	 * filtered: the spawned command has it. in_call[i]: task tids[i] is in a filtered
	 * call whose exit stop is wanted (resumed with PTRACE_SYSCALL until then, else PTRACE_CONT) */
	struct bp_sysset sysset;
	int filtered;
	uint8_t in_call[BP_MAX_TIDS];
	int status;             /* wait status of the leader once it ended */
	uint64_t stray_traps;   /* SIGTRAPs that were not ours, passed on */
	uint64_t step_unguarded;   /* hits replayed by single-step while sibling threads ran (their hits
	                              at that site during the step are not seen: reported, not counted) */
	int detach_requested;   /* set (e.g. by a handler) to end tracing: bp_run detaches */
	int detached;
	char err[256];          /* why bp_attach refused, for the user */
	int guard_fd;           /* -x: the pipe to the guardian (bpguard.h), 0 without one */
};

/* fork + PTRACE_SEIZE + execvp(argv); the child is left stopped at its exec, before its
 * first instruction (ld.so's entry). out_fd >= 0 becomes its stdout. 0 or -1. */
int bp_spawn(struct bp_engine *e, char *const argv[], int out_fd, enum bp_mode mode);
/* bp_spawn for a command whose syscall stops are wanted at the calls of the set only (calls->wanted;
 * NULL: every call): the child installs bpseccomp.h's filter before its exec; e->filtered says
 * whether it went in (else every call stops, as without a set). */
int bp_spawn_filtered(struct bp_engine *e, char *const argv[], int out_fd, enum bp_mode mode, const struct bp_sysset *calls);

/* PTRACE_SEIZE every thread of a running process and stop them all (-x PID). 0, or -1 with
 * e->err saying why (a thread traced by someone else refuses the whole attach). */
int bp_attach(struct bp_engine *e, pid_t pid, enum bp_mode mode);

/* Probe func of the ELF file path (mapped in the tracee: at exec time, the executable).
 * Returns the probe or NULL (unknown symbol, not mapped, instruction that cannot be probed). */
struct bp_probe *bp_add_func(struct bp_engine *e, const char *path, const char *func,
                             bp_hit_fn fn, void *arg);
struct bp_probe *bp_add_addr(struct bp_engine *e, uint64_t addr, bp_hit_fn fn, void *arg);

/* .return probe: at each entry of func, the return address is swapped for the trampoline;
 * fn runs when the function returns. May share the address with an entry probe. */
struct bp_probe *bp_add_return(struct bp_engine *e, const char *path, const char *func,
                               bp_hit_fn fn, void *arg);

/* Guard the unwinder entry points (_Unwind_RaiseException, __cxa_begin_catch...) that the ELF
 * file path, mapped in the tracee, defines, so that exceptions unwind through .return probes.
 * Returns how many were found. */
int bp_unwind_watch(struct bp_engine *e, const char *path);

/* Resume and service hits in every thread and forked child until all have exited
 * (returns the leader's wait status) or detach_requested was set (returns 0 with every
 * int3 removed and every task detached, detached = 1). -1 on a ptrace failure.
 * The blocking loop over bp_start and bp_service. */
int bp_run(struct bp_engine *e);

/* For an event loop: bp_start resumes every stopped task once probes are in place; then
 * bp_service handles the wait statuses that are ready (block: wait for at least one), and
 * returns 1 while tasks remain, 0 once all exited or were detached, -1 on a ptrace failure.
 * Call it when SIGCHLD arrives (signalfd) or on a short poll timeout. To stop from outside
 * (SIGINT, end of script), set detach_requested and call bp_detach_now. */
int bp_start(struct bp_engine *e);
int bp_service(struct bp_engine *e, int block);
/* Interrupt every task, remove every int3 and hijacked return address, detach. 0 or -1. */
int bp_detach_now(struct bp_engine *e);

/* CPU placement, a deliberate choice: each hit is a round trip tracee -> tracer -> tracee,
 * so both on one CPU (tracer_cpu == tracee_cpu) avoids cross-CPU wakeups (~10x cheaper
 * here, see bench/user). -1 leaves that side to the scheduler. 0 or -1. */
int bp_pin(struct bp_engine *e, int tracer_cpu, int tracee_cpu);

#endif
