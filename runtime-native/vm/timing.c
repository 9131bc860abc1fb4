/* timing.c: stap's -t (STP_TIMING): the cycles each probe handler run takes, kept per CPU and per
 * probe, and the report printed after the end probes, in stap 4.8's words:
 *   ----- probe hit report:
 *   PP, (FILE:LINE:COL), hits: N, cycles: MINmin/AVGavg/MAXmax, variance: V, from: ..., index: I
 *   ----- refresh report:
 * (stap's refresh line times its module refreshes, which stapvm does not have: the header alone). */
#include "session.h"
#include "probes.h"
#include "output.h"
#include "text.h"
#include "host.h"

int svm_timing_init(struct svm_session *sh)
{
	const struct svm_module *m = sh->m;
	if (!m->ntiming) return 0;
	sh->timing = svm_host_zalloc(sizeof *sh->timing * m->nprobes * sh->ncpus);
	return sh->timing ? 0 : -1;
}

void svm_timing_free(struct svm_session *sh)
{
	svm_host_free(sh->timing);
}

/* one run of probe i on context s's CPU took cycles (only one handler runs on a CPU at a time) */
void svm_timing_hit(struct svm_exec *s, int i, int64_t cycles)
{
	struct svm_session *sh = s->sh;
	struct svm_timing *t = &sh->timing[(size_t)s->cpu * sh->m->nprobes + (uint32_t)i];
	if (cycles < 0) cycles = 0;
	if (!t->count || cycles < t->min) t->min = cycles;
	if (!t->count || cycles > t->max) t->max = cycles;
	t->count++;
	t->sum += cycles;
	t->sumsq += cycles * cycles;
}

/* the sample variance, as stap's @variance: integer, 0 below two samples */
static int64_t variance(const struct svm_timing *t)
{
	if (t->count < 2) return 0;
	return (t->sumsq - t->sum / t->count * t->sum) / (t->count - 1);
}

void svm_timing_report(struct svm_exec *s)
{
	struct svm_session *sh = s->sh;
	const struct svm_module *m = sh->m;
	char line[1024];
	static const char head[] = "----- probe hit report: \n", refresh[] = "----- refresh report:\n";
	if (!sh->timing) return;
	svm_out(s, 0, head, sizeof head - 1);
	for (uint32_t i = 0; i < m->nprobes; i++) {
		struct svm_timing all = { 0 };
		const struct svm_timing_names *n = &m->timing[i];
		if (n->location == SVM_NOSTR) continue;   /* the compiler's own probes (global initializers) */
		for (uint32_t c = 0; c < sh->ncpus; c++) {
			const struct svm_timing *t = &sh->timing[(size_t)c * m->nprobes + i];
			if (!t->count) continue;
			if (!all.count || t->min < all.min) all.min = t->min;
			if (!all.count || t->max > all.max) all.max = t->max;
			all.count += t->count;
			all.sum += t->sum;
			all.sumsq += t->sumsq;
		}
		if (!all.count) continue;
		svm_errf(line, sizeof line, "%s, (%s), hits: %lld, cycles: %lldmin/%lldavg/%lldmax, variance: %lld,%s, index: %u\n",
			 m->strings[m->probes[i].pp], m->strings[n->location], (long long)all.count, (long long)all.min,
			 (long long)(all.sum / all.count), (long long)all.max, (long long)variance(&all),
			 m->strings[n->derivation], i);
		svm_out(s, 0, line, svm_strlen(line));
	}
	svm_out(s, 0, refresh, sizeof refresh - 1);
}
