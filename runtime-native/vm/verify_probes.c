/* verify_probes.c: checks each probe record against its kind's row of probes.def: known kind and flags, the fields it needs present, no others. */
#include "module.h"
#include "text.h"

#define REJECT(...) do { svm_errf(err, errlen, __VA_ARGS__); return -1; } while (0)

/* the fields a record has, as PF_* bits */
static unsigned fields(const struct svm_probe *p)
{
	return (p->sym != SVM_NOSTR ? PF_SYM : 0) | (p->mod != SVM_NOSTR ? PF_MOD : 0) |
	       (p->path != SVM_NOSTR ? PF_PATH : 0) | (p->addr ? PF_ADDR : 0) |
	       (p->period ? PF_PERIOD : 0) | (p->jitter ? PF_JITTER : 0) | (p->sem ? PF_SEM : 0);
}

static const char *const field_name[] = { "symbol", "module", "path", "address", "period", "jitter", "semaphore" };

static int check_string(const struct svm_module *m, uint32_t i, const char *what, uint32_t s, char *err, size_t errlen)
{
	if (s != SVM_NOSTR && s >= m->nstrings)
		REJECT("probe %u: %s string %u out of range [0,%u)", i, what, s, m->nstrings);
	if (s != SVM_NOSTR && m->strlen[s] == 0)
		REJECT("probe %u: empty %s", i, what);
	return 0;
}

int svm_verify_probes(struct svm_module *m, char *err, size_t errlen)
{
	if (m->npn && m->npn != m->nprobes)
		REJECT("probe names: %u names for %u probes", m->npn, m->nprobes);
	if (m->ntiming && m->ntiming != m->nprobes)
		REJECT("timing: %u records for %u probes", m->ntiming, m->nprobes);
	for (uint32_t i = 0; i < m->nprobes; i++) {
		const struct svm_probe *p = &m->probes[i];
		const struct svm_probe_kind_info *k = p->kind < SVM_PROBE_MAX ? &svm_probe_kinds[p->kind] : 0;
		unsigned have, missing, extra;
		if (!k || !k->name)
			REJECT("probe %u: unknown probe kind %u", i, p->kind);
		if ((m->limits.flags & SVM_LIM_PRIV_STAPUSR) && !(k->runtimes & PR_STAPUSR))
			REJECT("probe %u: a %s probe is not allowed in a stapusr module", i, k->name);
		if (p->flags & ~k->flags)
			REJECT("probe %u: flags 0x%x not allowed on a %s probe", i, p->flags & ~k->flags, k->name);
		if (p->pp >= m->nstrings)
			REJECT("probe %u: pp string %u out of range [0,%u)", i, p->pp, m->nstrings);
		if (m->npn && m->pn[i] >= m->nstrings)
			REJECT("probe %u: pn string %u out of range [0,%u)", i, m->pn[i], m->nstrings);
		if (m->ntiming && ((m->timing[i].location != SVM_NOSTR && m->timing[i].location >= m->nstrings)
				   || m->timing[i].derivation >= m->nstrings))
			REJECT("probe %u: timing string out of range [0,%u)", i, m->nstrings);
		if (check_string(m, i, "symbol", p->sym, err, errlen) || check_string(m, i, "module", p->mod, err, errlen) ||
		    check_string(m, i, "path", p->path, err, errlen))
			return -1;
		have = fields(p);
		missing = k->needs & ~have;
		extra = have & ~(k->needs | k->may);
		for (unsigned b = 0; b < sizeof field_name / sizeof field_name[0]; b++) {
			if (missing & 1u << b)
				REJECT("probe %u: a %s probe needs a %s", i, k->name, field_name[b]);
			if (extra & 1u << b)
				REJECT("probe %u: a %s probe has no %s", i, k->name, field_name[b]);
		}
		if (p->path != SVM_NOSTR && m->strings[p->path][0] != '/')
			REJECT("probe %u: path '%s' is not absolute", i, m->strings[p->path]);
	}
	return 0;
}
