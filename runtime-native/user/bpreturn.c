/* bpreturn.c: .return probes by return-address hijack: a per-task shadow stack of real return addresses. */
#include "bptask.h"
#include "ptmem.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>

static void drop(struct bp_engine *e, int i)
{
	free(e->rets[i].data);
	memmove(&e->rets[i], &e->rets[i + 1], (e->nrets - i - 1) * sizeof e->rets[0]);
	e->nrets--;
}

/* Forget tid's entries whose slot lies below limit: their frames were left without a return
 * (longjmp, an exception) and the stack there now belongs to other calls. As the kernel's
 * uretprobes, this assumes one stack per task (no switching between coroutine stacks). */
static void drop_below(struct bp_engine *e, pid_t tid, uint64_t limit)
{
	for (int i = e->nrets; i-- > 0;)
		if (e->rets[i].tid == tid && e->rets[i].where < limit) {
			drop(e, i);
			e->ret_lost++;
		}
}

int bp_ret_enter(struct bp_engine *e, struct bp_probe *p, pid_t tid, const struct user_regs_struct *r)
{
	uint64_t real, tramp = e->xol_area + BP_TRAMP_OFF;
	/* At the entry int3 the return address is at [rsp]: nothing at or below it is live. */
	drop_below(e, tid, r->rsp + 1);
	if (e->nrets == BP_MAX_RETS || pt_read(tid, r->rsp, &real, 8) || pt_write(tid, r->rsp, &tramp, 8)) {
		e->ret_lost++;
		return -1;
	}
	e->rets[e->nrets++] = (struct bp_ret){ tid, r->rsp, real, p, 0, NULL, 0 };
	/* this call's own data (each level of a recursion its own), filled by the entry callback */
	if (p->ret_data_size) {
		struct bp_ret *x = &e->rets[e->nrets - 1];
		x->data = calloc(1, p->ret_data_size);
		x->size = x->data ? p->ret_data_size : 0;
		if (x->data && p->ret_entry_fn) {
			e->ret_data = x->data;
			e->ret_data_len = x->size;
			p->ret_entry_fn(e, p, tid, r, p->ret_arg);
			e->ret_data = NULL;
		}
	}
	return 0;
}

int bp_ret_hit(struct bp_engine *e, pid_t tid, struct user_regs_struct *r)
{
	uint64_t where = r->rsp - 8;    /* the ret just popped our trampoline from here */
	drop_below(e, tid, where);
	for (int i = e->nrets; i-- > 0;) {
		struct bp_ret *x = &e->rets[i];
		if (x->tid != tid || x->where != where) continue;
		struct bp_probe *p = x->p;
		uint8_t *data = x->data;
		size_t size = x->size;
		r->rip = x->real;
		x->data = NULL;
		drop(e, i);
		p->ret_hits++;
		/* a probe that carries data runs only with it (calloc failed: the return is not run) */
		if (p->ret_fn && (data || !p->ret_data_size)) {
			e->ret_data = data;
			e->ret_data_len = size;
			p->ret_fn(e, p, tid, r, p->ret_arg);
			e->ret_data = NULL;
		}
		free(data);
		return ptrace(PTRACE_POKEUSER, tid, offsetof(struct user_regs_struct, rip), r->rip) ? -1 : 0;
	}
	return -1;
}

/* The unwinder finds each caller from the return address on the stack: the trampoline there
 * would end its search (std::terminate). So from START tid's slots hold the real addresses;
 * at CAUGHT the frames below the handler are gone and the live ones get the trampoline back. */
void bp_ret_unwind(struct bp_engine *e, enum bp_unwind how, pid_t tid, const struct user_regs_struct *r)
{
	uint64_t tramp = e->xol_area + BP_TRAMP_OFF, now;
	if (how == BP_UNWIND_CAUGHT) drop_below(e, tid, r->rsp + 1);
	for (int i = 0; i < e->nrets; i++) {
		struct bp_ret *x = &e->rets[i];
		if (x->tid != tid || x->unhooked == (how == BP_UNWIND_START)) continue;
		if (how == BP_UNWIND_START) {
			pt_write(tid, x->where, &x->real, 8);
			x->unhooked = 1;
		} else if (pt_read(tid, x->where, &now, 8) == 0 && now == x->real && pt_write(tid, x->where, &tramp, 8) == 0) {
			x->unhooked = 0;
		} else {                /* the slot changed meanwhile: not the frame we hooked */
			drop(e, i--);
			e->ret_lost++;
		}
	}
}

void bp_ret_fork(struct bp_engine *e, pid_t parent, pid_t child)
{
	int n = e->nrets;
	for (int i = 0; i < n && e->nrets < BP_MAX_RETS; i++)
		if (e->rets[i].tid == parent) {
			struct bp_ret *c = &e->rets[e->nrets++];
			*c = e->rets[i];
			c->tid = child;
			if (c->data && !(c->data = malloc(c->size))) c->size = 0;
			if (c->data) memcpy(c->data, e->rets[i].data, c->size);
		}
}

void bp_ret_restore(struct bp_engine *e)
{
	for (int i = 0; i < e->nrets; i++) {
		pt_write(e->rets[i].tid, e->rets[i].where, &e->rets[i].real, 8);
		free(e->rets[i].data);
		e->rets[i].data = NULL;
	}
	e->nrets = 0;
}
