/* bpreturn.c: .return probes by return-address hijack: a per-task shadow stack of real return addresses. */
#include "bptask.h"
#include "ptmem.h"
#include <stddef.h>
#include <string.h>
#include <sys/ptrace.h>

int bp_ret_enter(struct bp_engine *e, struct bp_probe *p, pid_t tid, const struct user_regs_struct *r)
{
	uint64_t real, tramp = e->xol_area + BP_TRAMP_OFF;
	/* At the entry int3 the return address is at [rsp]. */
	if (e->nrets == BP_MAX_RETS || pt_read(tid, r->rsp, &real, 8) || pt_write(tid, r->rsp, &tramp, 8)) {
		e->ret_lost++;
		return -1;
	}
	e->rets[e->nrets++] = (struct bp_ret){ tid, r->rsp, real, p };
	return 0;
}

static void drop(struct bp_engine *e, int i)
{
	memmove(&e->rets[i], &e->rets[i + 1], (e->nrets - i - 1) * sizeof e->rets[0]);
	e->nrets--;
}

int bp_ret_hit(struct bp_engine *e, pid_t tid, struct user_regs_struct *r)
{
	uint64_t where = r->rsp - 8;    /* the ret just popped our trampoline from here */
	for (int i = e->nrets; i-- > 0;) {
		struct bp_ret *x = &e->rets[i];
		if (x->tid != tid) continue;
		if (x->where < where) { drop(e, i); e->ret_lost++; continue; }  /* frame unwound by longjmp */
		if (x->where != where) break;
		struct bp_probe *p = x->p;
		r->rip = x->real;
		drop(e, i);
		p->ret_hits++;
		if (p->ret_fn) p->ret_fn(e, p, tid, r, p->ret_arg);
		return ptrace(PTRACE_POKEUSER, tid, offsetof(struct user_regs_struct, rip), r->rip) ? -1 : 0;
	}
	return -1;
}

void bp_ret_fork(struct bp_engine *e, pid_t parent, pid_t child)
{
	int n = e->nrets;
	for (int i = 0; i < n && e->nrets < BP_MAX_RETS; i++)
		if (e->rets[i].tid == parent) {
			e->rets[e->nrets] = e->rets[i];
			e->rets[e->nrets++].tid = child;
		}
}

void bp_ret_restore(struct bp_engine *e)
{
	for (int i = 0; i < e->nrets; i++) pt_write(e->rets[i].tid, e->rets[i].where, &e->rets[i].real, 8);
	e->nrets = 0;
}
