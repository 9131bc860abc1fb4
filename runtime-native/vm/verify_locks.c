/* verify_locks.c: the globals each function reads and writes, closed over calls; the locks a handler takes. */
#include "module.h"
#include "text.h"

/* the global an instruction touches (-1: none) and whether it needs the write lock. Statistics are
 * kept per CPU (pstat.c): `<<<` changes only its own CPU's copy, so adders share the read lock,
 * while reading one merges every CPU's copy and so excludes the adders with the write lock. */
static int64_t touched(const struct svm_module *m, const svm_insn *in, int *write)
{
	*write = 0;
	if (svm_opinfo[in->op].kind[3] != K_GLB)
		return -1;   /* ITNEXT/ITEND reach their global through an ITINIT of the same function */
	switch (in->op) {
	case OP_SADD: case OP_AADD:
		break;
	case OP_ITINIT:   /* a sorted foreach sorts the array itself, as stap's does (maps.c) */
		*write = m->globals[in->x].vtype == T_STAT || SVM_SORT_DIR(in->c) != 0;
		break;
	case OP_GGET: case OP_GGETS: case OP_AGET: case OP_AGETS: case OP_AEXISTS:
	case OP_SAGG: case OP_AAGG: case OP_SHIST: case OP_AHIST: case OP_HPRINT: case OP_AHPRINT:
		*write = m->globals[in->x].vtype == T_STAT;
		break;
	default:     /* GSET*, ASET*, ADEL, ACLEAR; and an op added to opcodes.def but not here: a
		      * write lock is always safe, a read lock only where nothing changes */
		*write = 1;
		break;
	}
	return in->x;
}

#define BIT(b, g) ((b)[(g) / 64] >> ((g) % 64) & 1)

/* read bits then write bits, w words each, per function */
static void own_sets(struct svm_module *m, uint64_t *bits, uint32_t w)
{
	for (uint32_t fi = 0; fi < m->nfuncs; fi++) {
		uint64_t *rd = bits + (size_t)fi * 2 * w, *wr = rd + w;
		for (uint32_t pc = 0; pc < m->funcs[fi].ncode; pc++) {
			int write;
			int64_t g = touched(m, &m->funcs[fi].code[pc], &write);
			if (g < 0) continue;
			(write ? wr : rd)[g / 64] |= 1ull << (g % 64);
		}
	}
}

int svm_call_graph(const struct svm_module *m, struct svm_calls *g)
{
	uint32_t n = 0;
	for (uint32_t fi = 0; fi < m->nfuncs; fi++)
		for (uint32_t pc = 0; pc < m->funcs[fi].ncode; pc++)
			n += svm_opinfo[m->funcs[fi].code[pc].op].vclass == V_CALL;
	g->start = svm_host_zalloc(sizeof(uint32_t) * ((size_t)m->nfuncs + 1));
	g->edge = svm_host_zalloc(sizeof(uint32_t) * ((size_t)n + 1));
	if (!g->start || !g->edge) return -1;
	n = 0;
	for (uint32_t fi = 0; fi < m->nfuncs; fi++) {
		g->start[fi] = n;
		for (uint32_t pc = 0; pc < m->funcs[fi].ncode; pc++)
			if (svm_opinfo[m->funcs[fi].code[pc].op].vclass == V_CALL)
				g->edge[n++] = (uint32_t)m->funcs[fi].code[pc].x;
	}
	g->start[m->nfuncs] = n;
	return 0;
}

/* Closes the sets over CALL/CALLS: functions calling each other (a cycle, recursion) share one
 * set, the union of theirs and their callees'. Tarjan's strongly connected components, without
 * recursion (the kernel stack is small) and in time linear in calls: a component is finished
 * after every component it calls, so their sets are final when it takes them. */
struct tarjan { uint32_t *index, *low, *stk, *dfs, *pos; uint8_t *on; uint32_t sp, dp, next; };

static void visit(struct tarjan *t, const struct svm_calls *g, uint32_t v)
{
	t->index[v] = t->low[v] = ++t->next;
	t->stk[t->sp++] = v;
	t->on[v] = 1;
	t->pos[v] = g->start[v];
	t->dfs[t->dp++] = v;
}

/* v roots a component (the stack above it): every member gets the union */
static void finish(struct tarjan *t, const struct svm_calls *g, uint64_t *bits, uint32_t w, uint64_t *acc, uint32_t v)
{
	uint32_t k = t->sp;
	while (t->stk[--k] != v) {}
	for (uint32_t i = 0; i < 2 * w; i++) acc[i] = 0;
	for (uint32_t j = k; j < t->sp; j++) {
		uint32_t f = t->stk[j];
		for (uint32_t i = 0; i < 2 * w; i++) acc[i] |= bits[(size_t)f * 2 * w + i];
		for (uint32_t e = g->start[f]; e < g->start[f + 1]; e++)
			if (!t->on[g->edge[e]])   /* a finished component's final set */
				for (uint32_t i = 0; i < 2 * w; i++) acc[i] |= bits[(size_t)g->edge[e] * 2 * w + i];
	}
	for (uint32_t j = k; j < t->sp; j++) {
		for (uint32_t i = 0; i < 2 * w; i++) bits[(size_t)t->stk[j] * 2 * w + i] = acc[i];
		t->on[t->stk[j]] = 0;
	}
	t->sp = k;
}

static int close_over_calls(const struct svm_module *m, uint64_t *bits, uint32_t w)
{
	struct svm_calls g = { 0 };
	struct tarjan t = { 0 };
	size_t n = (size_t)m->nfuncs + 1;
	uint64_t *acc = svm_host_zalloc(sizeof(uint64_t) * 2 * w);
	int rc = -1;
	t.index = svm_host_zalloc(4 * n); t.low = svm_host_zalloc(4 * n); t.stk = svm_host_zalloc(4 * n);
	t.dfs = svm_host_zalloc(4 * n); t.pos = svm_host_zalloc(4 * n); t.on = svm_host_zalloc(n);
	if (!acc || !t.index || !t.low || !t.stk || !t.dfs || !t.pos || !t.on || svm_call_graph(m, &g))
		goto out;
	for (uint32_t root = 0; root < m->nfuncs; root++) {
		if (t.index[root]) continue;
		visit(&t, &g, root);
		while (t.dp) {
			uint32_t v = t.dfs[t.dp - 1];
			if (t.pos[v] < g.start[v + 1]) {
				uint32_t c = g.edge[t.pos[v]++];
				if (!t.index[c]) visit(&t, &g, c);
				else if (t.on[c] && t.index[c] < t.low[v]) t.low[v] = t.index[c];
				continue;
			}
			t.dp--;
			if (t.dp && t.low[v] < t.low[t.dfs[t.dp - 1]]) t.low[t.dfs[t.dp - 1]] = t.low[v];
			if (t.low[v] == t.index[v]) finish(&t, &g, bits, w, acc, v);
		}
	}
	rc = 0;
out:
	svm_host_free(acc); svm_host_free(g.start); svm_host_free(g.edge);
	svm_host_free(t.index); svm_host_free(t.low); svm_host_free(t.stk);
	svm_host_free(t.dfs); svm_host_free(t.pos); svm_host_free(t.on);
	return rc;
}

/* each function's sorted lock list: SVM_LOCK(global, write) in ascending global index */
static int lock_lists(struct svm_module *m, const uint64_t *bits, uint32_t w)
{
	for (uint32_t fi = 0; fi < m->nfuncs; fi++) {
		struct svm_func *f = &m->funcs[fi];
		const uint64_t *rd = bits + (size_t)fi * 2 * w, *wr = rd + w;
		uint32_t n = 0;
		for (uint32_t g = 0; g < m->nglobals; g++) n += BIT(rd, g) | BIT(wr, g);
		f->nlocks = 0;
		if (!n) continue;
		if (!(f->locks = svm_host_zalloc(sizeof(uint32_t) * n))) return -1;
		for (uint32_t g = 0; g < m->nglobals; g++)
			if (BIT(rd, g) | BIT(wr, g)) f->locks[f->nlocks++] = SVM_LOCK(g, BIT(wr, g));
	}
	return 0;
}

/* after every function passed the kinds check: operands are in range, CALL targets exist */
int svm_verify_locks(struct svm_module *m, char *err, size_t errlen)
{
	uint32_t w = (m->nglobals + 63) / 64;
	uint64_t *bits;
	int rc;
	if (!w) return 0;
	if (!(bits = svm_host_zalloc(sizeof(uint64_t) * 2 * w * ((size_t)m->nfuncs + 1)))) {
		svm_errf(err, errlen, "out of memory computing the lock sets");
		return -1;
	}
	own_sets(m, bits, w);
	rc = close_over_calls(m, bits, w) || lock_lists(m, bits, w) ? -1 : 0;
	svm_host_free(bits);
	if (rc) svm_errf(err, errlen, "out of memory computing the lock sets");
	return rc;
}
