/* stapvm.c: the libstapvm API: module load/verify, session setup (globals, output; execution contexts with the frame arena), probe runs. */
#include "stapvm.h"
#include "session.h"
#include "text.h"

struct stapvm_module { struct svm_module m; };
/* the session, and the execution context the userspace runtime (one hit at a time) uses */
struct stapvm_session { struct svm_session sh; struct svm_exec *x; };
struct stapvm_exec { struct svm_exec s; };

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
uint32_t stapvm_java_request(const stapvm_module *mod, uint32_t *len) { *len = mod->m.java_len; return mod->m.java_off; }
uint32_t stapvm_max_skipped(const stapvm_module *mod) { return mod->m.limits.maxskipped; }
uint32_t stapvm_max_string(const stapvm_module *mod) { return mod->m.limits.maxstringlen; }
int stapvm_suppresses_errors(const stapvm_module *mod) { return (mod->m.limits.flags & SVM_LIM_SUPPRESS_HANDLER_ERRORS) != 0; }
int stapvm_is_stapusr(const stapvm_module *mod) { return (mod->m.limits.flags & SVM_LIM_PRIV_STAPUSR) != 0; }
uint64_t stapvm_overload_threshold(const stapvm_module *mod) { return mod->m.limits.overload_threshold; }
uint64_t stapvm_overload_interval(const stapvm_module *mod) { return mod->m.limits.overload_interval; }
uint64_t stapvm_iter_entries(const stapvm_module *mod) { return mod->m.iterstack; }

static const struct svm_func *probe_func(const struct svm_module *m, int i, int entry)
{
	if (i < 0 || (uint32_t)i >= m->nprobes || (entry && m->probe_entry[i] < 0)) return 0;
	return &m->funcs[entry ? m->entry[m->probe_entry[i]].func : m->probes[i].func];
}

int stapvm_probe_locks(const stapvm_module *mod, int i, int entry, uint32_t *out, int max)
{
	const struct svm_func *f = probe_func(&mod->m, i, entry);
	if (!f) return -1;
	for (uint32_t k = 0; k < f->nlocks && (int)k < max; k++) out[k] = f->locks[k];
	return (int)f->nlocks;
}

static const char *opt_string(const struct svm_module *m, uint32_t s) { return s == SVM_NOSTR ? 0 : m->strings[s]; }

int stapvm_probe_point(const stapvm_module *mod, int i, struct stapvm_probe_point *out)
{
	const struct svm_module *m = &mod->m;
	const struct svm_probe *p;
	if (i < 0 || (uint32_t)i >= m->nprobes) return -1;
	p = &m->probes[i];
	*out = (struct stapvm_probe_point){ p->kind, p->flags, m->strings[p->pp], opt_string(m, p->sym),
					    opt_string(m, p->mod), opt_string(m, p->path), p->addr, p->period, p->jitter, p->sem };
	return 0;
}

static void *global_store(const struct svm_global *g, uint32_t maxstr)
{
	if (g->nkeys) return svm_map_new(g, maxstr);
	return svm_host_zalloc(g->vtype == T_INT ? 8 : g->vtype == T_STR ? maxstr : svm_stat_bytes(g));
}

static void exec_release(struct svm_exec *s)
{
	svm_host_free(s->arena); svm_host_free(s->frames); svm_host_free(s->itidx); svm_host_free(s->itseq);
	svm_host_free(s->scratch); svm_host_free(s->scratch2); svm_host_free(s->tokstr);
	svm_host_free(s->rxws); svm_host_free(s->rxsubj);
	svm_host_free(s->gstore); svm_host_free(s->parts); svm_host_free(s->stattmp);
}

/* the context's view of the globals: the shared ones, and its CPU's copy of each statistic */
static int exec_globals(struct svm_exec *s, const struct svm_session *sh)
{
	const struct svm_module *m = sh->m;
	size_t tmp = 0;
	s->gstore = svm_host_zalloc(sizeof(void *) * m->nglobals);
	s->parts = svm_host_zalloc(sizeof(void *) * sh->ncpus);
	if (!s->gstore || !s->parts) return -1;
	for (uint32_t g = 0; g < m->nglobals; g++) {
		int stat = m->globals[g].vtype == T_STAT;
		s->gstore[g] = stat ? *svm_cpu_copy(sh, g, s->cpu) : sh->gstore[g];
		if (stat && svm_stat_bytes(&m->globals[g]) > tmp) tmp = svm_stat_bytes(&m->globals[g]);
	}
	return tmp && !(s->stattmp = svm_host_zalloc(tmp)) ? -1 : 0;
}

/* sizes and allocates an execution context's registers, frames, foreach storage and scratch for sh's module */
static int exec_init(struct svm_exec *s, struct svm_session *sh, uint32_t cpu)
{
	const struct svm_module *m = sh->m;
	s->sh = sh;
	s->m = m;
	s->maxstr = sh->maxstr;
	s->cpu = cpu;
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
	if (m->iterstack) {   /* bounded by the verifier (check_memory); none without foreach */
		s->itidx = svm_host_zalloc((size_t)m->iterstack * sizeof *s->itidx);
		s->itseq = svm_host_zalloc((size_t)m->iterstack * sizeof *s->itseq);
	}
	if (m->rxprog) {   /* bounded by the verifier (SVM_RX_MAXCELLS); none without matched()/ngroups() */
		s->rxws = svm_host_zalloc((size_t)svm_rx_workspace(m) * sizeof *s->rxws);
		s->rxsubj = svm_host_zalloc(s->maxstr);
	}
	if (s->arena && s->frames && s->scratch && s->scratch2 && s->tokstr && (!m->iterstack || (s->itidx && s->itseq)) &&
	    (!m->rxprog || (s->rxws && s->rxsubj)) &&
	    exec_globals(s, sh) == 0)
		return 0;
	exec_release(s);
	return -1;
}

stapvm_exec *stapvm_exec_new(stapvm_session *ss, uint32_t cpu, char *err, size_t errlen)
{
	stapvm_exec *x;
	if (cpu >= ss->sh.ncpus) {
		svm_errf(err, errlen, "execution context for CPU %u: the session has %u", cpu, ss->sh.ncpus);
		return 0;
	}
	x = svm_host_zalloc(sizeof *x);
	if (x && exec_init(&x->s, &ss->sh, cpu) == 0) return x;
	svm_host_free(x);
	svm_errf(err, errlen, "out of memory creating an execution context");
	return 0;
}

void stapvm_exec_free(stapvm_exec *x)
{
	if (!x) return;
	exec_release(&x->s);
	svm_host_free(x);
}

/* a statistic's per-CPU copies, numbering array insertions from one counter */
static int stat_copies(struct svm_session *sh, uint32_t g)
{
	const struct svm_global *gl = &sh->m->globals[g];
	for (uint32_t c = 0; c < sh->ncpus; c++) {
		void *p = *svm_cpu_copy(sh, g, c) = global_store(gl, sh->maxstr);
		if (!p) return -1;
		if (gl->nkeys) svm_map_share_seq(p, &sh->statseq[g]);
	}
	return 0;
}

static void free_store(const struct svm_global *g, void *p)
{
	if (g->nkeys) svm_map_free(p);
	else svm_host_free(p);
}

stapvm_session *stapvm_session_new_cpus(const stapvm_module *mod, uint32_t ncpus, char *err, size_t errlen)
{
	stapvm_session *ss = ncpus ? svm_host_zalloc(sizeof *ss) : 0;
	struct svm_session *sh = ss ? &ss->sh : 0;
	const struct svm_module *m = &mod->m;
	int ok;
	if (!ss) { svm_errf(err, errlen, ncpus ? "out of memory" : "a session needs at least one CPU"); return 0; }
	sh->m = m;
	sh->maxstr = m->limits.maxstringlen;
	sh->ncpus = ncpus;
	sh->loader_pid = svm_host_pid();   /* created by the loader: the user process, or stapvm.ko's ioctl caller */
	sh->gstore = svm_host_zalloc(sizeof(void *) * m->nglobals);
	sh->cpustore = svm_host_zalloc(sizeof(void *) * m->nglobals * ncpus);
	sh->statseq = svm_host_zalloc(sizeof(uint64_t) * m->nglobals);
	sh->locks = svm_host_zalloc(sizeof(void *) * m->nglobals);
	ok = sh->gstore && sh->cpustore && sh->statseq && sh->locks && svm_output_init(&sh->out) == 0;
	for (uint32_t i = 0; ok && i < m->nglobals; i++)
		ok = (sh->gstore[i] = global_store(&m->globals[i], sh->maxstr)) != 0 && (sh->locks[i] = svm_host_lock_new()) != 0 &&
		     (m->globals[i].vtype != T_STAT || stat_copies(sh, i) == 0);
	if (ok) ok = svm_timing_init(sh) == 0;
	if (ok) ok = (ss->x = (struct svm_exec *)stapvm_exec_new(ss, 0, err, errlen)) != 0;
	if (!ok) {
		svm_errf(err, errlen, "out of memory creating the session");
		stapvm_session_free(ss);
		return 0;
	}
	return ss;
}

stapvm_session *stapvm_session_new(const stapvm_module *mod, char *err, size_t errlen)
{
	return stapvm_session_new_cpus(mod, 1, err, errlen);
}

void stapvm_session_free(stapvm_session *ss)
{
	struct svm_session *sh;
	if (!ss) return;
	sh = &ss->sh;
	stapvm_exec_free((stapvm_exec *)ss->x);
	for (uint32_t i = 0; sh->gstore && i < sh->m->nglobals; i++) {
		free_store(&sh->m->globals[i], sh->gstore[i]);
		for (uint32_t c = 0; sh->cpustore && c < sh->ncpus; c++)
			free_store(&sh->m->globals[i], *svm_cpu_copy(sh, i, c));
	}
	svm_host_free(sh->gstore);
	svm_host_free(sh->cpustore);
	svm_host_free(sh->statseq);
	for (uint32_t i = 0; sh->locks && i < sh->m->nglobals; i++)
		if (sh->locks[i]) svm_host_lock_free(sh->locks[i]);
	svm_host_free(sh->locks);
	svm_output_release(&sh->out);
	svm_timing_free(sh);
	svm_host_free(ss);
}

/* runs function f for probe i on execution context s; a runtime error is printed and counted as SystemTap does */
static int run_for_probe(struct svm_exec *s, int i, uint32_t f)
{
	struct svm_session *sh = s->sh;
	s->cur_probe = i;
	if (svm_exec_run(s, f) == 0) return 0;
	if (s->m->limits.flags & SVM_LIM_SUPPRESS_HANDLER_ERRORS) {
		svm_atomic_inc(&sh->errors);
		return 1;
	}
	svm_out(s, 1, s->errmsg, svm_strlen(s->errmsg));
	svm_out(s, 1, "\n", 1);
	if ((uint32_t)svm_atomic_inc(&sh->errors) > s->m->limits.maxerrors) {
		svm_atomic_set(&sh->aborted, 1);
		svm_atomic_set(&sh->exit_requested, 1);
	}
	return 1;
}

/* releases the first n of function f's locks, in reverse */
static void drop_locks(struct svm_session *sh, const struct svm_func *f, uint32_t n)
{
	while (n--)
		svm_host_unlock(sh->locks[SVM_LOCK_GLOBAL(f->locks[n])], SVM_LOCK_WRITE(f->locks[n]));
}

/* takes function f's locks in ascending global index (the verifier sorted them: no deadlock),
 * all within one bounded wait (host.h); on a failure releases what it holds and returns -1 */
static int take_locks(struct svm_session *sh, const struct svm_func *f)
{
	struct svm_lock_wait w = { 0 };
	for (uint32_t k = 0; k < f->nlocks; k++)
		if (svm_host_lock(sh->locks[SVM_LOCK_GLOBAL(f->locks[k])], SVM_LOCK_WRITE(f->locks[k]), &w)) {
			drop_locks(sh, f, k);
			return -1;
		}
	return 0;
}

/* probe i's handler, or with entry its entry program (none: -1), on execution context s for hit
 * ctx; with lock, under the locks of the globals it uses (none is held on return) */
static int run_probe(struct svm_exec *s, int i, int entry, const struct svm_ctx *ctx, int lock)
{
	const struct svm_module *m = s->m;
	const struct svm_func *f = probe_func(m, i, entry);
	int64_t start;
	int rc;
	if (!f) return -1;
	/* after an abort only error probes still run (SystemTap's error state); no entry program does */
	if (svm_atomic_get(&s->sh->aborted) && (entry || m->probes[i].kind != SVM_PROBE_ERROR)) return -1;
	/* -t: as stap's, a hit's cycles count from before its locks are taken */
	start = s->sh->timing && !entry ? svm_host_cycles() : 0;
	if (lock && take_locks(s->sh, f)) return STAPVM_SKIPPED;
	if (ctx) s->ctx = ctx;
	rc = run_for_probe(s, i, (uint32_t)(f - m->funcs));
	if (ctx) s->ctx = 0;
	if (lock) drop_locks(s->sh, f, f->nlocks);
	if (s->sh->timing && !entry) svm_timing_hit(s, i, svm_host_cycles() - start);
	return rc;
}

int stapvm_run_probe(stapvm_session *ss, int i) { return run_probe(ss->x, i, 0, 0, 1); }
int stapvm_run_entry(stapvm_session *ss, int i) { return run_probe(ss->x, i, 1, 0, 1); }
int stapvm_exec_probe(stapvm_exec *x, int i, const struct svm_ctx *ctx) { return run_probe(&x->s, i, 0, ctx, 1); }
int stapvm_exec_entry(stapvm_exec *x, int i, const struct svm_ctx *ctx) { return run_probe(&x->s, i, 1, ctx, 1); }

int stapvm_probe_entry_size(const stapvm_module *mod, int i)
{
	if (i < 0 || (uint32_t)i >= mod->m.nprobes || mod->m.probe_entry[i] < 0) return 0;
	return (int)mod->m.entry[mod->m.probe_entry[i]].size;
}

int stapvm_run_kind(stapvm_session *ss, int kind)
{
	int worst = 0;
	for (uint32_t i = 0; i < ss->sh.m->nprobes; i++) {
		int rc;
		if (ss->sh.m->probes[i].kind != kind) continue;
		rc = run_probe(ss->x, (int)i, 0, 0, 0);
		if (rc < 0 || (rc > 0 && worst == 0)) worst = rc;
	}
	return worst;
}

int stapvm_run_phase(stapvm_session *ss, int kind, int stop_on_exit)
{
	struct svm_session *sh = &ss->sh;
	int is_error = kind == SVM_PROBE_ERROR;
	for (uint32_t i = 0; i < sh->m->nprobes; i++) {
		if (svm_atomic_get(&sh->aborted) && !is_error) return -1;
		if (stop_on_exit && svm_atomic_get(&sh->exit_requested)) return 0;
		if (sh->m->probes[i].kind == kind) run_probe(ss->x, (int)i, 0, 0, 0);
	}
	return svm_atomic_get(&sh->aborted) ? -1 : 0;
}

void stapvm_set_target(stapvm_session *ss, int64_t pid) { ss->sh.target = pid; }

void stapvm_set_stdin_value(stapvm_session *ss, char byte) { ss->sh.stdin_value[0] = byte; ss->sh.stdin_value[1] = 0; }

void stapvm_set_output(stapvm_session *ss, stapvm_output_fn fn, void *arg) { ss->sh.out.fn = fn; ss->sh.out.arg = arg; }

size_t stapvm_take_output(stapvm_session *ss, int stream, char *buf, size_t buflen)
{
	return svm_output_take(&ss->sh.out, stream, buf, buflen);
}

uint64_t stapvm_output_dropped(const stapvm_session *ss) { return ss->sh.out.dropped; }
void stapvm_timing_report(stapvm_session *ss) { svm_timing_report(ss->x); }
int stapvm_error_count(const stapvm_session *ss) { return svm_atomic_get(&ss->sh.errors); }
int stapvm_exit_requested(const stapvm_session *ss) { return svm_atomic_get(&ss->sh.exit_requested); }
int stapvm_aborted(const stapvm_session *ss) { return svm_atomic_get(&ss->sh.aborted); }
void stapvm_set_context(stapvm_session *ss, const struct svm_ctx *ctx) { ss->x->ctx = ctx; }
