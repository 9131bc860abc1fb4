/* pstat.c: statistics kept per CPU and merged when read, as SystemTap's pmaps. An execution context
 * adds (`<<<`) into its own CPU's copy under the global's read lock, so CPUs never contend; a
 * reader holds the write lock (verify_locks.c) and merges every copy. */
#include "session.h"
#include "text.h"

const struct svm_stat *svm_pstat_scalar(struct svm_exec *s, uint32_t g)
{
	const struct svm_session *sh = s->sh;
	for (uint32_t c = 0; c < sh->ncpus; c++) s->parts[c] = *svm_cpu_copy(sh, g, c);
	svm_stat_merge(sh->gstore[g], s->parts, sh->ncpus, &s->m->globals[g]);
	return sh->gstore[g];
}

const struct svm_stat *svm_pstat_elem(struct svm_exec *s, uint32_t g, const int64_t *ik, const char *sk)
{
	const struct svm_session *sh = s->sh;
	int found = 0;
	for (uint32_t c = 0; c < sh->ncpus; c++) {
		struct svm_map *mp = *svm_cpu_copy(sh, g, c);
		int32_t e = svm_map_lookup(mp, ik, sk, s->maxstr, 0);
		s->parts[c] = e >= 0 ? svm_map_value(mp, e) : 0;
		found |= e >= 0;
	}
	if (!found) return 0;
	svm_stat_merge(s->stattmp, s->parts, sh->ncpus, &s->m->globals[g]);
	return s->stattmp;
}

struct svm_map *svm_pstat_array(struct svm_exec *s, uint32_t g)
{
	const struct svm_session *sh = s->sh;
	struct svm_map *agg = sh->gstore[g];
	svm_map_clear(agg);
	/* the keys, each at its first insertion on any CPU; then each key's merged statistic */
	for (uint32_t c = 0; c < sh->ncpus; c++) {
		const struct svm_map *mp = *svm_cpu_copy(sh, g, c);
		for (uint32_t e = 0; e < svm_map_capacity(mp); e++)
			if (svm_map_used(mp, e) && svm_map_adopt(agg, mp, e) == -2) {
				svm_errf(s->errmsg, sizeof s->errmsg, "aggregation overflow in %s", s->m->strings[s->m->globals[g].name]);
				return 0;
			}
	}
	for (uint32_t d = 0; d < svm_map_capacity(agg); d++) {
		if (!svm_map_used(agg, d)) continue;
		for (uint32_t c = 0; c < sh->ncpus; c++) {
			struct svm_map *mp = *svm_cpu_copy(sh, g, c);
			int32_t e = svm_map_find_like(mp, agg, d);
			s->parts[c] = e >= 0 ? svm_map_value(mp, e) : 0;
		}
		svm_stat_merge(svm_map_value(agg, (int32_t)d), s->parts, sh->ncpus, &s->m->globals[g]);
	}
	return agg;
}

void svm_pstat_delete(struct svm_exec *s, uint32_t g, const int64_t *ik, const char *sk)
{
	const struct svm_session *sh = s->sh;
	for (uint32_t c = 0; c <= sh->ncpus; c++) {
		struct svm_map *mp = c < sh->ncpus ? *svm_cpu_copy(sh, g, c) : sh->gstore[g];
		svm_map_delete(mp, svm_map_lookup(mp, ik, sk, s->maxstr, 0));
	}
}

void svm_pstat_clear(struct svm_exec *s, uint32_t g)
{
	const struct svm_session *sh = s->sh;
	const struct svm_global *gl = &s->m->globals[g];
	for (uint32_t c = 0; c <= sh->ncpus; c++) {
		void *p = c < sh->ncpus ? *svm_cpu_copy(sh, g, c) : sh->gstore[g];
		if (gl->nkeys) svm_map_clear(p);
		else svm_stat_clear(p, gl);
	}
}
