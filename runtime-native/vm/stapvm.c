/* stapvm.c: the libstapvm API: module load/verify, session setup (globals, frame arena), probe runs, output. */
#include "stapvm.h"
#include "session.h"
#include "text.h"

#define OUTCAP (1u << 20)

struct stapvm_module { struct svm_module m; };
struct stapvm_session { struct svm_session s; };

stapvm_module *stapvm_load(const uint8_t *bytes, size_t len, char *err, size_t errlen)
{
	stapvm_module *mod = svm_host_zalloc(sizeof *mod);
	if (!mod) { svm_errf(err, errlen, "out of memory"); return 0; }
	if (!bytes || svm_module_decode(bytes, len, &mod->m, err, errlen) || svm_verify(&mod->m, err, errlen)) {
		if (!bytes) svm_errf(err, errlen, "no module bytes");
		svm_module_release(&mod->m);
		svm_host_free(mod);
		return 0;
	}
	return mod;
}

int stapvm_verify(const uint8_t *bytes, size_t len, char *err, size_t errlen)
{
	stapvm_module *mod = stapvm_load(bytes, len, err, errlen);
	if (!mod) return -1;
	stapvm_module_free(mod);
	return 0;
}

void stapvm_module_free(stapvm_module *mod)
{
	if (!mod) return;
	svm_module_release(&mod->m);
	svm_host_free(mod);
}

int stapvm_probe_count(const stapvm_module *mod) { return (int)mod->m.nprobes; }

int stapvm_probe_desc(const stapvm_module *mod, int i, char *buf, size_t buflen)
{
	if (i < 0 || (uint32_t)i >= mod->m.nprobes) return -1;
	svm_errf(buf, buflen, "%s", mod->m.strings[mod->m.probes[i].desc]);
	return (int)mod->m.strlen[mod->m.probes[i].desc];
}

void svm_out(struct svm_session *s, int stream, const char *data, size_t len)
{
	if (s->out_fn) { s->out_fn(s->out_arg, stream, data, len); return; }
	if (len > s->outcap - s->outlen[stream]) { s->out_dropped += len; return; }
	svm_host_memcpy(s->outbuf[stream] + s->outlen[stream], data, len);
	s->outlen[stream] += len;
}

static void *global_store(const struct svm_global *g, uint32_t maxstr)
{
	if (g->nkeys) return svm_map_new(g, maxstr);
	return svm_host_zalloc(g->vtype == T_INT ? 8 : g->vtype == T_STR ? maxstr : svm_stat_bytes(g));
}

stapvm_session *stapvm_session_new(const stapvm_module *mod, char *err, size_t errlen)
{
	stapvm_session *ss = svm_host_zalloc(sizeof *ss);
	struct svm_session *s = ss ? &ss->s : 0;
	const struct svm_module *m = &mod->m;
	int ok = 1;
	if (!ss) { svm_errf(err, errlen, "out of memory"); return 0; }
	s->m = m;
	s->maxstr = m->limits.maxstringlen;
	for (uint32_t i = 0; i < m->nfuncs; i++) {
		if (m->funcs[i].nint > s->maxint) s->maxint = m->funcs[i].nint;
		if (m->funcs[i].nstr > s->maxstrregs) s->maxstrregs = m->funcs[i].nstr;
		if (m->funcs[i].niters > s->maxiters) s->maxiters = m->funcs[i].niters;
	}
	s->framesz = ((size_t)s->maxint * 8 + (size_t)s->maxstrregs * s->maxstr + 7) / 8 * 8 + (size_t)s->maxiters * sizeof(struct svm_iter);
	s->arena = svm_host_zalloc(s->framesz * SVM_FRAMES(m->limits.maxnesting));
	s->frames = svm_host_zalloc(sizeof(struct svm_frame) * SVM_FRAMES(m->limits.maxnesting));
	s->scratch = svm_host_zalloc(s->maxstr);
	s->scratch2 = svm_host_zalloc((size_t)s->maxstr * 2);
	s->tokstr = svm_host_zalloc(s->maxstr);
	s->tokpos = -1;
	s->gstore = svm_host_zalloc(sizeof(void *) * m->nglobals);
	s->outcap = OUTCAP;
	s->outbuf[0] = svm_host_zalloc(OUTCAP);
	s->outbuf[1] = svm_host_zalloc(OUTCAP);
	ok = s->arena && s->frames && s->scratch && s->scratch2 && s->tokstr && s->gstore && s->outbuf[0] && s->outbuf[1];
	for (uint32_t i = 0; ok && i < m->nglobals; i++)
		ok = (s->gstore[i] = global_store(&m->globals[i], s->maxstr)) != 0;
	if (!ok) {
		svm_errf(err, errlen, "out of memory creating the session");
		stapvm_session_free(ss);
		return 0;
	}
	return ss;
}

void stapvm_session_free(stapvm_session *ss)
{
	struct svm_session *s;
	if (!ss) return;
	s = &ss->s;
	for (uint32_t i = 0; s->gstore && i < s->m->nglobals; i++) {
		if (s->m->globals[i].nkeys) svm_map_free(s->gstore[i]);
		else svm_host_free(s->gstore[i]);
	}
	svm_host_free(s->gstore); svm_host_free(s->arena); svm_host_free(s->frames);
	svm_host_free(s->scratch); svm_host_free(s->scratch2); svm_host_free(s->tokstr);
	svm_host_free(s->outbuf[0]); svm_host_free(s->outbuf[1]);
	svm_host_free(ss);
}

/* runs function f for probe i; a runtime error is printed and counted as SystemTap does */
static int run_for_probe(struct svm_session *s, int i, uint32_t f)
{
	s->cur_probe = i;
	if (svm_exec(s, f) == 0) return 0;
	svm_out(s, 1, s->errmsg, svm_strlen(s->errmsg));
	svm_out(s, 1, "\n", 1);
	if ((uint32_t)++s->errors > s->m->limits.maxerrors) {
		s->aborted = 1;
		s->exit_requested = 1;
	}
	return 1;
}

int stapvm_run_probe(stapvm_session *ss, int i)
{
	struct svm_session *s = &ss->s;
	if (i < 0 || (uint32_t)i >= s->m->nprobes) return -1;
	/* after an abort only error probes still run (SystemTap's error state) */
	if (s->aborted && svm_strcmp(s->m->strings[s->m->probes[i].desc], "error")) return -1;
	return run_for_probe(s, i, s->m->probes[i].func);
}

int stapvm_probe_entry_size(const stapvm_module *mod, int i)
{
	if (i < 0 || (uint32_t)i >= mod->m.nprobes || mod->m.probe_entry[i] < 0) return 0;
	return (int)mod->m.entry[mod->m.probe_entry[i]].size;
}

int stapvm_run_entry(stapvm_session *ss, int i)
{
	struct svm_session *s = &ss->s;
	if (i < 0 || (uint32_t)i >= s->m->nprobes || s->m->probe_entry[i] < 0 || s->aborted) return -1;
	return run_for_probe(s, i, s->m->entry[s->m->probe_entry[i]].func);
}

int stapvm_run_named(stapvm_session *ss, const char *desc)
{
	int worst = 0;
	for (uint32_t i = 0; i < ss->s.m->nprobes; i++) {
		int rc;
		if (svm_strcmp(ss->s.m->strings[ss->s.m->probes[i].desc], desc)) continue;
		rc = stapvm_run_probe(ss, (int)i);
		if (rc < 0 || (rc > 0 && worst == 0)) worst = rc;
	}
	return worst;
}

int stapvm_run_phase(stapvm_session *ss, const char *desc, int stop_on_exit)
{
	struct svm_session *s = &ss->s;
	int is_error = !svm_strcmp(desc, "error");
	for (uint32_t i = 0; i < s->m->nprobes; i++) {
		if (s->aborted && !is_error) return -1;
		if (stop_on_exit && s->exit_requested) return 0;
		if (!svm_strcmp(s->m->strings[s->m->probes[i].desc], desc)) stapvm_run_probe(ss, (int)i);
	}
	return s->aborted ? -1 : 0;
}

void stapvm_set_target(stapvm_session *ss, int64_t pid) { ss->s.target = pid; }

void stapvm_set_output(stapvm_session *ss, stapvm_output_fn fn, void *arg) { ss->s.out_fn = fn; ss->s.out_arg = arg; }

size_t stapvm_take_output(stapvm_session *ss, int stream, char *buf, size_t buflen)
{
	struct svm_session *s = &ss->s;
	size_t n;
	if (stream < 0 || stream > 1 || buflen == 0) return 0;
	n = s->outlen[stream] < buflen - 1 ? s->outlen[stream] : buflen - 1;
	svm_host_memcpy(buf, s->outbuf[stream], n);
	buf[n] = 0;
	for (size_t k = n; k < s->outlen[stream]; k++) s->outbuf[stream][k - n] = s->outbuf[stream][k];
	s->outlen[stream] -= n;
	return n;
}

uint64_t stapvm_output_dropped(const stapvm_session *ss) { return ss->s.out_dropped; }
int stapvm_error_count(const stapvm_session *ss) { return ss->s.errors; }
int stapvm_exit_requested(const stapvm_session *ss) { return ss->s.exit_requested; }
int stapvm_aborted(const stapvm_session *ss) { return ss->s.aborted; }
void stapvm_set_context(stapvm_session *ss, const struct svm_ctx *ctx) { ss->s.ctx = ctx; }
