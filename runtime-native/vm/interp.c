/* interp.c: the one interpreter body; vmcase/vmbreak become computed goto, or a switch with -DSTAPVM_DISPATCH_SWITCH. */
#include "session.h"
#include "text.h"

#ifdef STAPVM_DISPATCH_SWITCH
#define vmdispatch(o) switch (o)
#define vmcase(l) case OP_##l:
#define vmbreak break
#define vmdefault default:
#else
#define vmdispatch(o) goto *disptab[o];
#define vmcase(l) L_##l:
#define vmbreak do { ip++; goto *disptab[IN.op]; } while (0)
#define vmdefault L_BAD:
#endif

/* ip points to the next instruction (jump offsets are relative to it); IN is the one being run */
#define IN (ip[-1])
#define A IN.a
#define B IN.b
#define C IN.c
#define X IN.x
#define RA R[A]
#define RB R[B]
#define RC R[C]
#define SREG(k) (S + (size_t)(k) * maxstr)
#define RTERR(msg) do { err = (msg); goto fail; } while (0)
/* MAXACTION as stap counts it: ACT spends what the compiler charges per statement (stap's
 * record_actions) from the hit's budget of MAXACTION_INTERRUPTIBLE (10 x MAXACTION, what every stap
 * probe starts with); reaching 0 or below is the error. Termination does not rest on the compiler:
 * backward jumps and calls each spend one unit of a second budget, large enough that compiled code
 * (at least one ACT unit per loop iteration, at most a map's entries walked between two) never
 * reaches it first, and no try block catches its end. */
#define CHARGE() do { if (--jumps == 0) RTERR("MAXACTION exceeded"); } while (0)

/* the second budget: actions x (MAXMAPENTRIES + 2), saturating; a host that runs hits with
 * preemption off (stapvm.ko) bounds it by SVM_HOST_MAX_JUMPS, whatever the module's limits say:
 * a module's MAXACTION must not hold a CPU for seconds on every hit (the guest fuzz soft-locked on
 * a mutated sys_enter tracepoint module) */
static uint64_t jump_budget(int64_t actions, uint32_t maxmapentries)
{
	uint64_t per = (uint64_t)maxmapentries + 2;
	uint64_t n = (uint64_t)actions > ~(uint64_t)0 / per ? ~(uint64_t)0 : (uint64_t)actions * per;
#ifdef SVM_HOST_MAX_JUMPS
	if (n > SVM_HOST_MAX_JUMPS)
		n = SVM_HOST_MAX_JUMPS;
#endif
	return n;
}

/* appends src at d + n, never past maxstr - 1 bytes; returns the new length */
static size_t sappend(char *d, size_t n, const char *src, uint32_t maxstr)
{
	for (; n + 1 < maxstr && *src; n++) d[n] = *src++;
	d[n] = 0;
	return n;
}

static void scopy(char *d, const char *src, uint32_t maxstr)
{
	if (d != src) sappend(d, 0, src, maxstr);
}

/* sets up frame d for function f: registers zeroed, strings empty, iterators empty, its foreach
 * storage after its caller's */
static struct svm_frame *enter(struct svm_exec *s, uint32_t d, uint32_t f)
{
	struct svm_frame *fr = &s->frames[d];
	const struct svm_func *fn = &s->m->funcs[f];
	uint8_t *base = s->arena + d * s->framesz;
	fr->func = f;
	fr->pc = 0;
	fr->itbase = d ? fr[-1].itbase + s->m->funcs[fr[-1].func].iterents : 0;
	fr->r = (int64_t *)base;
	fr->s = (char *)(base + (size_t)s->maxint * 8);
	fr->it = (struct svm_iter *)(base + (((size_t)s->maxint * 8 + (size_t)s->maxstrregs * s->maxstr + 7) & ~(size_t)7));
	for (unsigned i = 0; i < fn->nint; i++) fr->r[i] = 0;
	for (unsigned i = 0; i < fn->nstr; i++) fr->s[(size_t)i * s->maxstr] = 0;
	for (unsigned i = 0; i < fn->niters; i++) fr->it[i] = (struct svm_iter){ 0 };
	return fr;
}

static const char *array_op(struct svm_exec *s, struct svm_map *mp, const int64_t *ik, const char *sk, int create, int32_t *e)
{
	const struct svm_global *g;
	*e = svm_map_lookup(mp, ik, sk, s->maxstr, create);
	if (*e != -2) return 0;
	g = svm_map_global(mp);
	if (!g->sized) return "Array overflow, check MAXMAPENTRIES";
	svm_errf(s->errmsg, sizeof s->errmsg, "Array overflow, check size limit (%u)", g->size);
	return s->errmsg;
}

/* s->errmsg = "ERROR: err near where" (err may itself be s->errmsg) */
static __attribute__((__noinline__)) void set_error(struct svm_exec *s, const char *err, const char *where)
{
	char msg[sizeof s->errmsg];
	size_t n = 0;
	svm_appendf(msg, sizeof msg, &n, "ERROR: %s", err);
	if (where) svm_appendf(msg, sizeof msg, &n, " near %s", where);
	svm_errf(s->errmsg, sizeof s->errmsg, "%s", msg);
}

/* width bytes at offset off of the hit's @entry data, or NULL (the verifier already bounds the
 * offset by the probe's data size; this guards a host that handed a smaller area or none) */
static uint8_t *entry_slot(const struct svm_exec *s, int32_t off, uint32_t width)
{
	const struct svm_ctx *c = s->ctx;
	if (!c || !c->entry_data || off < 0 || (uint64_t)off + width > c->entry_size) return 0;
	return c->entry_data + off;
}

int svm_exec_run(struct svm_exec *s, uint32_t f)
{
	const struct svm_module *m = s->m;
	const uint32_t maxstr = s->maxstr;
	int64_t actions = (int64_t)m->limits.maxaction * 10;
	uint64_t jumps = jump_budget(actions, m->limits.maxmapentries);
	uint32_t depth = 0;
	int nextflag = 0;   /* the last call returned by NEXTF */
	struct svm_frame *fr = enter(s, 0, f);
	const svm_insn *code = m->funcs[f].code, *ip = code;
	int64_t *R = fr->r;
	char *S = fr->s;
	const char *err = 0;
	int32_t e;
	uint8_t *slot;
#ifndef STAPVM_DISPATCH_SWITCH
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
	static const void *const disptab[256] = {
		[0 ... 255] = &&L_BAD,
#define OP(name, num, fmt, ka, kb, kc, kx, vc, doc) [num] = &&L_##name,
#include "opcodes.def"
#undef OP
	};
#pragma GCC diagnostic pop
#endif
	s->ntries = 0;
	s->rxnslots = 0;
	for (;;) {
next:
		ip++;
		vmdispatch(IN.op) {
		vmcase(NOP) vmbreak;
		vmcase(MOV) RA = RB; vmbreak;
		vmcase(MOVS) scopy(SREG(A), SREG(B), maxstr); vmbreak;
		vmcase(LDI) RA = X; vmbreak;
		vmcase(LDK) RA = m->consts[X]; vmbreak;
		vmcase(LDS) scopy(SREG(A), m->strings[X], maxstr); vmbreak;
		vmcase(ADD) RA = (int64_t)((uint64_t)RB + (uint64_t)RC); vmbreak;
		vmcase(SUB) RA = (int64_t)((uint64_t)RB - (uint64_t)RC); vmbreak;
		vmcase(MUL) RA = (int64_t)((uint64_t)RB * (uint64_t)RC); vmbreak;
		vmcase(DIV)
			if (RC == 0) RTERR("division by 0");
			RA = RC == -1 ? (int64_t)((uint64_t)0 - (uint64_t)RB) : RB / RC;
			vmbreak;
		vmcase(MOD)
			if (RC == 0) RTERR("division by 0");
			RA = RC == -1 ? 0 : RB % RC;
			vmbreak;
		vmcase(AND) RA = RB & RC; vmbreak;
		vmcase(OR) RA = RB | RC; vmbreak;
		vmcase(XOR) RA = RB ^ RC; vmbreak;
		vmcase(SHL) RA = (int64_t)((uint64_t)RB << (RC & 63)); vmbreak;
		vmcase(SHR) RA = RB >> (RC & 63); vmbreak;
		vmcase(NEG) RA = (int64_t)((uint64_t)0 - (uint64_t)RB); vmbreak;
		vmcase(BNOT) RA = ~RB; vmbreak;
		vmcase(LNOT) RA = !RB; vmbreak;
		vmcase(ADDI) RA = (int64_t)((uint64_t)RB + (uint64_t)(int64_t)X); vmbreak;
		vmcase(EQ) RA = RB == RC; vmbreak;
		vmcase(NE) RA = RB != RC; vmbreak;
		vmcase(LT) RA = RB < RC; vmbreak;
		vmcase(LE) RA = RB <= RC; vmbreak;
		vmcase(GT) RA = RB > RC; vmbreak;
		vmcase(GE) RA = RB >= RC; vmbreak;
		vmcase(SEQ) RA = svm_strcmp(SREG(B), SREG(C)) == 0; vmbreak;
		vmcase(SNE) RA = svm_strcmp(SREG(B), SREG(C)) != 0; vmbreak;
		vmcase(SLT) RA = svm_strcmp(SREG(B), SREG(C)) < 0; vmbreak;
		vmcase(SLE) RA = svm_strcmp(SREG(B), SREG(C)) <= 0; vmbreak;
		vmcase(SGT) RA = svm_strcmp(SREG(B), SREG(C)) > 0; vmbreak;
		vmcase(SGE) RA = svm_strcmp(SREG(B), SREG(C)) >= 0; vmbreak;
		vmcase(CONCAT) {
			/* straight into A, unless A is the right operand too (appending would read what it writes) */
			char *d = A == C ? s->scratch : SREG(A);
			sappend(d, sappend(d, 0, SREG(B), maxstr), SREG(C), maxstr);
			if (A == C) scopy(SREG(A), d, maxstr);
			vmbreak;
		}
		vmcase(I2S) {
			size_t n = 0;
			s->scratch[0] = 0;
			svm_fmt_int(s->scratch, maxstr, &n, RB, 'd', 0, 0, -1);
			scopy(SREG(A), s->scratch, maxstr);
			vmbreak;
		}
		vmcase(ACT)
			actions -= (uint32_t)X;
			if (actions <= 0) RTERR("MAXACTION exceeded");
			vmbreak;
		vmcase(ACTCHK)
			if (actions < (int64_t)(uint32_t)X) RTERR("MAXACTION exceeded");
			vmbreak;
		vmcase(JMP)
			if (X < 0) CHARGE();
			ip += X;
			vmbreak;
		vmcase(JNEXT)
			if (nextflag) { if (X < 0) CHARGE(); ip += X; }
			vmbreak;
		vmcase(JZ)
			if (RA == 0) { if (X < 0) CHARGE(); ip += X; }
			vmbreak;
		vmcase(JNZ)
			if (RA != 0) { if (X < 0) CHARGE(); ip += X; }
			vmbreak;
		vmcase(CALL)
		vmcase(CALLS) {
			const struct svm_func *t = &m->funcs[X];
			struct svm_frame *nf;
			CHARGE();
			if (depth + 1 >= SVM_FRAMES(m->limits.maxnesting)) RTERR("MAXNESTING exceeded");
			fr->pc = (uint32_t)(ip - code);
			fr->retreg = (uint8_t)A;
			fr->retkind = IN.op == OP_CALLS ? R_STR : R_INT;
			nf = enter(s, ++depth, (uint32_t)X);
			nextflag = 0;
			for (unsigned k = 0; k < t->nai; k++) nf->r[k] = R[B + k];
			for (unsigned k = 0; k < t->nas; k++) scopy(nf->s + (size_t)k * maxstr, SREG(C + k), maxstr);
			fr = nf; R = fr->r; S = fr->s; code = ip = t->code;
			vmbreak;
		}
		vmcase(NEXTF)
		vmcase(RET)
		vmcase(RETS)
		vmcase(RETV) {
			struct svm_frame *cf;
			while (s->ntries && s->tries[s->ntries - 1].depth >= depth) s->ntries--;
			if (depth == 0) return 0;
			cf = &s->frames[--depth];
			nextflag = IN.op == OP_NEXTF;
			if (cf->retkind == R_STR) scopy(cf->s + (size_t)cf->retreg * maxstr, nextflag ? "" : SREG(A), maxstr);
			else cf->r[cf->retreg] = IN.op == OP_RET ? RA : 0;
			fr = cf; R = fr->r; S = fr->s; code = m->funcs[fr->func].code; ip = code + fr->pc;
			vmbreak;
		}
		vmcase(GGET) RA = *(int64_t *)s->gstore[X]; vmbreak;
		vmcase(GSET) *(int64_t *)s->gstore[X] = RA; vmbreak;
		vmcase(GGETS) scopy(SREG(A), s->gstore[X], maxstr); vmbreak;
		vmcase(GSETS) scopy(s->gstore[X], SREG(A), maxstr); vmbreak;
		vmcase(AGET)
			array_op(s, s->gstore[X], &RB, SREG(C), 0, &e);
			RA = e >= 0 ? *(int64_t *)svm_map_value(s->gstore[X], e) : 0;
			vmbreak;
		vmcase(AGETS)
			array_op(s, s->gstore[X], &RB, SREG(C), 0, &e);
			scopy(SREG(A), e >= 0 ? (char *)svm_map_value(s->gstore[X], e) : "", maxstr);
			vmbreak;
		vmcase(ASET)
			if ((err = array_op(s, s->gstore[X], &RB, SREG(C), 1, &e))) goto fail;
			*(int64_t *)svm_map_value(s->gstore[X], e) = RA;
			vmbreak;
		vmcase(ASETS)
			if ((err = array_op(s, s->gstore[X], &RB, SREG(C), 1, &e))) goto fail;
			scopy(svm_map_value(s->gstore[X], e), SREG(A), maxstr);
			vmbreak;
		vmcase(AEXISTS)
			if (m->globals[X].vtype == T_STAT) {
				RA = svm_pstat_elem(s, X, &RB, SREG(C)) != 0;
			} else {
				array_op(s, s->gstore[X], &RB, SREG(C), 0, &e);
				RA = e >= 0;
			}
			vmbreak;
		vmcase(ADEL)
			if (m->globals[X].vtype == T_STAT) {
				svm_pstat_delete(s, X, &RB, SREG(C));
			} else {
				array_op(s, s->gstore[X], &RB, SREG(C), 0, &e);
				svm_map_delete(s->gstore[X], e);
			}
			vmbreak;
		vmcase(ACLEAR)
			if (m->globals[X].vtype == T_STAT) svm_pstat_clear(s, X);
			else svm_map_clear(s->gstore[X]);
			vmbreak;
		vmcase(ITINIT) {
			struct svm_iter *it = &fr->it[A];
			struct svm_map *mp = m->globals[X].vtype == T_STAT ? svm_pstat_array(s, X) : s->gstore[X];
			uint32_t at = fr->itbase + m->funcs[fr->func].iteroff[A];   /* room for X's capacity */
			if (!mp) RTERR(s->errmsg);
			it->idx = s->itidx + at; it->seq = s->itseq + at; it->pos = 0;
			it->n = svm_map_snapshot(mp, it->idx, it->seq, C, RB);
			vmbreak;
		}
		vmcase(ITNEXT) {
			struct svm_iter *it = &fr->it[A];
			struct svm_map *mp = s->sh->gstore[m->funcs[fr->func].iterglobal[A]];   /* a statistic's merged copy */
			while (it->pos < it->n && !svm_map_alive(mp, it->idx[it->pos], it->seq[it->pos])) it->pos++;
			if (it->pos >= it->n) {
				if (X < 0) CHARGE();
				ip += X;
			} else {
				svm_map_keys(mp, it->idx[it->pos++], &RB, SREG(C), maxstr);
			}
			vmbreak;
		}
		vmcase(ITEND) fr->it[A].n = fr->it[A].pos = 0; vmbreak;
		vmcase(SADD) svm_stat_add(s->gstore[X], &m->globals[X], RA); vmbreak;
		vmcase(AADD)
			if ((err = array_op(s, s->gstore[X], &RB, SREG(C), 1, &e))) goto fail;
			svm_stat_add(svm_map_value(s->gstore[X], e), &m->globals[X], RA);
			vmbreak;
		vmcase(SAGG) svm_stat_read(svm_pstat_scalar(s, X), &RA); vmbreak;
		vmcase(AAGG) svm_stat_read(svm_pstat_elem(s, X, &RB, SREG(C)), &RA); vmbreak;
		vmcase(SHIST) {
			const struct svm_stat *st = svm_pstat_scalar(s, X);
			RA = RB >= 0 && (uint64_t)RB < m->globals[X].nbuckets ? st->bucket[RB] : 0;
			vmbreak;
		}
		vmcase(AHIST) {
			const struct svm_stat *st = svm_pstat_elem(s, X, &RB, SREG(C));
			RA = st && RA >= 0 && (uint64_t)RA < m->globals[X].nbuckets ? st->bucket[RA] : 0;
			vmbreak;
		}
		vmcase(HPRINT)
			if (svm_hist_print(s, &m->globals[X], svm_pstat_scalar(s, X), 0, 0)) RTERR("empty aggregate");
			vmbreak;
		vmcase(AHPRINT) {
			const struct svm_stat *st = svm_pstat_elem(s, X, &RB, SREG(C));
			if (!st || svm_hist_print(s, &m->globals[X], st, &RB, SREG(C))) RTERR("aggregate element not found");
			vmbreak;
		}
		vmcase(REMATCH) {
			const struct svm_regex *rx = &m->regex[X];
			const uint8_t *p = (const uint8_t *)SREG(B);
			uint32_t st = 0;
			for (; *p && !(rx->flags[st] & SVM_RX_ACCEPT); p++) st = rx->next[st * rx->nclass + rx->byteclass[*p]];
			RA = (rx->flags[st] & (SVM_RX_ACCEPT | SVM_RX_ACCEPT_AT_END)) != 0;
			if (m->rxprog) svm_rx_record(s, X, SREG(B), (int)RA);
			vmbreak;
		}
		vmcase(HCALL)
		vmcase(HCALLS) {
			int64_t iret = 0;
			s->scratch[0] = 0;
			if (svm_helper(s, SVM_HLP_ID(X), &iret, s->scratch, &RB, SVM_HLP_NI(X), SREG(C), SVM_HLP_NS(X)))
				RTERR(s->errmsg);
			if (IN.op == OP_HCALLS) scopy(SREG(A), s->scratch, maxstr);
			else RA = iret;
			vmbreak;
		}
		vmcase(THROW) scopy(s->scratch, SREG(A), maxstr); RTERR(s->scratch);
		vmcase(EXIT) svm_atomic_set(&s->sh->exit_requested, 1); vmbreak;
		vmcase(ABORT)
			svm_atomic_set(&s->sh->exit_requested, 1);
			s->ntries = 0;
			return 0;
		vmcase(ELD)
			if (!(slot = entry_slot(s, X, 8))) RTERR("no @entry data in this context");
			svm_host_memcpy(&RA, slot, 8);
			vmbreak;
		vmcase(ELDS)
			if (!(slot = entry_slot(s, X, maxstr))) RTERR("no @entry data in this context");
			scopy(SREG(A), (const char *)slot, maxstr);
			vmbreak;
		vmcase(EST)
			if (!(slot = entry_slot(s, X, 8))) RTERR("no @entry data in this context");
			svm_host_memcpy(slot, &RA, 8);
			vmbreak;
		vmcase(ESTS)
			if (!(slot = entry_slot(s, X, maxstr))) RTERR("no @entry data in this context");
			scopy((char *)slot, SREG(A), maxstr);
			vmbreak;
		vmcase(TRY)
			if (s->ntries == SVM_MAXTRY) RTERR("try blocks nested too deeply");
			s->tries[s->ntries++] = (struct svm_try){ depth, (uint32_t)(ip - code) + (uint32_t)X, (uint8_t)A };
			vmbreak;
		vmcase(ENDTRY)
			if (s->ntries && s->tries[s->ntries - 1].depth == depth) s->ntries--;
			vmbreak;
		vmdefault RTERR("unknown opcode");
		}
	}
fail:
	/* a try block catches every error, MAXACTION too (its handler's first ACT then fails at once,
	 * as stap's catch charges one action before it starts), but not the end of the jump budget */
	if (s->ntries && jumps > 0) {
		const struct svm_try *t = &s->tries[--s->ntries];
		scopy(s->scratch2, err, maxstr);
		depth = t->depth;
		fr = &s->frames[depth]; R = fr->r; S = fr->s;
		code = m->funcs[fr->func].code; ip = code + t->pc;
		scopy(SREG(t->sreg), s->scratch2, maxstr);
		goto next;
	}
	set_error(s, err, svm_module_where(m, fr->func, (uint32_t)(ip - code - 1)));
	return -1;
}
