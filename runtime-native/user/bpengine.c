/* bpengine.c: insert int3 probes and service hits by emulation, XOL or re-insertion. */
#define _GNU_SOURCE
#include "bpengine.h"
#include "bptask.h"
#include "elfsyms.h"
#include "emulate.h"
#include "ptmem.h"
#include <errno.h>
#include <stddef.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <linux/ptrace.h>
#include <unistd.h>

#define XOL_AREA_SIZE (BP_MAX_PROBES * XOL_SLOT + XOL_SLOT)

uint64_t bp_xol_area(struct bp_engine *e, uint64_t near)
{
	uint8_t tramp[XOL_SLOT];
	if (e->xol_area) return e->xol_area;
	e->xol_area = xol_map_area(e->pid, near, XOL_AREA_SIZE);
	memset(tramp, 0xcc, sizeof tramp);
	if (e->xol_area && pt_write(e->pid, e->xol_area + BP_TRAMP_OFF, tramp, sizeof tramp)) e->xol_area = 0;
	return e->xol_area;
}


static int pin_one(pid_t pid, int cpu)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	if (cpu < 0) {
		for (int i = 0; i < CPU_SETSIZE; i++) CPU_SET(i, &set);
	} else {
		CPU_SET(cpu, &set);
	}
	return sched_setaffinity(pid, sizeof set, &set);
}

int bp_pin(struct bp_engine *e, int tracer_cpu, int tracee_cpu)
{
	if (pin_one(0, tracer_cpu)) return -1;
	return pin_one(e->pid, tracee_cpu);
}

static int emu_rd(void *ctx, uint64_t a, void *d, size_t n) { return pt_read((pid_t)(intptr_t)ctx, a, d, n); }
static int emu_wr(void *ctx, uint64_t a, const void *s, size_t n) { return pt_write((pid_t)(intptr_t)ctx, a, s, n); }

/* Pick the cheapest way this instruction can be replayed, and prepare its XOL slot. */
static int plan(struct bp_engine *e, struct bp_probe *p)
{
	uint8_t slot[XOL_SLOT];
	if ((e->mode == BP_EMULATE || e->mode == BP_AUTO) && emu_can(&p->in, p->orig)) { p->how = BP_EMULATE; return 0; }
	if ((e->mode == BP_XOL || e->mode == BP_AUTO) && !(p->in.flags & (X86_F_REL | X86_F_NOSTEP))) {
		bp_xol_area(e, p->addr);
		p->slot = e->xol_area + (uint64_t)(p - e->probes) * XOL_SLOT;
		if (e->xol_area && xol_relocate(&p->in, p->orig, p->addr, p->slot, slot) == 0 &&
		    pt_write(e->pid, p->slot, slot, XOL_SLOT) == 0) {
			p->how = BP_XOL; return 0;
		}
	}
	if (p->in.flags & X86_F_NOSTEP) return -1;
	p->how = BP_STEP;
	return 0;
}

static int arm(pid_t tid, struct bp_probe *p)
{
	uint8_t cc = 0xcc;
	return pt_write(tid, p->addr, &cc, 1);
}

struct bp_probe *bp_add_addr(struct bp_engine *e, uint64_t addr, bp_hit_fn fn, void *arg)
{
	struct bp_probe *p;
	if (e->nprobes == BP_MAX_PROBES) { errno = ENOSPC; return NULL; }
	p = &e->probes[e->nprobes];
	memset(p, 0, sizeof *p);
	p->addr = addr; p->fn = fn; p->arg = arg;
	if (pt_read(e->pid, addr, p->orig, sizeof p->orig)) return NULL;
	if (x86_decode(p->orig, sizeof p->orig, &p->in) == 0 || plan(e, p) || arm(e->pid, p)) {
		errno = EINVAL; return NULL;
	}
	e->nprobes++;
	return p;
}

static struct bp_probe *add_sym(struct bp_engine *e, const char *path, const char *func,
                                bp_hit_fn fn, void *arg, int ret)
{
	struct elf_file f;
	const struct elf_sym *s;
	uint64_t bias;
	struct bp_probe *p = NULL;
	if (elf_open(&f, path)) return NULL;
	if ((s = elf_lookup(&f, func)) && elf_load_bias(&f, path, e->pid, &bias) == 0) {
		p = bp_find(e, s->value + bias);
		if (!p) p = bp_add_addr(e, s->value + bias, ret ? NULL : fn, ret ? NULL : arg);
		else if (!ret) { p->fn = fn; p->arg = arg; }
		if (p && ret) {
			if (!bp_xol_area(e, p->addr)) p = NULL;   /* the trampoline lives there */
			else { p->ret_fn = fn; p->ret_arg = arg; }
		}
	}
	elf_close(&f);
	return p;
}

struct bp_probe *bp_add_func(struct bp_engine *e, const char *path, const char *func,
                             bp_hit_fn fn, void *arg)
{
	return add_sym(e, path, func, fn, arg, 0);
}

struct bp_probe *bp_add_return(struct bp_engine *e, const char *path, const char *func,
                               bp_hit_fn fn, void *arg)
{
	return add_sym(e, path, func, fn, arg, 1);
}

struct bp_probe *bp_find(struct bp_engine *e, uint64_t addr)
{
	for (int i = 0; i < e->nprobes; i++) if (e->probes[i].addr == addr) return &e->probes[i];
	return NULL;
}

/* Single-step tid once; a signal arriving meanwhile is kept in *pending for the resume. */
static int step(pid_t tid, int *pending)
{
	int st;
	for (;;) {
		if (ptrace(PTRACE_SINGLESTEP, tid, 0, 0) || waitpid(tid, &st, __WALL) != tid) return -1;
		if (!WIFSTOPPED(st)) return -1;
		if (WSTOPSIG(st) == SIGTRAP) return 0;
		*pending = WSTOPSIG(st);
	}
}

/* Replay the displaced instruction of p for tid (regs at the probe address). */
static int replay(struct bp_probe *p, pid_t tid, struct user_regs_struct *r, int *sig)
{
	struct emu_mem mem = { emu_rd, emu_wr, (void *)(intptr_t)tid };
	switch (p->how) {
	case BP_EMULATE:
		if (emu_step(&p->in, p->orig, r, &mem)) return -1;
		p->n_emu++;
		return ptrace(PTRACE_SETREGS, tid, 0, r);
	case BP_XOL: {
		uint64_t next = p->addr + p->in.len;
		/* The slot jumps back by itself; only an indirect call, whose pushed return
		 * address would name the slot, still needs a single-step and a fix-up. */
		if (!(p->in.flags & X86_F_IND_CALL)) {
			p->n_xol++;
			return ptrace(PTRACE_POKEUSER, tid, offsetof(struct user_regs_struct, rip), p->slot);
		}
		r->rip = p->slot;
		if (ptrace(PTRACE_SETREGS, tid, 0, r) || step(tid, sig) || ptrace(PTRACE_GETREGS, tid, 0, r)) return -1;
		/* Fall-through lands after the slot copy; ret and indirect jumps land on their own. */
		if (r->rip == p->slot + p->in.len) r->rip = next;
		if (p->in.flags & X86_F_IND_CALL) {      /* the pushed return address names the slot */
			if (pt_write(tid, r->rsp, &next, 8)) return -1;
		}
		p->n_xol++;
		return ptrace(PTRACE_SETREGS, tid, 0, r);
	}
	case BP_STEP: {
		/* The classic way: other threads may run through the un-armed site meanwhile. */
		if (pt_write(tid, p->addr, p->orig, 1) || ptrace(PTRACE_SETREGS, tid, 0, r)) return -1;
		if (step(tid, sig)) return -1;
		p->n_step++;
		return arm(tid, p);
	}
	case BP_AUTO:
		break;      /* a mode, never a plan */
	}
	return -1;
}

/* Other live tasks in tid's address space: they may pass a site while a single-step has it un-armed. */
static int siblings(struct bp_engine *e, pid_t tid)
{
	pid_t tgid = bp_tgid(e, tid);
	int n = 0;
	for (int i = 0; i < e->ntids; i++) n += e->tids[i] != tid && e->tgids[i] == tgid;
	return n;
}

/* How a stopped task goes on: PTRACE_SYSCALL while syscall probes want its stops; under the seccomp
 * filter only inside a filtered call (for its exit stop), the filter stops it at the next one. */
static int resume_op(struct bp_engine *e, pid_t tid)
{
	if (!e->trace_syscalls) return PTRACE_CONT;
	if (!e->filtered) return PTRACE_SYSCALL;
	for (int i = 0; i < e->ntids; i++) if (e->tids[i] == tid) return e->in_call[i] ? PTRACE_SYSCALL : PTRACE_CONT;
	return PTRACE_CONT;
}

static void set_in_call(struct bp_engine *e, pid_t tid, int v)
{
	for (int i = 0; i < e->ntids; i++) if (e->tids[i] == tid) e->in_call[i] = (uint8_t)v;
}

static void event(struct bp_engine *e, enum bp_event ev, pid_t tid, const struct user_regs_struct *r)
{
	if (e->on_event) e->on_event(e, ev, tid, bp_tgid(e, tid), r, e->event_arg);
}

/* The probed process replaced its image (or a process of an unprobed image did, while nothing
 * is probed yet: the -c shell's child): the old int3s, slots and pending returns are gone with
 * the old image; the driver adds the new image's probes from BP_EV_EXEC. */
static void exec_event(struct bp_engine *e, pid_t tid)
{
	if (bp_tgid(e, tid) != e->pid && (e->nprobes || e->xol_area)) return;   /* runs free */
	e->pid = tid;                  /* after exec the thread-group leader has the pid's tid */
	for (int i = 0; i < e->ntids; i++) if (e->tids[i] == tid) e->tgids[i] = tid;
	e->nprobes = 0;
	e->xol_area = 0;
	e->nrets = 0;
	event(e, BP_EV_EXEC, tid, NULL);
}

/* A syscall-stop: entry or exit, told apart by PTRACE_GET_SYSCALL_INFO; under the seccomp filter the
 * entry is the filter's stop (PTRACE_EVENT_SECCOMP: the call is probed), and the exit stop is asked
 * for only when the call has .return probes. */
static void syscall_stop(struct bp_engine *e, pid_t tid)
{
	struct ptrace_syscall_info info;
	struct user_regs_struct r;
	if (ptrace(PTRACE_GET_SYSCALL_INFO, tid, sizeof info, &info) <= 0 || ptrace(PTRACE_GETREGS, tid, 0, &r)) return;
	if (info.op == (e->filtered ? PTRACE_SYSCALL_INFO_SECCOMP : PTRACE_SYSCALL_INFO_ENTRY)) {
		if (e->filtered && bp_bit(e->sysset.exits, r.orig_rax)) set_in_call(e, tid, 1);
		event(e, BP_EV_SYSCALL, tid, &r);
	} else if (info.op == PTRACE_SYSCALL_INFO_EXIT) {
		if (e->filtered) set_in_call(e, tid, 0);
		event(e, BP_EV_SYSCALL_RETURN, tid, &r);
	}
}

/* One wait status of tid: service it and resume the task (or detach everything). 0 or -1. */
static int handle(struct bp_engine *e, pid_t tid, int st)
{
	int sig = 0, listen = 0;
	if (WIFEXITED(st) || WIFSIGNALED(st)) {
		int leader = bp_tgid(e, tid) == tid;
		if (tid == e->pid) e->status = st;
		event(e, leader ? BP_EV_PROCESS_END : BP_EV_THREAD_END, tid, NULL);
		bp_forget(e, tid);
		return 0;
	}
	if (!WIFSTOPPED(st)) return 0;
	switch (st >> 16) {
	case 0:
		break;
	/* Threads and forked children alike: a fork copies the int3s and the XOL area, so
	 * the same probe table serves the child; its own writes go to its own memory. */
	case PTRACE_EVENT_CLONE: case PTRACE_EVENT_FORK: case PTRACE_EVENT_VFORK: {
		unsigned long nt;
		int k;
		ptrace(PTRACE_GETEVENTMSG, tid, 0, &nt);
		k = bp_track(e, (pid_t)nt);
		if (st >> 16 != PTRACE_EVENT_CLONE) {
			if (k >= 0) e->tgids[k] = (pid_t)nt;
			bp_ret_fork(e, tid, (pid_t)nt);  /* stack copied */
			if (bp_tgid(e, tid) == e->pid) event(e, BP_EV_FORK, (pid_t)nt, NULL);
		} else {
			if (k >= 0) e->tgids[k] = bp_tgid(e, tid);
			event(e, BP_EV_THREAD_BEGIN, (pid_t)nt, NULL);
		}
		goto resume;
	}
	case PTRACE_EVENT_STOP:
		bp_track(e, tid);                   /* a new thread's first stop, maybe before its clone event */
		if (bp_is_group_stop(st)) listen = 1;   /* keep job control working */
		goto resume;
	case PTRACE_EVENT_EXEC:
		exec_event(e, tid);
		goto resume;
	case PTRACE_EVENT_SECCOMP:
		syscall_stop(e, tid);
		goto resume;
	default:
		goto resume;  /* vfork-done */
	}
	if (WSTOPSIG(st) == (SIGTRAP | 0x80)) {
		syscall_stop(e, tid);
	} else if (WSTOPSIG(st) == SIGTRAP) {
		struct user_regs_struct r;
		struct bp_probe *p;
		if (ptrace(PTRACE_GETREGS, tid, 0, &r)) return 0;   /* gone meanwhile */
		if (e->xol_area && r.rip - 1 == e->xol_area + BP_TRAMP_OFF) {
			if (bp_ret_hit(e, tid, &r)) { e->stray_traps++; sig = SIGSEGV; }
			goto resume;
		}
		p = bp_find(e, r.rip - 1);
		if (!p) { e->stray_traps++; sig = SIGTRAP; goto resume; }
		r.rip = p->addr;
		p->hits++;
		if (p->unwind) bp_ret_unwind(e, p->unwind, tid, &r);
		if (p->fn) p->fn(e, p, tid, &r, p->arg);
		if (p->ret_fn) bp_ret_enter(e, p, tid, &r);
		if (p->how == BP_STEP && siblings(e, tid)) e->step_unguarded++;
		if (replay(p, tid, &r, &sig)) return -1;
	} else {
		sig = WSTOPSIG(st);                          /* the tracee's own signal: deliver it */
	}
resume:
	if (e->detach_requested) {
		e->status = 0;
		return bp_detach(e, tid, sig);
	}
	if (ptrace(listen ? PTRACE_LISTEN : resume_op(e, tid), tid, 0, (void *)(intptr_t)sig) && errno != ESRCH) return -1;
	return 0;
}

int bp_start(struct bp_engine *e)
{
	/* Everything tracked is stopped (spawn's exec stop, attach's interrupts): start it all. */
	for (int i = 0; i < e->ntids; i++) ptrace(resume_op(e, e->tids[i]), e->tids[i], 0, 0);
	return 0;
}

int bp_service(struct bp_engine *e, int block)
{
	for (int n = 0;; n++) {
		int st;
		pid_t tid;
		if (e->detached || e->ntids == 0) return 0;
		tid = waitpid(-1, &st, __WALL | (block && n == 0 ? 0 : WNOHANG));
		if (tid == 0) return 1;
		if (tid < 0) return errno == ECHILD ? 0 : errno == EINTR ? 1 : -1;
		if (handle(e, tid, st)) return -1;
		if (e->detached) return 0;
	}
}

int bp_detach_now(struct bp_engine *e)
{
	if (e->detached) return 0;
	return bp_detach(e, 0, 0);
}

int bp_run(struct bp_engine *e)
{
	int rc;
	bp_start(e);
	while ((rc = bp_service(e, 1)) == 1)
		;
	return rc < 0 ? -1 : e->status;
}
