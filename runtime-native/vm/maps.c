/* maps.c: fixed-capacity hash arrays with chained buckets, insertion-order eviction for %, sorted snapshots, stats. */
#include "maps.h"
#include "text.h"

/* seq numbers the insertion (an entry's identity for svm_map_alive); rank is the entry's place in
 * SystemTap's list order: insertion order until a sorted foreach sorts the array in place */
struct entry_hdr { uint32_t next, used; uint64_t seq, rank; };

struct svm_map {
	const struct svm_global *g;
	uint32_t cap, nbuckets, count, freelist, maxstr;
	size_t recsz, voff, soff;
	uint64_t seq, *seqp;          /* seqp: the counter numbering insertions (&seq, or one shared) */
	uint32_t *heads;
	uint8_t *recs;
};

#define NIL 0xffffffffu

size_t svm_stat_bytes(const struct svm_global *g)
{
	return sizeof(struct svm_stat) + (size_t)g->nbuckets * sizeof(int64_t);
}

static unsigned log_bucket(int64_t v)
{
	unsigned mid = SVM_LOG_BUCKETS, n = 0;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	while (u) { n++; u >>= 1; }
	return v < 0 ? mid - n : mid + n;
}

/* signed division that cannot trap: INT64_MIN / -1 wraps (divisors here are counts, never 0) */
static int64_t svm_div64(int64_t a, int64_t b)
{
	return b == -1 ? (int64_t)(0 - (uint64_t)a) : a / b;
}

void svm_stat_add(struct svm_stat *st, const struct svm_global *g, int64_t v)
{
	if (st->count == 0 || v < st->min) st->min = v;
	if (st->count == 0 || v > st->max) st->max = v;
	st->count++;
	st->sum = (int64_t)((uint64_t)st->sum + (uint64_t)v);
	if (st->count == 1) {
		st->avg_s = v;
	} else {
		/* SystemTap's integer Welford update, its 32-bit delta included (runtime/stat-common.c) */
		/* (wrapping arithmetic: the kernel's -fno-strict-overflow) */
		int32_t delta = (int32_t)(uint32_t)((uint64_t)v - (uint64_t)st->avg_s);
		st->avg_s = (int64_t)((uint64_t)st->avg_s + (uint64_t)(delta / st->count));
		st->m2 = (int64_t)((uint64_t)st->m2 + (uint64_t)(int64_t)delta * ((uint64_t)v - (uint64_t)st->avg_s));
		st->variance_s = svm_div64(st->m2, st->count - 1);
	}
	if (g->histkind == HIST_LINEAR) {
		/* as SystemTap: bucket k >= 1 holds [lo+(k-1)*step, lo+k*step); the last one everything above */
		uint32_t b;
		if (v < g->hlo) {
			b = 0;
		} else {
			uint64_t q = ((uint64_t)v - (uint64_t)(int64_t)g->hlo) / (uint64_t)g->hstep;
			b = q >= g->nbuckets - 2 ? g->nbuckets - 1 : 1 + (uint32_t)q;
		}
		st->bucket[b]++;
	} else if (g->histkind == HIST_LOG) {
		st->bucket[log_bucket(v)]++;
	}
}

void svm_stat_clear(struct svm_stat *st, const struct svm_global *g)
{
	uint8_t *p = (uint8_t *)st;
	for (size_t i = 0; i < svm_stat_bytes(g); i++) p[i] = 0;
}

void svm_stat_read(const struct svm_stat *st, int64_t *out)
{
	int64_t n = st ? st->count : 0;
	out[0] = n;
	out[1] = n ? st->sum : 0;
	out[2] = n ? st->min : 0;
	out[3] = n ? st->max : 0;
	out[4] = n ? st->sum / n : 0;
	out[5] = n > 1 ? st->variance_s : 0;
}

/* wrapping int64 arithmetic, as the kernel's -fno-strict-overflow gives SystemTap */
static int64_t mul64(int64_t a, int64_t b) { return (int64_t)((uint64_t)a * (uint64_t)b); }
static int64_t add64(int64_t a, int64_t b) { return (int64_t)((uint64_t)a + (uint64_t)b); }

void svm_stat_merge(struct svm_stat *agg, const struct svm_stat *const *parts, uint32_t n, const struct svm_global *g)
{
	int64_t s1 = 0, s2 = 0;
	svm_stat_clear(agg, g);
	for (uint32_t i = 0; i < n; i++) {
		const struct svm_stat *p = parts[i];
		if (!p || !p->count) continue;
		if (!agg->count || p->min < agg->min) agg->min = p->min;
		if (!agg->count || p->max > agg->max) agg->max = p->max;
		agg->count += p->count;
		agg->sum = add64(agg->sum, p->sum);
		for (uint32_t b = 0; b < g->nbuckets; b++) agg->bucket[b] += p->bucket[b];
	}
	if (!agg->count) return;
	agg->avg_s = svm_div64(agg->sum, agg->count);
	/* SystemTap's total variance over CPUs (runtime/stat.c, _stp_stat_get): the spread of the
	 * per-CPU running means plus the per-CPU variances; with one CPU it differs from the textbook
	 * value only through the integer running mean */
	for (uint32_t i = 0; i < n; i++) {
		const struct svm_stat *p = parts[i];
		int64_t d;
		if (!p || !p->count) continue;
		d = (int64_t)((uint64_t)p->avg_s - (uint64_t)agg->avg_s);
		s1 = add64(s1, mul64(mul64(p->count, d), d));
		s2 = add64(s2, mul64(p->count - 1, p->variance_s));
	}
	agg->variance_s = agg->count > 1 ? svm_div64(add64(s1, s2), agg->count - 1) : 0;
}

struct svm_map *svm_map_new(const struct svm_global *g, uint32_t maxstr)
{
	struct svm_map *mp = svm_host_zalloc(sizeof *mp);
	size_t vsz = g->vtype == T_INT ? 8 : g->vtype == T_STR ? maxstr : svm_stat_bytes(g);
	if (!mp) return 0;
	mp->g = g;
	mp->cap = g->size;
	mp->maxstr = maxstr;
	mp->seqp = &mp->seq;
	for (mp->nbuckets = 16; mp->nbuckets < mp->cap; mp->nbuckets <<= 1) {}
	mp->voff = sizeof(struct entry_hdr) + (size_t)g->nikeys * 8;
	mp->soff = mp->voff + ((vsz + 7) & ~(size_t)7);
	mp->recsz = mp->soff + (((size_t)g->nskeys * maxstr + 7) & ~(size_t)7);
	mp->heads = svm_host_zalloc((size_t)mp->nbuckets * 4);
	mp->recs = svm_host_zalloc((size_t)mp->cap * mp->recsz);
	if (!mp->heads || !mp->recs) { svm_map_free(mp); return 0; }
	svm_map_clear(mp);
	return mp;
}

void svm_map_free(struct svm_map *mp)
{
	if (!mp) return;
	svm_host_free(mp->heads);
	svm_host_free(mp->recs);
	svm_host_free(mp);
}

static struct entry_hdr *hdr(const struct svm_map *mp, uint32_t e) { return (struct entry_hdr *)(mp->recs + (size_t)e * mp->recsz); }
static int64_t *ikeys(const struct svm_map *mp, uint32_t e) { return (int64_t *)((uint8_t *)hdr(mp, e) + sizeof(struct entry_hdr)); }
static char *skey(const struct svm_map *mp, uint32_t e, unsigned k) { return (char *)hdr(mp, e) + mp->soff + (size_t)k * mp->maxstr; }
void *svm_map_value(struct svm_map *mp, int32_t e) { return (uint8_t *)hdr(mp, (uint32_t)e) + mp->voff; }
uint32_t svm_map_count(const struct svm_map *mp) { return mp->count; }
const struct svm_global *svm_map_global(const struct svm_map *mp) { return mp->g; }
uint32_t svm_map_capacity(const struct svm_map *mp) { return mp->cap; }

void svm_map_clear(struct svm_map *mp)
{
	for (uint32_t b = 0; b < mp->nbuckets; b++) mp->heads[b] = NIL;
	for (uint32_t e = 0; e < mp->cap; e++) {
		struct entry_hdr *h = hdr(mp, e);
		h->used = 0;
		h->next = e + 1 < mp->cap ? e + 1 : NIL;
	}
	mp->freelist = 0;
	mp->count = 0;
}

static inline uint32_t hash(const struct svm_map *mp, const int64_t *ik, const char *sk, unsigned sstride)
{
	uint64_t h = 1469598103934665603ull;
	for (unsigned k = 0; k < mp->g->nikeys; k++) { h ^= (uint64_t)ik[k]; h *= 1099511628211ull; }
	for (unsigned k = 0; k < mp->g->nskeys; k++)
		for (const char *p = sk + (size_t)k * sstride; *p; p++) { h ^= (uint8_t)*p; h *= 1099511628211ull; }
	return (uint32_t)(h ^ h >> 32) & (mp->nbuckets - 1);
}

static int same(const struct svm_map *mp, uint32_t e, const int64_t *ik, const char *sk, unsigned sstride)
{
	for (unsigned k = 0; k < mp->g->nikeys; k++) if (ikeys(mp, e)[k] != ik[k]) return 0;
	for (unsigned k = 0; k < mp->g->nskeys; k++) if (svm_strcmp(skey(mp, e, k), sk + (size_t)k * sstride)) return 0;
	return 1;
}

static void unlink_entry(struct svm_map *mp, uint32_t e)
{
	uint32_t b = hash(mp, ikeys(mp, e), skey(mp, e, 0), mp->maxstr), *pp = &mp->heads[b];
	while (*pp != NIL && *pp != e) pp = &hdr(mp, *pp)->next;
	if (*pp == e) *pp = hdr(mp, e)->next;
	hdr(mp, e)->used = 0;
	hdr(mp, e)->next = mp->freelist;
	mp->freelist = e;
	mp->count--;
}

void svm_map_delete(struct svm_map *mp, int32_t e) { if (e >= 0 && hdr(mp, (uint32_t)e)->used) unlink_entry(mp, (uint32_t)e); }

int32_t svm_map_lookup(struct svm_map *mp, const int64_t *ik, const char *sk, unsigned sstride, int create)
{
	uint32_t b = hash(mp, ik, sk, sstride), e;
	for (e = mp->heads[b]; e != NIL; e = hdr(mp, e)->next)
		if (same(mp, e, ik, sk, sstride)) return (int32_t)e;
	if (!create) return -1;
	if (mp->freelist == NIL) {
		uint32_t oldest = NIL;
		if (!(mp->g->flags & SVM_GFLAG_WRAP)) return -2;
		for (e = 0; e < mp->cap; e++)
			if (hdr(mp, e)->used && (oldest == NIL || hdr(mp, e)->rank < hdr(mp, oldest)->rank)) oldest = e;
		unlink_entry(mp, oldest);
		b = hash(mp, ik, sk, sstride);
	}
	e = mp->freelist;
	mp->freelist = hdr(mp, e)->next;
	{
		uint64_t q = svm_atomic_inc(mp->seqp);
		svm_host_memcpy(hdr(mp, e), &(struct entry_hdr){ mp->heads[b], 1, q, q }, sizeof(struct entry_hdr));
	}
	mp->heads[b] = e;
	mp->count++;
	svm_host_memcpy(ikeys(mp, e), ik, (size_t)mp->g->nikeys * 8);
	for (unsigned k = 0; k < mp->g->nskeys; k++)
		svm_host_memcpy(skey(mp, e, k), sk + (size_t)k * sstride, mp->maxstr);
	{ uint8_t *v = svm_map_value(mp, (int32_t)e); size_t n = mp->soff - mp->voff; for (size_t i = 0; i < n; i++) v[i] = 0; }
	return (int32_t)e;
}

void svm_map_share_seq(struct svm_map *mp, uint64_t *counter) { mp->seqp = counter; }
int svm_map_used(const struct svm_map *mp, uint32_t e) { return e < mp->cap && hdr(mp, e)->used; }

int32_t svm_map_find_like(struct svm_map *mp, const struct svm_map *src, uint32_t e)
{
	return svm_map_lookup(mp, ikeys(src, e), skey(src, e, 0), src->maxstr, 0);
}

int32_t svm_map_adopt(struct svm_map *dst, const struct svm_map *src, uint32_t e)
{
	int32_t d = svm_map_find_like(dst, src, e);
	uint64_t seq = hdr(src, e)->seq;
	if (d == -1) {
		d = svm_map_lookup(dst, ikeys(src, e), skey(src, e, 0), src->maxstr, 1);
		if (d >= 0) hdr(dst, (uint32_t)d)->seq = hdr(dst, (uint32_t)d)->rank = seq;
	} else if (hdr(dst, (uint32_t)d)->seq > seq) {
		hdr(dst, (uint32_t)d)->seq = hdr(dst, (uint32_t)d)->rank = seq;
	}
	return d;
}

int svm_map_alive(const struct svm_map *mp, uint32_t e, uint64_t seq) { return e < mp->cap && hdr(mp, e)->used && hdr(mp, e)->seq == seq; }

void svm_map_keys(const struct svm_map *mp, uint32_t e, int64_t *ik, char *sk, unsigned sstride)
{
	svm_host_memcpy(ik, ikeys(mp, e), (size_t)mp->g->nikeys * 8);
	for (unsigned k = 0; k < mp->g->nskeys; k++)
		svm_host_memcpy(sk + (size_t)k * sstride, skey(mp, e, k), mp->maxstr);
}

/* compare entries a and b on column col (0 = value, k = key k) */
static int cmp(const struct svm_map *mp, uint32_t a, uint32_t b, unsigned col)
{
	const struct svm_global *g = mp->g;
	if (col == 0) {
		const void *va = (uint8_t *)hdr(mp, a) + mp->voff, *vb = (uint8_t *)hdr(mp, b) + mp->voff;
		int64_t x, y;
		if (g->vtype == T_STR) return svm_strcmp(va, vb);
		x = g->vtype == T_INT ? *(const int64_t *)va : ((const struct svm_stat *)va)->count;
		y = g->vtype == T_INT ? *(const int64_t *)vb : ((const struct svm_stat *)vb)->count;
		return x < y ? -1 : x > y;
	} else if (col >= SVM_SORT_SUM) {
		int64_t x[SVM_NAGG], y[SVM_NAGG];
		svm_stat_read((const struct svm_stat *)((uint8_t *)hdr(mp, a) + mp->voff), x);
		svm_stat_read((const struct svm_stat *)((uint8_t *)hdr(mp, b) + mp->voff), y);
		col = col - SVM_SORT_SUM + 1;   /* aggregates are count, sum, min, max, avg */
		return x[col] < y[col] ? -1 : x[col] > y[col];
	} else {
		unsigned k = col - 1, ii = 0, si = 0;
		for (unsigned j = 0; j < k; j++) { if (g->keytype[j] == T_STR) si++; else ii++; }
		if (g->keytype[k] == T_STR) return svm_strcmp(skey(mp, a, si), skey(mp, b, si));
		return ikeys(mp, a)[ii] < ikeys(mp, b)[ii] ? -1 : ikeys(mp, a)[ii] > ikeys(mp, b)[ii];
	}
}

/* 1 if entry a goes after entry b on the chosen column (SystemTap's _stp_cmp: ties never move) */
static int after(const struct svm_map *mp, uint32_t a, uint32_t b, unsigned spec)
{
	int c = cmp(mp, a, b, SVM_SORT_COL(spec));
	return SVM_SORT_DIR(spec) == 2 ? c < 0 : c > 0;
}

/* full order: the list order (rank) when unsorted; else the chosen column, ties in list order, as
 * SystemTap's stable merge sort of the array's list (_stp_map_sort) leaves them in either direction.
 * A statistic array's list is stap's aggregate, rebuilt in hash order under a per-module random
 * seed, so no tie order is stap's: there ties are first-insertion order, reversed when descending. */
static int order(const struct svm_map *mp, uint32_t a, uint32_t b, unsigned spec)
{
	int dir = SVM_SORT_DIR(spec) == 2 ? -1 : 1, c = 0;
	if (SVM_SORT_DIR(spec) != 0) c = cmp(mp, a, b, SVM_SORT_COL(spec));
	if (!c) {
		c = hdr(mp, a)->rank < hdr(mp, b)->rank ? -1 : 1;
		if (mp->g->vtype != T_STAT) return c;
	}
	return c * dir;
}

static void sift(const struct svm_map *mp, uint32_t *v, uint32_t i, uint32_t n, unsigned spec)
{
	for (;;) {
		uint32_t l = 2 * i + 1, big = i, t;
		if (l < n && order(mp, v[l], v[big], spec) > 0) big = l;
		if (l + 1 < n && order(mp, v[l + 1], v[big], spec) > 0) big = l + 1;
		if (big == i) return;
		t = v[i]; v[i] = v[big]; v[big] = t;
		i = big;
	}
}

static void heapsort(const struct svm_map *mp, uint32_t *idx, uint32_t n, unsigned spec)
{
	for (uint32_t i = n / 2; i-- > 0;) sift(mp, idx, i, n, spec);
	for (uint32_t end = n; end > 1; end--) {
		uint32_t t = idx[0]; idx[0] = idx[end - 1]; idx[end - 1] = t;
		sift(mp, idx, 0, end - 1, spec);
	}
}

/* the largest limit _stp_map_sortn sorts partially; above it (and for none) it sorts the whole list */
#define SORTN_MAX 30

/* SystemTap's _stp_map_sortn for a limit of 1..SORTN_MAX: bubble passes over the first top places, then
 * each later entry that belongs among them is moved in, pushing the last one out behind them;
 * idx holds the list order and is left in the order stap leaves its list */
static void sort_top(const struct svm_map *mp, uint32_t *idx, uint32_t n, unsigned spec, uint32_t top)
{
	uint32_t last = top - 1 < n - 1 ? top - 1 : n - 1, t;
	for (int swaps = 1; swaps;) {
		swaps = 0;
		for (uint32_t i = 0; i < last; i++)
			if (after(mp, idx[i], idx[i + 1], spec)) { t = idx[i]; idx[i] = idx[i + 1]; idx[i + 1] = t; swaps = 1; }
	}
	for (uint32_t j = last + 1; j < n; j++) {
		int64_t c = last;
		uint32_t x = idx[j];
		while (c >= 0 && after(mp, idx[c], x, spec)) c--;
		if (c != (int64_t)last) {
			for (uint32_t k = j; k > (uint32_t)(c + 1); k--) idx[k] = idx[k - 1];
			idx[c + 1] = x;
		}
	}
}

uint32_t svm_map_snapshot(struct svm_map *mp, uint32_t *idx, uint64_t *seq, unsigned spec, int64_t limit)
{
	uint32_t n = 0;
	for (uint32_t e = 0; e < mp->cap; e++)
		if (hdr(mp, e)->used) idx[n++] = e;
	if (SVM_SORT_DIR(spec) != 0 && limit > 0 && limit <= SORTN_MAX && n) {
		heapsort(mp, idx, n, 0);
		sort_top(mp, idx, n, spec, (uint32_t)limit);
	} else {
		heapsort(mp, idx, n, spec);
	}
	/* stap sorts the list itself: later foreach loops walk this order, new keys join at its end */
	if (SVM_SORT_DIR(spec) != 0)
		for (uint32_t i = 0; i < n; i++) hdr(mp, idx[i])->rank = svm_atomic_inc(mp->seqp);
	if (limit < 0) n = 0;
	else if (limit > 0 && (uint64_t)limit < n) n = (uint32_t)limit;
	for (uint32_t i = 0; i < n; i++) seq[i] = hdr(mp, idx[i])->seq;
	return n;
}
