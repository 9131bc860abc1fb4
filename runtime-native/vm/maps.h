/* maps.h: associative arrays (up to 9 mixed keys, bounded, optional % wrap) and statistics aggregates. */
#ifndef STAPVM_MAPS_H
#define STAPVM_MAPS_H
#include "module.h"

/* avg_s, m2, variance_s: SystemTap's running (Welford) variance, kept so @variance gives its numbers */
struct svm_stat { int64_t count, sum, min, max, avg_s, m2, variance_s; int64_t bucket[]; };
struct svm_map;

size_t svm_stat_bytes(const struct svm_global *g);
void svm_stat_add(struct svm_stat *st, const struct svm_global *g, int64_t v);
void svm_stat_clear(struct svm_stat *st, const struct svm_global *g);
/* writes count, sum, min, max, avg, variance into out[0..5]; st is merged (svm_stat_merge) or NULL */
void svm_stat_read(const struct svm_stat *st, int64_t *out);
/* agg = the statistic that the n parts (one per CPU; NULL: none there) make together */
void svm_stat_merge(struct svm_stat *agg, const struct svm_stat *const *parts, uint32_t n, const struct svm_global *g);

struct svm_map *svm_map_new(const struct svm_global *g, uint32_t maxstr);
void svm_map_free(struct svm_map *mp);
/* entry index for the keys or -1; with create, inserts (evicting the oldest entry when wrapping);
 * -2 when the array is full */
int32_t svm_map_lookup(struct svm_map *mp, const int64_t *ik, const char *sk, unsigned sstride, int create);
void *svm_map_value(struct svm_map *mp, int32_t e);
void svm_map_delete(struct svm_map *mp, int32_t e);
void svm_map_clear(struct svm_map *mp);
uint32_t svm_map_count(const struct svm_map *mp);
const struct svm_global *svm_map_global(const struct svm_map *mp);
/* fills idx/seq with live entries sorted by spec; returns how many (at most limit if limit > 0).
 * A sort (spec's direction not 0) is SystemTap's in-place sort: it leaves the array in that order. */
uint32_t svm_map_snapshot(struct svm_map *mp, uint32_t *idx, uint64_t *seq, unsigned spec, int64_t limit);
/* 1 if entry e still holds the key it held when its sequence number was seq */
int svm_map_alive(const struct svm_map *mp, uint32_t e, uint64_t seq);
void svm_map_keys(const struct svm_map *mp, uint32_t e, int64_t *ik, char *sk, unsigned sstride);
uint32_t svm_map_capacity(const struct svm_map *mp);
int svm_map_used(const struct svm_map *mp, uint32_t e);
/* Per-CPU copies of one array number their insertions from one counter (svm_map_share_seq), so
 * the copy merged from them keeps the keys' first-insertion order. */
void svm_map_share_seq(struct svm_map *mp, uint64_t *counter);
/* mp's entry for the keys of src's entry e, or -1 */
int32_t svm_map_find_like(struct svm_map *mp, const struct svm_map *src, uint32_t e);
/* as svm_map_find_like, creating the entry when absent (-2: dst is full); dst's entry takes the
 * smaller of its and src's sequence numbers */
int32_t svm_map_adopt(struct svm_map *dst, const struct svm_map *src, uint32_t e);
#endif
