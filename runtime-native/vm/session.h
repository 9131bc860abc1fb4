/* session.h: a loaded module's session (globals, counters, output) and the execution contexts its
 * handlers run on (registers, frames, scratch), shared by interp, helpers, output and the API. */
#ifndef STAPVM_SESSION_H
#define STAPVM_SESSION_H
#include "module.h"
#include "maps.h"
#include "context.h"
#include "output.h"

/* a foreach: its snapshot (n entries of its frame's part of the context's foreach storage), the next to visit */
struct svm_iter { uint32_t *idx; uint64_t *seq; uint32_t n, pos; };

struct svm_frame {
	uint32_t func, pc;
	int64_t *r;
	char *s;
	struct svm_iter *it;
	uint8_t retreg, retkind;
	uint32_t itbase;              /* its part of the foreach storage: itidx/itseq from here, func's iterents */
};

/* an active try block: the frame depth that pushed it, its catch pc and message register */
struct svm_try { uint32_t depth, pc; uint8_t sreg; };
#define SVM_MAXTRY 32
#define SVM_MAXWARN 64

/* A session: what every handler run of one loaded module sees, whichever execution context it
 * runs on. In stapvm.ko handlers run on several CPUs at once, so the counters change only through
 * atomics (svm_atomic_*). */
struct svm_session {
	const struct svm_module *m;
	uint32_t maxstr;
	void **gstore;                /* per global: int64_t*, char*, struct svm_stat*, or struct svm_map*;
				       * a statistic's is its merged copy (pstat.c), rebuilt on each read */
	uint32_t ncpus;               /* statistics are kept per CPU, in ncpus copies (pstat.c) */
	void **cpustore;              /* statistic g's copy for CPU c at [g * ncpus + c]; NULL for other globals */
	uint64_t *statseq;            /* per global: the insertion counter a statistic array's copies share */
	void **locks;                 /* per global: its host lock (svm_host_lock_new) */
	int errors, exit_requested, aborted;
	struct svm_output out;        /* output.c's */
	uint32_t warned[SVM_MAXWARN];     /* hashes of the warnings printed so far (warn() prints each once) */
	uint32_t nwarned;                 /* slots claimed; may pass SVM_MAXWARN */
	int64_t target;                   /* target(): -x PID or the -c command's pid, set by the runner */
	char stdin_value[2];              /* _stdin_value(): the byte an INPUT probe runs for (stapvm_set_stdin_value) */
	int64_t loader_pid;               /* stp_pid(): the process that created the session (its loader) */
	struct svm_timing *timing;        /* -t: per CPU, per probe (timing[cpu * nprobes + i]); NULL without */
};

/* -t: the cycles of one probe's handler runs on one CPU, as stap's probe_timing statistics */
struct svm_timing { int64_t count, sum, min, max, sumsq; };
int svm_timing_init(struct svm_session *sh);   /* timing.c; nothing without the module's timing section */
void svm_timing_free(struct svm_session *sh);

/* the slot of statistic g's copy for CPU cpu */
static inline void **svm_cpu_copy(const struct svm_session *sh, uint32_t g, uint32_t cpu)
{
	return &sh->cpustore[(size_t)g * sh->ncpus + cpu];
}

/* An execution context: the state a handler run owns (registers, frames, scratch, try stack).
 * The userspace runtime has one per session; stapvm.ko makes one per CPU at load. m and maxstr
 * are copies of sh's, read on nearly every instruction. */
struct svm_exec {
	struct svm_session *sh;
	const struct svm_module *m;
	uint32_t maxstr;
	uint32_t cpu;                 /* the copy of each statistic this context adds into */
	void **gstore;                /* sh's, except that a statistic's is this CPU's copy */
	const struct svm_stat **parts;    /* ncpus: one statistic's copies, being merged */
	struct svm_stat *stattmp;         /* one merged array element (the largest statistic's size) */
	uint8_t *arena;               /* MAXNESTING frames of registers */
	size_t framesz;
	uint32_t maxint, maxstrregs, maxiters;
	struct svm_frame *frames;
	uint32_t *itidx;              /* foreach storage, m->iterstack entries (none without foreach): */
	uint64_t *itseq;              /* each frame's iterators' snapshots, at its itbase */
	char *scratch, *scratch2;     /* MAXSTRINGLEN each */
	char *tokstr;                 /* tokenize(): copy of the last non-empty input (MAXSTRINGLEN) */
	int32_t tokpos;               /* tokenize(): offset of the rest in tokstr, -1 when exhausted */
	int32_t *rxws;                /* capture groups (regex_groups.c): the simulation's workspace, NULL */
	char *rxsubj;                 /* without a regex groups section; the last =~'s subject (MAXSTRINGLEN), */
	int32_t rxslot[SVM_RX_MAXSLOTS];  /* its groups' offsets (-1: the group took no part), */
	uint32_t rxnslots;            /* and their count: 0 when the last =~ of this run failed or none ran */
	char errmsg[1024];
	struct svm_try tries[SVM_MAXTRY]; /* innermost last; emptied at the start of each handler run */
	uint32_t ntries;
	int32_t cur_probe;                /* pp(): index of the probe whose handler runs */
	const struct svm_ctx *ctx;        /* the probe hit being handled (args, registers, memory); NULL: none */
};
/* -t (timing.c): one handler run of probe i on s's CPU; the report, printed on s after the end probes */
void svm_timing_hit(struct svm_exec *s, int i, int64_t cycles);
void svm_timing_report(struct svm_exec *s);


/* records the groups of a =~ of regex x on subj for matched()/ngroups(); matched: what the DFA said */
void svm_rx_record(struct svm_exec *s, uint32_t x, const char *subj, int matched);
/* runs function f (a probe handler) to completion; 0, or -1 with s->errmsg set */
int svm_exec_run(struct svm_exec *s, uint32_t f);
/* helper dispatch: returns 0 or -1 with s->errmsg holding the message (without "ERROR: ") */
int svm_helper(struct svm_exec *s, unsigned id, int64_t *iret, char *sret,
	       const int64_t *iargs, unsigned ni, const char *sargs, unsigned ns);
/* probe-context helpers (helpers_ctx.c): as svm_helper; 1 when id is not one of them */
int svm_helper_ctx(struct svm_exec *s, unsigned id, int64_t *iret, char *sret, const int64_t *iargs, const char *sargs);
/* symbol helpers (helpers_sym.c: _sym, _usym): as svm_helper; 1 when id is not one of them */
int svm_helper_sym(struct svm_exec *s, unsigned id, char *sret, const int64_t *iargs);
/* statistics per CPU (pstat.c): the merged value of a scalar, of an element (NULL: no CPU has the
 * key), of a whole array (NULL on overflow, with s->errmsg); delete and clear reach every copy */
const struct svm_stat *svm_pstat_scalar(struct svm_exec *s, uint32_t g);
const struct svm_stat *svm_pstat_elem(struct svm_exec *s, uint32_t g, const int64_t *ik, const char *sk);
struct svm_map *svm_pstat_array(struct svm_exec *s, uint32_t g);
void svm_pstat_delete(struct svm_exec *s, uint32_t g, const int64_t *ik, const char *sk);
void svm_pstat_clear(struct svm_exec *s, uint32_t g);
/* prints the histogram of statistic st of global g (hist.c), and its --format=json record (naming the
 * element's keys ikeys/skeys when g is an array); -1 when it holds no value */
int svm_hist_print(struct svm_exec *s, const struct svm_global *g, const struct svm_stat *st, const int64_t *ikeys,
		   const char *skeys);
#endif
