/* hist.c: prints a @hist_linear/@hist_log statistic in SystemTap's exact text layout (rows, '~' elision, 50-'@' scale). */
#include "session.h"
#include "stapvm.h"
#include "text.h"

#define HWIDTH 50          /* widest bar, in '@' */
#define LOG_ZERO SVM_LOG_BUCKETS
#define LOG_NBUCKETS (2 * SVM_LOG_BUCKETS)   /* SystemTap's bucket count; our extra last bucket is never filled */

/* digits of v, plus one for a minus sign */
static int width_of(int64_t v)
{
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	int n = v < 0;
	if (u == 0) return 1;
	while (u) { n++; u /= 10; }
	return n;
}

/* lower bound of log bucket b: 0, 2^(b-65) above the zero bucket, -2^(63-b) below it */
static int64_t log_value(int b)
{
	if (b == LOG_ZERO) return 0;
	if (b < LOG_ZERO) return (int64_t)(~(uint64_t)0 << (63 - b));
	return (int64_t)((uint64_t)1 << (b - LOG_ZERO - 1));
}

static void spaces(char *buf, size_t cap, size_t *len, int n)
{
	while (n-- > 0) svm_appendf(buf, cap, len, " ");
}

/* --format=json: {"type":"hist","name":N[,"key":[...]],"kind":K,"buckets":[...]}, each bucket from the
 * first to the last non-zero one {"value":V,"count":C} (V its lower bound), a linear histogram's
 * under- and overflow {"below":V,...} and {"above":V,...} with stap's row label V */
static void hist_record(struct svm_exec *s, const struct svm_global *g, const struct svm_stat *st, int lo, int hi,
			const int64_t *ikeys, const char *skeys)
{
	int nb = g->histkind == HIST_LOG ? LOG_NBUCKETS : (int)g->nbuckets;
	unsigned ki = 0, ks = 0;
	svm_record(s, "{\"type\":\"hist\",\"name\":");
	svm_record_str(s, s->m->strings[g->name]);
	if (g->nkeys) {
		svm_record(s, ",\"key\":[");
		for (unsigned k = 0; k < g->nkeys; k++) {
			if (k) svm_record(s, ",");
			if (g->keytype[k] == T_STR) svm_record_str(s, skeys + (size_t)ks++ * s->maxstr);
			else svm_record_int(s, ikeys[ki++]);
		}
		svm_record(s, "]");
	}
	svm_record(s, g->histkind == HIST_LOG ? ",\"kind\":\"log\",\"buckets\":[" : ",\"kind\":\"linear\",\"buckets\":[");
	for (int i = lo; i <= hi; i++) {
		const char *label = "{\"value\":";
		int64_t val;
		if (g->histkind == HIST_LOG) val = log_value(i);
		else if (i == 0) { val = g->hlo; label = "{\"below\":"; }
		else if (i == nb - 1) { val = g->hlo + (int64_t)(i - 2) * g->hstep; label = "{\"above\":"; }
		else val = g->hlo + (int64_t)(i - 1) * g->hstep;
		if (i > lo) svm_record(s, ",");
		svm_record(s, label);
		svm_record_int(s, val);
		svm_record(s, ",\"count\":");
		svm_record_int(s, st->bucket[i]);
		svm_record(s, "}");
	}
	svm_record(s, "]}\n");
}

int svm_hist_print(struct svm_exec *s, const struct svm_global *g, const struct svm_stat *st, const int64_t *ikeys,
		   const char *skeys)
{
	const int64_t *h = st->bucket;
	int nb = g->histkind == HIST_LOG ? LOG_NBUCKETS : (int)g->nbuckets;
	/* zero rows kept on each side of a non-zero row (stap's HIST_ELISION; negative: none elided) */
	int64_t elision = (int32_t)s->m->limits.histelision;
	int lo = -1, hi = 0, under = 0, over = 0, eliding = 0, vspace, cspace;
	int64_t vmax = 0, scale;
	char line[192];
	size_t n;

	for (int i = 0; i < nb; i++) {
		if (h[i] > 0 && lo < 0) lo = i;
		if (h[i] > 0) hi = i;
		if (h[i] > vmax) vmax = h[i];
	}
	if (lo < 0) return -1;
	hist_record(s, g, st, lo, hi, ikeys, skeys);
	for (int k = 0; k < 2; k++) {
		if (g->histkind == HIST_LOG ? lo != LOG_ZERO && lo > 0 : lo > 0) lo--;
		if (hi < nb - 1) hi++;
	}
	if (g->histkind == HIST_LINEAR) {
		if (lo == 0 && h[0] == 0) lo++;
		if (hi == nb - 1 && h[hi] == 0) hi--;
		under = lo == 0;
		over = hi == nb - 1;
	}
	scale = vmax <= HWIDTH ? 1 : (vmax + HWIDTH - 1) / HWIDTH;
	cspace = width_of(vmax);
	if (g->histkind == HIST_LINEAR) {
		int a = width_of(g->hlo) + under, b = width_of(g->hlo + (int64_t)g->hstep * hi) + over;
		vspace = a > b ? a : b;
	} else {
		int a = width_of(log_value(hi)), b = width_of(log_value(lo));
		vspace = a > b ? a : b;
	}
	if (vspace < 5) vspace = 5;

	n = 0; line[0] = 0;
	spaces(line, sizeof line, &n, vspace - 5);
	svm_appendf(line, sizeof line, &n, "value |");
	for (int j = 0; j < HWIDTH; j++) svm_appendf(line, sizeof line, &n, "-");
	svm_appendf(line, sizeof line, &n, " count\n");
	svm_out(s, STAPVM_STREAM_DISPLAY, line, n);

	for (int i = lo; i <= hi; i++) {
		const char *prefix = "";
		int64_t from = i - elision > lo ? i - elision : lo, to = i + elision < hi ? i + elision : hi;
		int elide = elision >= 0;
		int64_t val, bar;
		for (int64_t k = from; k <= to; k++) if (h[k]) elide = 0;
		if (elide) { eliding = 1; continue; }
		n = 0; line[0] = 0;
		if (eliding) {
			spaces(line, sizeof line, &n, vspace);
			svm_appendf(line, sizeof line, &n, " ~\n");
			svm_out(s, STAPVM_STREAM_DISPLAY, line, n);
			n = 0; line[0] = 0;
			eliding = 0;
		}
		if (g->histkind == HIST_LINEAR) {
			if (i == 0) { val = g->hlo; prefix = "<"; }
			else if (i == nb - 1) { val = g->hlo + (int64_t)(i - 2) * g->hstep; prefix = ">"; }
			else val = g->hlo + (int64_t)(i - 1) * g->hstep;
		} else {
			val = log_value(i);
		}
		spaces(line, sizeof line, &n, vspace - width_of(val) - (int)svm_strlen(prefix));
		svm_appendf(line, sizeof line, &n, "%s%lld |", prefix, (long long)val);
		bar = h[i] / scale;
		for (int64_t j = 0; j < bar; j++) svm_appendf(line, sizeof line, &n, "@");
		spaces(line, sizeof line, &n, (int)(HWIDTH - bar + 1 + cspace) - width_of(h[i]));
		svm_appendf(line, sizeof line, &n, "%lld\n", (long long)h[i]);
		svm_out(s, STAPVM_STREAM_DISPLAY, line, n);
	}
	svm_out(s, STAPVM_STREAM_DISPLAY, "\n", 1);
	return 0;
}
