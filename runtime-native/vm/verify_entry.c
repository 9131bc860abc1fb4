/* verify_entry.c: checks the entry section (a .return probe's entry program and @entry data size) and where the @entry data ops may appear. */
#include "module.h"
#include "text.h"

#define REJECT(...) do { svm_errf(err, errlen, __VA_ARGS__); return -1; } while (0)

/* what a function is to the probes: ELD/ELDS need ROLE_READER only, EST/ESTS ROLE_WRITER only */
enum { ROLE_READER = 1, ROLE_WRITER = 2, ROLE_OTHER = 4 };

/* 1. records: each names an existing probe once, an entry function of handler shape, a bounded size */
static int check_records(struct svm_module *m, char *err, size_t errlen)
{
	for (uint32_t i = 0; i < m->nprobes; i++) m->probe_entry[i] = -1;
	for (uint32_t i = 0; i < m->nentry; i++) {
		const struct svm_entry *e = &m->entry[i];
		const struct svm_func *f;
		if (e->probe >= m->nprobes)
			REJECT("entry %u: probe %u out of range [0,%u)", i, e->probe, m->nprobes);
		if (m->probe_entry[e->probe] >= 0)
			REJECT("entry %u: probe %u already has an entry program", i, e->probe);
		if (e->func >= m->nfuncs)
			REJECT("entry %u: entry function %u out of range [0,%u)", i, e->func, m->nfuncs);
		f = &m->funcs[e->func];
		if (f->nai || f->nas || f->ret != R_VOID)
			REJECT("entry %u: entry function %u must take no arguments and return nothing", i, e->func);
		if (e->size < 1 || e->size > SVM_MAX_ENTRY_DATA)
			REJECT("entry %u: data size %u out of range [1,%u]", i, e->size, SVM_MAX_ENTRY_DATA);
		m->probe_entry[e->probe] = (int32_t)i;
	}
	return 0;
}

/* the roles of function fi and the smallest @entry data it can be run with (0: none) */
static unsigned roles(const struct svm_module *m, uint32_t fi, uint32_t *minsize)
{
	unsigned r = 0;
	*minsize = SVM_MAX_ENTRY_DATA;
	for (uint32_t i = 0; i < m->nprobes; i++) {
		int32_t e = m->probe_entry[i];
		if (m->probes[i].func != fi) continue;
		r |= e >= 0 ? ROLE_READER : ROLE_OTHER;
		if (e >= 0 && m->entry[e].size < *minsize) *minsize = m->entry[e].size;
	}
	for (uint32_t i = 0; i < m->nentry; i++) {
		if (m->entry[i].func != fi) continue;
		r |= ROLE_WRITER;
		if (m->entry[i].size < *minsize) *minsize = m->entry[i].size;
	}
	for (uint32_t f = 0; f < m->nfuncs; f++)
		for (uint32_t pc = 0; pc < m->funcs[f].ncode; pc++) {
			const svm_insn *in = &m->funcs[f].code[pc];
			if (svm_opinfo[in->op].vclass == V_CALL && (uint32_t)in->x == fi) r |= ROLE_OTHER;
		}
	return r;
}

/* 2. ops: loads only in return handlers of probes with an entry program, stores only in entry
 * programs (never also called or used as a handler), every slot inside the smallest data size */
static int check_ops(struct svm_module *m, uint32_t fi, char *err, size_t errlen)
{
	const struct svm_func *f = &m->funcs[fi];
	unsigned r = 0;
	uint32_t minsize = 0;
	int known = 0;
	for (uint32_t pc = 0; pc < f->ncode; pc++) {
		const svm_insn *in = &f->code[pc];
		const char *name = svm_opinfo[in->op].name;
		int store = in->op == OP_EST || in->op == OP_ESTS;
		int64_t width = in->op == OP_ELDS || in->op == OP_ESTS ? m->limits.maxstringlen : 8;
		if (svm_opinfo[in->op].vclass != V_ENTRY) continue;
		if (!known) { r = roles(m, fi, &minsize); known = 1; }
		if (store && r != ROLE_WRITER)
			REJECT("function %u insn %u: %s outside an entry program", fi, pc, name);
		if (!store && r != ROLE_READER)
			REJECT("function %u insn %u: %s outside the handler of a probe with an entry program", fi, pc, name);
		if (in->x < 0 || (int64_t)in->x + width > minsize)
			REJECT("function %u insn %u: %s of bytes [%d,%lld) outside the @entry data (%u bytes)", fi, pc, name,
			       in->x, (long long)in->x + width, minsize);
	}
	return 0;
}

int svm_verify_entry(struct svm_module *m, char *err, size_t errlen)
{
	if (!(m->probe_entry = svm_host_zalloc(sizeof(int32_t) * ((size_t)m->nprobes + 1))))
		REJECT("entry: out of memory");
	if (check_records(m, err, errlen))
		return -1;
	for (uint32_t fi = 0; fi < m->nfuncs; fi++)
		if (check_ops(m, fi, err, errlen))
			return -1;
	return 0;
}
