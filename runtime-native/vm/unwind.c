/* unwind.c: the unwind section (decoded and checked here: paths, row order, rules) and the user-stack
 * walk over its rows, the same in stapvm.ko and in the userspace runtime. */
#include "module.h"
#include "host.h"
#include "context.h"
#include "text.h"
#include "unwind.h"

#define FAIL(...) do { svm_errf(err, errlen, __VA_ARGS__); return -1; } while (0)

static uint32_t le32(const uint8_t *p) { return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }

int svm_unwind_decode(const uint8_t *p, size_t n, struct svm_module *m, char *err, size_t errlen)
{
	size_t at = 4;
	uint32_t nf = n >= 4 ? le32(p) : 0;
	if (nf == 0 || nf > SVM_UNWIND_MAX_FILES)
		FAIL("unwind section: %u files (1 to %u)", nf, SVM_UNWIND_MAX_FILES);
	if (!(m->unwind = svm_host_zalloc(nf * sizeof *m->unwind)))
		FAIL("unwind section: out of memory");
	m->nunwind = nf;
	for (uint32_t i = 0; i < nf; i++) {
		struct svm_unwind_file *f = &m->unwind[i];
		uint32_t len, nrows;
		if (n - at < 4 || (len = le32(p + at)) == 0 || len >= 4096 || len > n - at - 4)
			FAIL("unwind section: file %u: bad path length", i);
		at += 4;
		if (!(f->path = svm_host_zalloc(len + 1)))
			FAIL("unwind section: out of memory");
		svm_host_memcpy(f->path, p + at, len);
		for (uint32_t k = 0; k < len; k++)
			if (!f->path[k]) FAIL("unwind section: file %u: NUL in its path", i);
		at += len;
		if (n - at < 4 || (nrows = le32(p + at)) > SVM_UNWIND_MAX_ROWS || (uint64_t)nrows * SVM_UNWIND_ROW_SIZE > n - at - 4)
			FAIL("unwind section: file %u: bad row count", i);
		at += 4;
		if (nrows && !(f->rows = svm_host_zalloc((size_t)nrows * sizeof *f->rows)))
			FAIL("unwind section: out of memory");
		f->nrows = nrows;
		for (uint32_t k = 0; k < nrows; k++, at += SVM_UNWIND_ROW_SIZE) {
			struct svm_unwind_row *r = &f->rows[k];
			r->off = le32(p + at);
			r->cfa_off = (int32_t)le32(p + at + 4);
			r->bp_off = (int16_t)(p[at + 8] | p[at + 9] << 8);
			r->rule = p[at + 10];
			r->zero = p[at + 11];
			if (r->rule > SVM_CFA_MAX || r->zero)
				FAIL("unwind section: file %u row %u: unknown rule", i, k);
			if (k && r->off <= f->rows[k - 1].off)
				FAIL("unwind section: file %u row %u: offsets out of order", i, k);
		}
	}
	if (at != n)
		FAIL("unwind section: %u trailing bytes", (unsigned)(n - at));
	return 0;
}

void svm_unwind_release(struct svm_module *m)
{
	for (uint32_t i = 0; m->unwind && i < m->nunwind; i++) {
		svm_host_free(m->unwind[i].path);
		svm_host_free(m->unwind[i].rows);
	}
	svm_host_free(m->unwind);
}

static int same(const char *a, const char *b)
{
	while (*a && *a == *b) a++, b++;
	return *a == *b;
}

/* the row covering file offset off of path, or NULL (no table for the file, or no rule there) */
static const struct svm_unwind_row *row_at(const struct svm_module *m, const char *path, uint64_t off)
{
	for (uint32_t i = 0; i < m->nunwind; i++) {
		const struct svm_unwind_file *f = &m->unwind[i];
		uint32_t lo = 0, hi = f->nrows;
		if (!same(f->path, path)) continue;
		while (lo < hi) {      /* the last row at or below off */
			uint32_t mid = lo + (hi - lo) / 2;
			if (f->rows[mid].off <= off) lo = mid + 1; else hi = mid;
		}
		return lo && f->rows[lo - 1].rule != SVM_CFA_NONE ? &f->rows[lo - 1] : NULL;
	}
	return NULL;
}

int svm_unwind_user(const struct svm_module *m, const struct svm_ctx *c, const struct svm_ctx *u,
		    char *path, size_t pathlen, uint64_t *pcs, int max)
{
	uint64_t ip, sp, bp, start, end, off;
	int n = 0;
	if (svm_host_register(u, "ip", &ip) || svm_host_register(u, "sp", &sp) || svm_host_register(u, "rbp", &bp))
		return 0;
	pcs[n++] = ip;
	while (n < max) {
		const struct svm_unwind_row *r;
		uint64_t cfa, ra, saved;
		/* a caller's pc is a return address: the call before it is what its row describes */
		if (svm_host_umap(c, n == 1 ? ip : ip - 1, path, pathlen, &start, &end, &off)) {
			if (n == 1) return -1;   /* no mappings here (stapvm.ko's kprobes), or the pc is in none */
			break;
		}
		if (!(r = row_at(m, path, off)))
			break;
		if (r->rule == SVM_CFA_DEREF_BP) {
			if (svm_host_read(u, SVM_MEM_USER, bp + (int64_t)r->cfa_off, &cfa, 8)) break;
		} else {
			cfa = (r->rule == SVM_CFA_SP ? sp : bp) + (int64_t)r->cfa_off;
		}
		if (svm_host_read(u, SVM_MEM_USER, cfa - 8, &ra, 8) || !ra) break;
		if (r->bp_off) {
			if (svm_host_read(u, SVM_MEM_USER, cfa + r->bp_off, &saved, 8)) break;
			bp = saved;
		}
		if (cfa <= sp) break;     /* stacks grow down: a caller's frame lies above */
		sp = cfa;
		ip = ra;
		pcs[n++] = ra;
	}
	return n;
}
