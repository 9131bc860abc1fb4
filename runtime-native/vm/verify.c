/* verify.c: the verifier, a linear pipeline of small checks over a decoded module; every rejection names its place. */
#include "module.h"
#include "text.h"

struct vctx { struct svm_module *m; char *err; size_t errlen; };
#define REJECT(...) do { svm_errf(v->err, v->errlen, __VA_ARGS__); return -1; } while (0)

/* 1. limits: the ranges the runtime can allocate for (format.def) */
static int out_of_range(uint64_t v, uint64_t lo, uint64_t hi) { return v < lo || v > hi; }

static int check_limits(struct vctx *v)
{
	const struct svm_limits *l = &v->m->limits;
#define LIMIT(field, name, bits, def, lo, hi, doc) \
	if (out_of_range(l->field, lo, hi)) REJECT("limits: " #name " %llu out of range [%llu,%llu]", \
						  (unsigned long long)l->field, (unsigned long long)(lo), (unsigned long long)(hi));
#include "format.def"
	if ((l->flags & SVM_LIM_PRIV_STAPUSR) && (l->flags & SVM_LIM_PRIV_STAPSYS))
		REJECT("limits: privilege both stapsys and stapusr");
	return 0;
}

/* the capture programs: one per regex, every target, set and slot in bounds */
static int check_rxgroups(const struct svm_module *m, struct vctx *v)
{
	if (m->rxprog && m->nrxprog != m->nregex)
		REJECT("regex groups: %u programs for %u regexes", m->nrxprog, m->nregex);
	for (uint32_t i = 0; i < m->nrxprog; i++) {
		const struct svm_rxprog *p = &m->rxprog[i];
		if (p->nslots < 2 || p->nslots % 2 || p->nslots > SVM_RX_MAXSLOTS)
			REJECT("regex groups %u: %u slots (an even number in [2,%u])", i, p->nslots, SVM_RX_MAXSLOTS);
		if (p->ninsn == 0 || (uint64_t)p->ninsn * (p->nslots + 1) > SVM_RX_MAXCELLS)
			REJECT("regex groups %u: %u instructions of %u slots (at most %u cells)", i, p->ninsn, p->nslots, SVM_RX_MAXCELLS);
		for (uint32_t k = 0; k < p->ninsn; k++) {
			const struct svm_rxinsn *in = &p->code[k];
			if (in->op > RXI_MATCH)
				REJECT("regex groups %u insn %u: unknown op %u", i, k, in->op);
			if (in->op != RXI_MATCH && (in->n1 >= p->ninsn || (in->op == RXI_FORK && in->n2 >= p->ninsn)))
				REJECT("regex groups %u insn %u: target out of range [0,%u)", i, k, p->ninsn);
			if (in->op == RXI_BYTE && in->set >= p->nsets)
				REJECT("regex groups %u insn %u: set %u out of range [0,%u)", i, k, in->set, p->nsets);
			if (in->op == RXI_SAVE && in->slot >= p->nslots)
				REJECT("regex groups %u insn %u: slot %u out of range [0,%u)", i, k, in->slot, p->nslots);
		}
	}
	return 0;
}

/* 2. tables: strings, globals, functions, probes and source map refer only to what exists */
static int check_tables(struct vctx *v)
{
	struct svm_module *m = v->m;
	/* string constants may be longer than MAXSTRINGLEN-1: LDS truncates them, as SystemTap truncates literals */
	for (uint32_t i = 0; i < m->nregex; i++) {
		const struct svm_regex *x = &m->regex[i];
		for (int c = 0; c < 256; c++)
			if (x->byteclass[c] >= x->nclass)
				REJECT("regex %u: byte %d has class %u out of range [0,%u)", i, c, x->byteclass[c], x->nclass);
		for (uint64_t k = 0; k < (uint64_t)x->nclass * x->nstate; k++)
			if (x->next[k] >= x->nstate)
				REJECT("regex %u: transition %llu goes to state %u out of range [0,%u)", i, (unsigned long long)k, x->next[k], x->nstate);
		for (uint32_t k = 0; k < x->nstate; k++)
			if (x->flags[k] & ~(SVM_RX_ACCEPT | SVM_RX_ACCEPT_AT_END))
				REJECT("regex %u: state %u has unknown flags 0x%x", i, k, x->flags[k]);
	}
	if (check_rxgroups(m, v) != 0)
		return -1;
	for (uint32_t i = 0; i < m->nglobals; i++) {
		struct svm_global *g = &m->globals[i];
		if (g->name >= m->nstrings)
			REJECT("global %u: name string %u out of range [0,%u)", i, g->name, m->nstrings);
		if (g->vtype > T_STAT)
			REJECT("global %u: bad value type %u", i, g->vtype);
		if (g->nkeys > SVM_MAXKEYS)
			REJECT("global %u: %u keys (at most %u)", i, g->nkeys, SVM_MAXKEYS);
		if (g->flags & ~SVM_GFLAG_WRAP)
			REJECT("global %u: unknown flags 0x%x", i, g->flags);
		/* as stap, a declared size overrides MAXMAPENTRIES; check_memory bounds what it costs */
		if (g->size > 1u << 20)
			REJECT("global %u: size %u out of range [0,1048576]", i, g->size);
		g->sized = g->size != 0;
		if (g->size == 0)
			g->size = m->limits.maxmapentries;
		g->nikeys = g->nskeys = 0;
		for (int k = 0; k < SVM_MAXKEYS; k++) {
			if (k >= g->nkeys ? g->keytype[k] != 0 : g->keytype[k] > T_STR)
				REJECT("global %u: bad key type %u for key %d", i, g->keytype[k], k);
			if (k < g->nkeys) { if (g->keytype[k] == T_STR) g->nskeys++; else g->nikeys++; }
		}
		if (g->histkind > HIST_LOG || (g->histkind && g->vtype != T_STAT))
			REJECT("global %u: bad histogram kind %u", i, g->histkind);
		if (g->histkind == HIST_LINEAR) {
			int64_t span = (int64_t)g->hhi - g->hlo;
			if (g->hstep <= 0 || span <= 0 || span / g->hstep > 1000)
				REJECT("global %u: bad linear histogram [%d,%d] step %d", i, g->hlo, g->hhi, g->hstep);
			g->nbuckets = (uint32_t)(span / g->hstep) + 3;
		} else if (g->histkind == HIST_LOG) {
			g->nbuckets = SVM_LOG_BUCKETS * 2 + 1;
		} else if (g->hlo || g->hhi || g->hstep) {
			REJECT("global %u: histogram parameters without a histogram", i);
		}
	}
	for (uint32_t i = 0; i < m->nfuncs; i++) {
		struct svm_func *f = &m->funcs[i];
		if (f->name >= m->nstrings)
			REJECT("function %u: name string %u out of range [0,%u)", i, f->name, m->nstrings);
		if (f->nai > f->nint || f->nas > f->nstr)
			REJECT("function %u: more arguments than registers", i);
		if (f->ret > R_STR)
			REJECT("function %u: bad return kind %u", i, f->ret);
		if (f->ncode == 0)
			REJECT("function %u: empty code", i);
	}
	for (uint32_t i = 0; i < m->nprobes; i++) {
		struct svm_probe *p = &m->probes[i];
		if (p->func >= m->nfuncs)
			REJECT("probe %u: handler function %u out of range [0,%u)", i, p->func, m->nfuncs);
		if (m->funcs[p->func].nai || m->funcs[p->func].nas || m->funcs[p->func].ret != R_VOID)
			REJECT("probe %u: handler function %u must take no arguments and return nothing", i, p->func);
	}
	for (uint32_t i = 0; i < m->nsrc; i++) {
		struct svm_srcloc *s = &m->srcmap[i];
		if (s->func >= m->nfuncs || s->pc >= m->funcs[s->func].ncode || s->str >= m->nstrings)
			REJECT("source map entry %u: (function %u, pc %u, string %u) out of range", i, s->func, s->pc, s->str);
	}
	return 0;
}

/* 3. operands: every field of every instruction is in range for its kind */
static int check_field(struct vctx *v, uint32_t fi, uint32_t pc, const char *fld, int kind, int64_t val)
{
	struct svm_module *m = v->m;
	struct svm_func *f = &m->funcs[fi];
	switch (kind) {
	case K_NONE:
		if (val) REJECT("function %u insn %u: field %s must be 0", fi, pc, fld);
		break;
	case K_IR: case K_AGW:
		if (val >= f->nint) REJECT("function %u insn %u: int register r%lld out of range [0,%u)", fi, pc, (long long)val, f->nint);
		break;
	case K_SR:
		if (val >= f->nstr) REJECT("function %u insn %u: string register s%lld out of range [0,%u)", fi, pc, (long long)val, f->nstr);
		break;
	case K_KON:
		if (val < 0 || val >= m->nconsts) REJECT("function %u insn %u: constant %lld out of range [0,%u)", fi, pc, (long long)val, m->nconsts);
		break;
	case K_STR:
		if (val < 0 || val >= m->nstrings) REJECT("function %u insn %u: string %lld out of range [0,%u)", fi, pc, (long long)val, m->nstrings);
		break;
	case K_GLB:
		if (val < 0 || val >= m->nglobals) REJECT("function %u insn %u: global %lld out of range [0,%u)", fi, pc, (long long)val, m->nglobals);
		break;
	case K_FN:
		if (val < 0 || val >= m->nfuncs) REJECT("function %u insn %u: function %lld out of range [0,%u)", fi, pc, (long long)val, m->nfuncs);
		break;
	case K_ITR:
		if (val >= f->niters) REJECT("function %u insn %u: iterator %lld out of range [0,%u)", fi, pc, (long long)val, f->niters);
		break;
	case K_SORT:
		if (SVM_SORT_DIR(val) == 3 || val >> 6) REJECT("function %u insn %u: bad sort spec 0x%x", fi, pc, (unsigned)val);
		break;
	case K_JMP: {
		int64_t t = (int64_t)pc + 1 + val;
		if (t < 0 || t >= f->ncode) REJECT("function %u insn %u: jump target %lld out of range [0,%u)", fi, pc, (long long)t, f->ncode);
		break;
	}
	default: /* K_IMM, K_HLP, K_IRW, K_SRW: checked by class (windows need their length) */
		break;
	}
	return 0;
}

static int check_operands(struct vctx *v, uint32_t fi)
{
	struct svm_func *f = &v->m->funcs[fi];
	for (uint32_t pc = 0; pc < f->ncode; pc++) {
		const svm_insn *in = &f->code[pc];
		const struct svm_opinfo *oi = &svm_opinfo[in->op];
		if (!oi->name)
			REJECT("function %u insn %u: unknown opcode 0x%x", fi, pc, in->op);
		if (check_field(v, fi, pc, "A", oi->kind[0], in->a) || check_field(v, fi, pc, "B", oi->kind[1], in->b) ||
		    check_field(v, fi, pc, "C", oi->kind[2], in->c) || check_field(v, fi, pc, "X", oi->kind[3], in->x))
			return -1;
	}
	return 0;
}

/* 4. control flow: execution can only leave a function through a return or an error */
static int check_control_flow(struct vctx *v, uint32_t fi)
{
	struct svm_func *f = &v->m->funcs[fi];
	const struct svm_opinfo *last = &svm_opinfo[f->code[f->ncode - 1].op];
	if (last->vclass != V_GOTO && last->vclass != V_RETURN && last->vclass != V_THROW)
		REJECT("function %u insn %u: control falls off the end of the function", fi, f->ncode - 1);
	return 0;
}

/* 5. kinds: windows fit the register files, globals/functions/helpers are used with their declared types */
static int window(struct vctx *v, uint32_t fi, uint32_t pc, unsigned ib, unsigned ni, unsigned sb, unsigned ns)
{
	struct svm_func *f = &v->m->funcs[fi];
	if ((!ni && ib) || (!ns && sb))
		REJECT("function %u insn %u: an empty register window must start at register 0", fi, pc);
	if (ni && ib + ni > f->nint)
		REJECT("function %u insn %u: int register window r%u..r%u out of range [0,%u)", fi, pc, ib, ib + ni - 1, f->nint);
	if (ns && sb + ns > f->nstr)
		REJECT("function %u insn %u: string register window s%u..s%u out of range [0,%u)", fi, pc, sb, sb + ns - 1, f->nstr);
	return 0;
}

static const char *tname[] = { "int", "string", "statistic" };

static int check_kinds(struct vctx *v, uint32_t fi)
{
	struct svm_module *m = v->m;
	struct svm_func *f = &m->funcs[fi];
	for (int s = 0; s < 256; s++) f->iterglobal[s] = 0xffff;
	for (uint32_t pc = 0; pc < f->ncode; pc++) {
		const svm_insn *in = &f->code[pc];
		unsigned op = in->op, a = in->a, b = in->b, c = in->c;
		int32_t x = in->x;
		const struct svm_opinfo *oi = &svm_opinfo[op];
		struct svm_global *g = oi->kind[3] == K_GLB ? &m->globals[x] : 0;
		int want = -1, keyed = 0;
		switch (oi->vclass) {
		case V_GINT: case V_GSTR: case V_SSTAT: case V_SHIST:
			want = oi->vclass == V_GINT ? T_INT : oi->vclass == V_GSTR ? T_STR : T_STAT;
			if (g->nkeys) REJECT("function %u insn %u: %s needs a scalar global, global %d is an array", fi, pc, oi->name, x);
			if (oi->vclass == V_SHIST && !g->histkind) REJECT("function %u insn %u: global %d has no histogram", fi, pc, x);
			if (op == OP_SAGG && window(v, fi, pc, a, SVM_NAGG, 0, 0)) return -1;
			break;
		case V_AINT: case V_ASTR: case V_ASTAT: case V_AANY: case V_AHIST:
			want = oi->vclass == V_AINT ? T_INT : oi->vclass == V_ASTR ? T_STR : oi->vclass == V_ASTAT || oi->vclass == V_AHIST ? T_STAT : -1;
			if (oi->vclass == V_AHIST && !g->histkind) REJECT("function %u insn %u: global %d has no histogram", fi, pc, x);
			keyed = 1;
			if (op == OP_AAGG && window(v, fi, pc, a, SVM_NAGG, 0, 0)) return -1;
			break;
		case V_TRY:
			if (x < 0) REJECT("function %u insn %u: TRY handler must follow the protected block (offset %d)", fi, pc, x);
			break;
		case V_REGEX:
			if (x < 0 || (uint32_t)x >= m->nregex) REJECT("function %u insn %u: regex %d out of range [0,%u)", fi, pc, x, m->nregex);
			break;
		case V_ACLR:
			if (!g->nkeys && g->vtype != T_STAT) REJECT("function %u insn %u: ACLEAR needs an array or a statistic, global %d is a scalar %s", fi, pc, x, tname[g->vtype]);
			break;
		case V_ITINIT:
			if (!g->nkeys) REJECT("function %u insn %u: cannot iterate over scalar global %d", fi, pc, x);
			if (SVM_SORT_COL(c) >= SVM_SORT_SUM && (g->vtype != T_STAT || SVM_SORT_COL(c) > SVM_SORT_AVG))
				REJECT("function %u insn %u: sort column %u needs a statistic array (at most %u)", fi, pc, SVM_SORT_COL(c), SVM_SORT_AVG);
			if (SVM_SORT_COL(c) > g->nkeys && SVM_SORT_COL(c) < SVM_SORT_SUM) REJECT("function %u insn %u: sort column %u beyond %u keys", fi, pc, SVM_SORT_COL(c), g->nkeys);
			if (f->iterglobal[a] != 0xffff && f->iterglobal[a] != (unsigned)x)
				REJECT("function %u insn %u: iterator %u bound to global %u and %d", fi, pc, a, f->iterglobal[a], x);
			f->iterglobal[a] = (uint16_t)x;
			break;
		case V_CALL: {
			struct svm_func *t = &m->funcs[x];
			int ret = op == OP_CALLS ? R_STR : R_INT;
			if (t->ret != ret && !(ret == R_INT && t->ret == R_VOID))
				REJECT("function %u insn %u: %s of function %d whose return kind is %s", fi, pc, oi->name, x, t->ret == R_STR ? "string" : t->ret == R_INT ? "int" : "void");
			if (window(v, fi, pc, b, t->nai, c, t->nas)) return -1;
			break;
		}
		case V_RETURN: {
			int ret = op == OP_RET ? R_INT : op == OP_RETS ? R_STR : R_VOID;
			if (op != OP_NEXTF && ret != f->ret)
				REJECT("function %u insn %u: %s in a function returning %s", fi, pc, oi->name, f->ret == R_STR ? "string" : f->ret == R_INT ? "int" : "void");
			break;
		}
		case V_HELPER: {
			unsigned id = SVM_HLP_ID(x), ni = SVM_HLP_NI(x), ns = SVM_HLP_NS(x);
			const struct svm_helperinfo *h = id < SVM_MAX_HELPER ? &svm_helperinfo[id] : 0;
			int ret = op == OP_HCALLS ? R_STR : R_INT;
			if (!h || !h->name) REJECT("function %u insn %u: unknown helper %u", fi, pc, id);
			if (!h->implemented) REJECT("function %u insn %u: helper %s is not implemented", fi, pc, h->name);
			if (h->priv == SVM_PRIV_KMEM && (v->m->limits.flags & SVM_LIM_PRIV_STAPUSR))
				REJECT("function %u insn %u: helper %s reads kernel memory: not allowed in a stapusr module", fi, pc, h->name);
			if (h->ret != ret && !(ret == R_INT && h->ret == R_VOID))
				REJECT("function %u insn %u: %s of helper %s whose return kind is %s", fi, pc, oi->name, h->name, h->ret == R_STR ? "string" : h->ret == R_INT ? "int" : "void");
			unsigned hi, hs;
			int variadic;
			svm_helper_arity(h, &hi, &hs, &variadic);
			if (variadic ? ni < hi || ns < hs : ni != hi || ns != hs)
				REJECT("function %u insn %u: helper %s called with %u int and %u string arguments", fi, pc, h->name, ni, ns);
			if (window(v, fi, pc, b, ni, c, ns)) return -1;
			break;
		}
		default:
			break;
		}
		if (want >= 0 && g->vtype != want)
			REJECT("function %u insn %u: %s needs a %s global, global %d holds %s", fi, pc, oi->name, tname[want], x, tname[g->vtype]);
		if (keyed) {
			if (!g->nkeys) REJECT("function %u insn %u: %s needs an array, global %d is a scalar", fi, pc, oi->name, x);
			if (window(v, fi, pc, b, g->nikeys, c, g->nskeys)) return -1;
		}
	}
	/* ITNEXT/ITEND need a slot bound by an ITINIT of this function; their key windows fit that global */
	for (uint32_t pc = 0; pc < f->ncode; pc++) {
		const svm_insn *in = &f->code[pc];
		unsigned op = in->op, a = in->a;
		if (op != OP_ITNEXT && op != OP_ITEND)
			continue;
		if (f->iterglobal[a] == 0xffff)
			REJECT("function %u insn %u: iterator %u is never initialised", fi, pc, a);
		if (op == OP_ITNEXT) {
			struct svm_global *g = &m->globals[f->iterglobal[a]];
			if (window(v, fi, pc, in->b, g->nikeys, in->c, g->nskeys)) return -1;
		}
	}
	return 0;
}

/* 7. memory (6. is the foreach storage, verify_iters.c): what a session will allocate (frames for
 * MAXNESTING calls, foreach storage, globals) stays bounded */
#define SVM_MAX_SESSION_BYTES (256ull << 20)
static int check_memory(struct vctx *v)
{
	struct svm_module *m = v->m;
	uint64_t maxint = 0, maxstr = 0, frame, total, ms = m->limits.maxstringlen;
	for (uint32_t i = 0; i < m->nfuncs; i++) {
		if (m->funcs[i].nint > maxint) maxint = m->funcs[i].nint;
		if (m->funcs[i].nstr > maxstr) maxstr = m->funcs[i].nstr;
	}
	frame = maxint * 8 + maxstr * ms + 256 * 32;
	total = frame * SVM_FRAMES(m->limits.maxnesting) + m->iterstack * 12;
	for (uint32_t i = 0; i < m->nglobals; i++) {
		const struct svm_global *g = &m->globals[i];
		uint64_t val = g->vtype == T_STR ? ms : 48 + 8ull * g->nbuckets;
		total += g->nkeys ? (uint64_t)g->size * (24 + 8ull * g->nikeys + ms * g->nskeys + val + 8) : val;
	}
	if (m->rxprog) total += ms + 4 * svm_rx_workspace(m);
	if (total > SVM_MAX_SESSION_BYTES)
		REJECT("limits: a session would need %llu bytes, more than %llu", (unsigned long long)total, SVM_MAX_SESSION_BYTES);
	return 0;
}

/* order matters: tables (and the probe records, verify_probes.c) before code (code indexes them), operands before flow and kinds (they index
 * by operand); the foreach storage after the kinds (they bind iterator slots to arrays) and memory
 * after it (it counts that storage); lock sets last, over code every check accepted (CALL targets exist) */
int svm_verify(struct svm_module *m, char *err, size_t errlen)
{
	struct vctx v = { m, err, errlen };
	if (check_limits(&v) || check_tables(&v) || svm_verify_probes(m, err, errlen))
		return -1;
	for (uint32_t fi = 0; fi < m->nfuncs; fi++)
		if (check_operands(&v, fi) || check_control_flow(&v, fi) || check_kinds(&v, fi))
			return -1;
	if (svm_verify_iters(m, err, errlen) || check_memory(&v))
		return -1;
	return svm_verify_entry(m, err, errlen) || svm_verify_locks(m, err, errlen) ? -1 : 0;
}
