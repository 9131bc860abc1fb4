/* verify_iters.c: foreach storage, laid out once per module: each iterator slot's place in its frame's part, and what an execution context holds. */
#include "module.h"
#include "text.h"

/* A foreach snapshot takes one entry (a u32 entry index and a u64 sequence number) per live key of
 * its array, at most the array's capacity: slot k of function f gets that many entries at
 * iteroff[k] of f's part, iterents in all. The parts of a chain of frames lie one after the other
 * (a frame's starts where its caller's ends), so an execution context needs the largest sum of
 * iterents along a chain of at most SVM_FRAMES frames. From the deepest frame up:
 *   need(f, SVM_FRAMES - 1) = iterents(f),  need(f, d) = iterents(f) + max over callees g of need(g, d + 1),
 * and the context holds the max of need(f, 0) over every f (any function may be a chain's first).
 * Without recursion need stops changing after the longest call chain; with it, after SVM_FRAMES. */
static uint64_t deepest_chain(const struct svm_module *m, const struct svm_calls *g, uint64_t *need, uint64_t *up)
{
	uint64_t most = 0;
	int changed = 1;
	for (uint32_t f = 0; f < m->nfuncs; f++) need[f] = m->funcs[f].iterents;
	for (uint32_t d = SVM_FRAMES(m->limits.maxnesting) - 1; d > 0 && changed; d--) {
		uint64_t *t;
		changed = 0;
		for (uint32_t f = 0; f < m->nfuncs; f++) {
			uint64_t callee = 0;
			for (uint32_t e = g->start[f]; e < g->start[f + 1]; e++)
				if (need[g->edge[e]] > callee) callee = need[g->edge[e]];
			up[f] = m->funcs[f].iterents + callee;
			changed |= up[f] != need[f];
		}
		t = need; need = up; up = t;
	}
	for (uint32_t f = 0; f < m->nfuncs; f++)
		if (need[f] > most) most = need[f];
	return most;
}

/* after every function passed the kinds check: iterator slots are bound, CALL targets exist */
int svm_verify_iters(struct svm_module *m, char *err, size_t errlen)
{
	struct svm_calls g = { 0 };
	uint64_t *need = 0, *up = 0, any = 0;
	int rc = -1;
	m->iterstack = 0;
	for (uint32_t fi = 0; fi < m->nfuncs; fi++) {
		struct svm_func *f = &m->funcs[fi];
		uint32_t off = 0;
		if (!f->niters) continue;
		if (!(f->iteroff = svm_host_zalloc(sizeof(uint32_t) * f->niters))) goto out;
		for (uint32_t k = 0; k < f->niters; k++) {
			f->iteroff[k] = off;   /* at most 256 slots of MAXMAPENTRIES (2^20): no overflow */
			if (f->iterglobal[k] != 0xffff) off += m->globals[f->iterglobal[k]].size;
		}
		f->iterents = off;
		any |= off;
	}
	if (!any) return 0;   /* no foreach: nothing to hold */
	need = svm_host_zalloc(sizeof(uint64_t) * m->nfuncs);
	up = svm_host_zalloc(sizeof(uint64_t) * m->nfuncs);
	if (!need || !up || svm_call_graph(m, &g)) goto out;
	m->iterstack = deepest_chain(m, &g, need, up);
	rc = 0;
out:
	svm_host_free(need); svm_host_free(up); svm_host_free(g.start); svm_host_free(g.edge);
	if (rc) svm_errf(err, errlen, "out of memory laying out the foreach storage");
	return rc;
}
