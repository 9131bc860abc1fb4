/* module_load.c: decodes module file bytes into struct svm_module, checking every length and bound. */
#include "module.h"
#include "text.h"

struct rd { const uint8_t *p; size_t n, off; int bad; };

static int need(struct rd *r, size_t k) { if (r->bad || r->n - r->off < k) { r->bad = 1; return 0; } return 1; }
static uint8_t rd_u8(struct rd *r) { return need(r, 1) ? r->p[r->off++] : 0; }
static uint32_t rd_u16(struct rd *r) { uint32_t v = rd_u8(r); return v | (uint32_t)rd_u8(r) << 8; }
static uint32_t rd_u32(struct rd *r) { uint32_t v = rd_u16(r); return v | rd_u16(r) << 16; }
static uint64_t rd_u64(struct rd *r) { uint64_t v = rd_u32(r); return v | (uint64_t)rd_u32(r) << 32; }

static const char *const secname[S_MAX] = {
#define SECTION(name, id, text) [id] = text,
#include "format.def"
};

/* allocates count records of size sz after checking that count*minbytes fits in what is left */
static void *alloc_n(struct rd *r, uint32_t count, size_t sz, size_t minbytes)
{
	if (r->bad || (uint64_t)count * minbytes > r->n - r->off) { r->bad = 1; return 0; }
	return svm_host_zalloc((size_t)count * sz + 1);
}

#define FAIL(...) do { svm_errf(err, errlen, __VA_ARGS__); return -1; } while (0)

/* regex section: count, then per DFA: u32 classes, u32 states, u8 class width (1|2), u8 next width (2|4),
 * u16 0, byteClass[256], next[states*classes], flags[states] */
static int dec_regex(struct rd *r, struct svm_module *m, char *err, size_t errlen)
{
	m->nregex = rd_u32(r);
	if (!(m->regex = alloc_n(r, m->nregex, sizeof *m->regex, 12 + 256)))
		FAIL("regex: count %u exceeds section length", m->nregex);
	for (uint32_t i = 0; i < m->nregex; i++) {
		struct svm_regex *x = &m->regex[i];
		unsigned cw, nw, pad;
		uint64_t cells;
		x->nclass = rd_u32(r); x->nstate = rd_u32(r); cw = rd_u8(r); nw = rd_u8(r); pad = rd_u16(r);
		if (r->bad) return 0;
		if ((cw != 1 && cw != 2) || (nw != 2 && nw != 4) || pad)
			FAIL("regex %u: bad table widths %u/%u", i, cw, nw);
		if (x->nclass == 0 || x->nstate == 0)
			FAIL("regex %u: %u classes and %u states", i, x->nclass, x->nstate);
		for (int c = 0; c < 256; c++) x->byteclass[c] = (uint16_t)(cw == 1 ? rd_u8(r) : rd_u16(r));
		cells = (uint64_t)x->nclass * x->nstate;
		if (r->bad || cells * nw + x->nstate > r->n - r->off)
			FAIL("regex %u: %u states x %u classes exceed section length", i, x->nstate, x->nclass);
		x->next = svm_host_zalloc((size_t)cells * 4 + 4);
		x->flags = svm_host_zalloc((size_t)x->nstate + 1);
		if (!x->next || !x->flags) FAIL("regex %u: out of memory", i);
		for (uint64_t k = 0; k < cells; k++) x->next[k] = nw == 2 ? rd_u16(r) : rd_u32(r);
		for (uint32_t k = 0; k < x->nstate; k++) x->flags[k] = rd_u8(r);
	}
	return 0;
}

/* regex groups section: count, then per regex: u32 slots, u32 insns, u32 sets, sets[32 bytes each],
 * insns[u8 op, u8 slot, u16 set, u16 n1, u16 n2] (the verifier checks the fields) */
static int dec_rxgroups(struct rd *r, struct svm_module *m, char *err, size_t errlen)
{
	m->nrxprog = rd_u32(r);
	if (!(m->rxprog = alloc_n(r, m->nrxprog, sizeof *m->rxprog, 12)))
		FAIL("regex groups: count %u exceeds section length", m->nrxprog);
	for (uint32_t i = 0; i < m->nrxprog; i++) {
		struct svm_rxprog *p = &m->rxprog[i];
		p->nslots = rd_u32(r); p->ninsn = rd_u32(r); p->nsets = rd_u32(r);
		if (r->bad) return 0;
		if (p->ninsn > SVM_RX_MAXINSN || p->nsets > p->ninsn)
			FAIL("regex groups %u: %u instructions and %u sets (at most %u)", i, p->ninsn, p->nsets, SVM_RX_MAXINSN);
		if ((uint64_t)p->nsets * 32 + (uint64_t)p->ninsn * 8 > r->n - r->off)
			FAIL("regex groups %u: %u instructions exceed section length", i, p->ninsn);
		p->sets = svm_host_zalloc((size_t)p->nsets * 32 + 1);
		p->code = svm_host_zalloc((size_t)p->ninsn * sizeof *p->code + 1);
		if (!p->sets || !p->code) FAIL("regex groups %u: out of memory", i);
		for (uint32_t k = 0; k < p->nsets * 32; k++) p->sets[k] = rd_u8(r);
		for (uint32_t k = 0; k < p->ninsn; k++) {
			struct svm_rxinsn *in = &p->code[k];
			in->op = rd_u8(r); in->slot = rd_u8(r); in->set = rd_u16(r); in->n1 = rd_u16(r); in->n2 = rd_u16(r);
		}
	}
	return 0;
}

static int dec_strings(struct rd *r, struct svm_module *m, char *err, size_t errlen)
{
	size_t total = 0, save;
	m->nstrings = rd_u32(r);
	if (!(m->strlen = alloc_n(r, m->nstrings, 4, 4)) || !(m->strings = svm_host_zalloc((size_t)m->nstrings * sizeof(char *) + 1)))
		FAIL("strings: count %u exceeds section length", m->nstrings);
	save = r->off;
	for (uint32_t i = 0; i < m->nstrings; i++) {
		m->strlen[i] = rd_u32(r);
		if (!need(r, m->strlen[i]))
			FAIL("strings: string %u length %u exceeds section length", i, m->strlen[i]);
		r->off += m->strlen[i];
		total += m->strlen[i] + 1;
	}
	if (!(m->strpool = svm_host_zalloc(total + 1)))
		FAIL("strings: out of memory");
	r->off = save;
	total = 0;
	for (uint32_t i = 0; i < m->nstrings; i++) {
		r->off += 4;
		m->strings[i] = m->strpool + total;
		svm_host_memcpy(m->strings[i], r->p + r->off, m->strlen[i]);
		r->off += m->strlen[i];
		total += m->strlen[i] + 1;
	}
	return 0;
}

static int dec_consts(struct rd *r, struct svm_module *m, char *err, size_t errlen)
{
	m->nconsts = rd_u32(r);
	if (!(m->consts = alloc_n(r, m->nconsts, 8, 8)))
		FAIL("constants: count %u exceeds section length", m->nconsts);
	for (uint32_t i = 0; i < m->nconsts; i++)
		m->consts[i] = (int64_t)rd_u64(r);
	return 0;
}

static int dec_globals(struct rd *r, struct svm_module *m, char *err, size_t errlen)
{
	m->nglobals = rd_u32(r);
	if (!(m->globals = alloc_n(r, m->nglobals, sizeof(struct svm_global), SVM_REC_GLOBAL)))
		FAIL("globals: count %u exceeds section length", m->nglobals);
	for (uint32_t i = 0; i < m->nglobals; i++) {
		struct svm_global *g = &m->globals[i];
		g->vtype = rd_u8(r); g->nkeys = rd_u8(r); g->flags = rd_u8(r); g->histkind = rd_u8(r);
		g->size = rd_u32(r); g->name = rd_u32(r);
		for (int k = 0; k < SVM_MAXKEYS; k++) g->keytype[k] = rd_u8(r);
		rd_u8(r); rd_u8(r); rd_u8(r);
		g->hlo = (int32_t)rd_u32(r); g->hhi = (int32_t)rd_u32(r); g->hstep = (int32_t)rd_u32(r);
	}
	return 0;
}

static int dec_funcs(struct rd *r, struct svm_module *m, char *err, size_t errlen)
{
	m->nfuncs = rd_u32(r);
	if (!(m->funcs = alloc_n(r, m->nfuncs, sizeof(struct svm_func), SVM_REC_FUNC_HEADER)))
		FAIL("functions: count %u exceeds section length", m->nfuncs);
	for (uint32_t i = 0; i < m->nfuncs; i++) {
		struct svm_func *f = &m->funcs[i];
		f->name = rd_u32(r);
		f->nint = rd_u8(r); f->nstr = rd_u8(r); f->nai = rd_u8(r); f->nas = rd_u8(r);
		f->ret = rd_u8(r); f->niters = rd_u8(r); rd_u16(r);
		f->ncode = rd_u32(r);
		if (r->bad || (uint64_t)f->ncode * 8 > r->n - r->off)
			FAIL("function %u: code length %u exceeds section length", i, f->ncode);
		if (!(f->code = svm_host_zalloc(((size_t)f->ncode + 1) * sizeof *f->code)) || !(f->iterglobal = svm_host_zalloc(256 * 2)))
			FAIL("function %u: out of memory", i);
		for (uint32_t k = 0; k < f->ncode; k++) {
			uint64_t w = rd_u64(r);
			f->code[k] = (svm_insn){ SVM_OP(w), SVM_A(w), SVM_B(w), SVM_C(w), SVM_X(w) };
		}
	}
	return 0;
}

/* probes section: count, then per probe SVM_REC_PROBE: u16 kind, u16 flags, u32 handler, u32 pp string,
 * u32 symbol, module and path strings (SVM_NOSTR: none), u64 address, period, jitter, semaphore */
static int dec_probes(struct rd *r, struct svm_module *m, char *err, size_t errlen)
{
	m->nprobes = rd_u32(r);
	if (!(m->probes = alloc_n(r, m->nprobes, sizeof(struct svm_probe), SVM_REC_PROBE)))
		FAIL("probes: count %u exceeds section length", m->nprobes);
	for (uint32_t i = 0; i < m->nprobes; i++) {
		struct svm_probe *p = &m->probes[i];
		p->kind = (uint16_t)rd_u16(r); p->flags = (uint16_t)rd_u16(r);
		p->func = rd_u32(r); p->pp = rd_u32(r);
		p->sym = rd_u32(r); p->mod = rd_u32(r); p->path = rd_u32(r);
		p->addr = rd_u64(r); p->period = rd_u64(r); p->jitter = rd_u64(r); p->sem = rd_u64(r);
	}
	return 0;
}

static int dec_entry(struct rd *r, struct svm_module *m, char *err, size_t errlen)
{
	m->nentry = rd_u32(r);
	if (!(m->entry = alloc_n(r, m->nentry, sizeof(struct svm_entry), SVM_REC_ENTRY)))
		FAIL("entry: count %u exceeds section length", m->nentry);
	for (uint32_t i = 0; i < m->nentry; i++) {
		m->entry[i].probe = rd_u32(r); m->entry[i].func = rd_u32(r); m->entry[i].size = rd_u32(r);
	}
	return 0;
}

/* pn() of each probe: the script-level point (a matched alias's name), where pp() is the point it ends at */
static int dec_probenames(struct rd *r, struct svm_module *m, char *err, size_t errlen)
{
	m->npn = rd_u32(r);
	if (!(m->pn = alloc_n(r, m->npn, sizeof(uint32_t), 4)))
		FAIL("probe names: count %u exceeds section length", m->npn);
	for (uint32_t i = 0; i < m->npn; i++)
		m->pn[i] = rd_u32(r);
	return 0;
}

static int dec_timing(struct rd *r, struct svm_module *m, char *err, size_t errlen)
{
	m->ntiming = rd_u32(r);
	if (!(m->timing = alloc_n(r, m->ntiming, sizeof *m->timing, SVM_REC_TIMING)))
		FAIL("timing: count %u exceeds section length", m->ntiming);
	for (uint32_t i = 0; i < m->ntiming; i++) {
		m->timing[i].location = rd_u32(r);
		m->timing[i].derivation = rd_u32(r);
	}
	return 0;
}

static int dec_limits(struct rd *r, struct svm_module *m, char *err, size_t errlen)
{
	struct svm_limits *l = &m->limits;
	(void)err; (void)errlen;
#define LIMIT(field, name, bits, def, lo, hi, doc) l->field = rd_u##bits(r);
#include "format.def"
	return 0;
}

static int dec_srcmap(struct rd *r, struct svm_module *m, char *err, size_t errlen)
{
	m->nsrc = rd_u32(r);
	if (!(m->srcmap = alloc_n(r, m->nsrc, sizeof(struct svm_srcloc), SVM_REC_SRCLOC)))
		FAIL("source map: count %u exceeds section length", m->nsrc);
	for (uint32_t i = 0; i < m->nsrc; i++) {
		m->srcmap[i].func = rd_u32(r); m->srcmap[i].pc = rd_u32(r); m->srcmap[i].str = rd_u32(r);
	}
	return 0;
}

int svm_module_decode(const uint8_t *bytes, size_t n, struct svm_module *m, char *err, size_t errlen)
{
	struct rd hr = { bytes, n, 0, 0 };
	uint32_t version, nsec, seen = 0;
	static const struct svm_limits defaults = {
#define LIMIT(field, name, bits, def, lo, hi, doc) .field = def,
#include "format.def"
	};

	svm_host_memcpy(m, &(struct svm_module){ 0 }, sizeof *m);
	m->limits = defaults;
	if (n < 12 || svm_host_memcmp(bytes, SVM_MAGIC, 4) != 0)
		FAIL("bad magic: not a stapvm module");
	hr.off = 4;
	version = rd_u16(&hr);
	if (version != SVM_VERSION)
		FAIL("unsupported module version %u (expected %u)", version, SVM_VERSION);
	rd_u16(&hr);
	nsec = rd_u32(&hr);
	if (nsec > S_MAX - 1)
		FAIL("header: %u sections (at most %u)", nsec, S_MAX - 1);
	for (uint32_t s = 0; s < nsec; s++) {
		size_t at = hr.off;
		uint32_t id = rd_u32(&hr), len = rd_u32(&hr);
		struct rd r;
		int rc = 0;
		if (hr.bad)
			FAIL("section %u: header truncated at byte %u", s, (unsigned)at);
		if (len > hr.n - hr.off)
			FAIL("section %u: length %u exceeds file (%u bytes left)", s, len, (unsigned)(hr.n - hr.off));
		if (id == 0 || id >= S_MAX)
			FAIL("section %u: unknown section id %u", s, id);
		if (seen & 1u << id)
			FAIL("section %u: duplicate %s section", s, secname[id]);
		seen |= 1u << id;
		r = (struct rd){ bytes + hr.off, len, 0, 0 };
		switch (id) {
		case S_STRINGS: rc = dec_strings(&r, m, err, errlen); break;
		case S_CONSTS: rc = dec_consts(&r, m, err, errlen); break;
		case S_GLOBALS: rc = dec_globals(&r, m, err, errlen); break;
		case S_FUNCS: rc = dec_funcs(&r, m, err, errlen); break;
		case S_PROBES: rc = dec_probes(&r, m, err, errlen); break;
		case S_LIMITS: rc = dec_limits(&r, m, err, errlen); break;
		case S_SRCMAP: rc = dec_srcmap(&r, m, err, errlen); break;
		case S_SIGNATURE: m->siglen = len; r.off = len; break;
		case S_REGEX: rc = dec_regex(&r, m, err, errlen); break;
		case S_ENTRY: rc = dec_entry(&r, m, err, errlen); break;
		case S_RXGROUPS: rc = dec_rxgroups(&r, m, err, errlen); break;
		case S_UNWIND: rc = svm_unwind_decode(r.p, len, m, err, errlen); r.off = len; break;
		/* text for the native loader only (it arms the JVM's agent): the VM keeps where it is */
		case S_JAVA: m->java_off = (uint32_t)hr.off; m->java_len = len; r.off = len; break;
		case S_PROBENAMES: rc = dec_probenames(&r, m, err, errlen); break;
		case S_TIMING: rc = dec_timing(&r, m, err, errlen); break;
		}
		if (rc)
			return -1;
		if (r.bad)
			FAIL("%s section: truncated (length %u)", secname[id], len);
		if (r.off != len)
			FAIL("%s section: %u trailing bytes", secname[id], (unsigned)(len - r.off));
		hr.off += len;
	}
	if (hr.off != n)
		FAIL("%u trailing bytes after the last section", (unsigned)(n - hr.off));
	if (!(seen & 1u << S_FUNCS))
		FAIL("missing functions section");
	return 0;
}

void svm_module_release(struct svm_module *m)
{
	if (m->funcs)
		for (uint32_t i = 0; i < m->nfuncs; i++) {
			svm_host_free(m->funcs[i].code);
			svm_host_free(m->funcs[i].iterglobal);
			svm_host_free(m->funcs[i].iteroff);
			svm_host_free(m->funcs[i].locks);
		}
	svm_host_free(m->funcs); svm_host_free(m->strlen); svm_host_free(m->strings);
	svm_host_free(m->strpool); svm_host_free(m->consts); svm_host_free(m->globals);
	svm_host_free(m->probes); svm_host_free(m->srcmap);
	if (m->regex)
		for (uint32_t i = 0; i < m->nregex; i++) { svm_host_free(m->regex[i].next); svm_host_free(m->regex[i].flags); }
	svm_host_free(m->regex);
	if (m->rxprog)
		for (uint32_t i = 0; i < m->nrxprog; i++) { svm_host_free(m->rxprog[i].sets); svm_host_free(m->rxprog[i].code); }
	svm_host_free(m->rxprog);
	svm_host_free(m->entry); svm_host_free(m->probe_entry); svm_host_free(m->pn); svm_host_free(m->timing);
	svm_unwind_release(m);
	svm_host_memcpy(m, &(struct svm_module){ 0 }, sizeof *m);
}

const char *svm_module_where(const struct svm_module *m, uint32_t func, uint32_t pc)
{
	for (uint32_t i = 0; i < m->nsrc; i++)
		if (m->srcmap[i].func == func && m->srcmap[i].pc == pc)
			return m->strings[m->srcmap[i].str];
	return 0;
}
