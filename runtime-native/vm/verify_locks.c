/* verify_locks.c: the globals each function reads and writes, closed over calls; the locks a handler takes. */
#include "module.h"
#include "text.h"

/* Statistics are not per CPU yet: a `<<<` updates the one shared aggregate in place, so two
 * handlers adding under read locks would race. Until per-CPU statistics exist SADD/AADD take the
 * write lock; set this to 0 (read) when they become per-CPU and merged on read. The one switch. */
#define STAT_ADD_WRITES 1

/* the global an instruction touches (-1: none) and whether it writes it */
static int64_t touched(const svm_insn *in, int *write)
{
	*write = 0;
	if (svm_opinfo[in->op].kind[3] != K_GLB)
		return -1;   /* ITNEXT/ITEND reach their global through an ITINIT of the same function */
	switch (in->op) {
	case OP_GSET: case OP_GSETS: case OP_ASET: case OP_ASETS: case OP_ADEL: case OP_ACLEAR:
		*write = 1;
		break;
	case OP_SADD: case OP_AADD:
		*write = STAT_ADD_WRITES;
		break;
	default:     /* GGET*, AGET*, AEXISTS, ITINIT, SAGG, AAGG, SHIST, HPRINT, AHPRINT */
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
			int64_t g = touched(&m->funcs[fi].code[pc], &write);
			if (g < 0) continue;
			(write ? wr : rd)[g / 64] |= 1ull << (g % 64);
		}
	}
}

/* closes the sets over CALL/CALLS: repeat until nothing changes (cycles and recursion end there,
 * each pass adds at least one bit or stops, so at most 2 * nglobals * nfuncs passes) */
static void close_over_calls(struct svm_module *m, uint64_t *bits, uint32_t w)
{
	int changed = 1;
	while (changed) {
		changed = 0;
		for (uint32_t fi = 0; fi < m->nfuncs; fi++) {
			uint64_t *f = bits + (size_t)fi * 2 * w;
			for (uint32_t pc = 0; pc < m->funcs[fi].ncode; pc++) {
				const svm_insn *in = &m->funcs[fi].code[pc];
				const uint64_t *t;
				if (svm_opinfo[in->op].vclass != V_CALL || (uint32_t)in->x == fi) continue;
				t = bits + (size_t)in->x * 2 * w;
				for (uint32_t k = 0; k < 2 * w; k++)
					if (t[k] & ~f[k]) { f[k] |= t[k]; changed = 1; }
			}
		}
	}
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
	close_over_calls(m, bits, w);
	rc = lock_lists(m, bits, w);
	svm_host_free(bits);
	if (rc) svm_errf(err, errlen, "out of memory computing the lock sets");
	return rc;
}
