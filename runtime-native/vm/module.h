/* module.h: the in-memory form of a decoded module file and its loader entry point. */
#ifndef STAPVM_MODULE_H
#define STAPVM_MODULE_H
#include "bytecode.h"
#include "probes.h"
#include "unwind.h"

#define SVM_MAGIC "STVM"
enum {
#define FORMAT_VERSION(n) SVM_VERSION = n,
#include "format.def"
};
enum svm_section {
#define SECTION(name, id, text) S_##name = id,
#include "format.def"
	S_MAX
};
/* the byte size of one fixed record: SVM_REC_GLOBAL, SVM_REC_PROBE, ... */
enum {
#define RECORD(name, bytes, doc) SVM_REC_##name = bytes,
#include "format.def"
};

/* SystemTap allows MAXNESTING nested function calls below the probe handler (its check is
 * nesting+1 >= MAXNESTING with nesting -1 in the handler: MAXNESTING 13 runs 13 frames of a
 * recursion, not 14): a session has SVM_FRAMES(maxnesting) frames (the handler, the calls) */
#define SVM_FRAMES(maxnesting) ((maxnesting) + 1)
/* the limits section: one u32 or u64 per LIMIT row of format.def, in its order (histelision is read
 * as signed by hist.c; overload_interval 0: no overload governor) */
struct svm_limits {
#define LIMIT(field, name, bits, def, lo, hi, doc) uint##bits##_t field;
#include "format.def"
};
/* the bits of limits.flags: SVM_LIM_SUPPRESS_HANDLER_ERRORS, ... */
enum {
#define LIMIT_FLAG(name, bit, doc) SVM_LIM_##name = bit,
#include "format.def"
};

enum { HIST_NONE, HIST_LINEAR, HIST_LOG };
#define SVM_GFLAG_WRAP 1
#define SVM_LOG_BUCKETS 64

struct svm_global {
	uint8_t vtype, nkeys, flags, histkind;
	uint32_t size, name;
	uint8_t keytype[SVM_MAXKEYS];
	uint8_t nikeys, nskeys;          /* derived: int and string key counts */
	int32_t hlo, hhi, hstep;
	uint32_t nbuckets;               /* derived */
	uint8_t sized;                   /* derived: the script declared the size (global a[N]) */
};

struct svm_func {
	uint32_t name;
	uint8_t nint, nstr, nai, nas, ret, niters;
	uint32_t ncode;
	svm_insn *code;
	uint16_t *iterglobal;            /* derived by the verifier: global of each iterator slot */
	uint32_t *iteroff;               /* derived (verify_iters.c): per iterator slot, its first entry in */
	uint32_t iterents;               /* the frame's foreach storage; the frame's entries (slot capacities) */
	uint32_t nlocks;                 /* derived by the verifier (verify_locks.c): the globals this */
	uint32_t *locks;                 /* function and its callees use, SVM_LOCK entries by ascending global */
};
/* one lock of a lock list: global index and mode (1 write, 0 read) */
#define SVM_LOCK(g, write) ((uint32_t)(g) << 1 | (uint32_t)(write))
#define SVM_LOCK_GLOBAL(l) ((l) >> 1)
#define SVM_LOCK_WRITE(l) ((l) & 1)

/* one record of the entry section: probe's entry program (run at function entry, filling entry_size
 * bytes of @entry data that its return handler reads) */
struct svm_entry { uint32_t probe, func, size; };
/* the @entry data of one hit is at most this many bytes (a kretprobe instance carries it) */
#define SVM_MAX_ENTRY_DATA 16384
/* one regex as a DFA: state 0 starts; flags bit0 ACCEPT (a match was seen), bit1 ACCEPT_AT_END */
struct svm_regex {
	uint32_t nclass, nstate;
	uint16_t byteclass[256];
	uint32_t *next;                  /* nstate * nclass */
	uint8_t *flags;                  /* nstate */
};
#define SVM_RX_ACCEPT 1
#define SVM_RX_ACCEPT_AT_END 2
/* one regex's capture program (the "regex groups" section, present only when the script asks for
 * matched()/ngroups()): a Thompson automaton that regex_groups.c simulates in lockstep (a Pike VM), so
 * finding the groups takes time linear in the subject. Slots 2k and 2k+1 are group k's start and end;
 * group 0 is the whole match. */
enum { RXI_BYTE, RXI_FORK, RXI_BOL, RXI_EOL, RXI_SAVE, RXI_MATCH };
struct svm_rxinsn { uint8_t op, slot; uint16_t set, n1, n2; };   /* BYTE: set, n1; FORK: n1 first, n2 */
struct svm_rxprog { uint32_t nslots, ninsn, nsets; uint8_t *sets; struct svm_rxinsn *code; };  /* sets: 32 bytes each */
#define SVM_RX_MAXINSN 4096
#define SVM_RX_MAXSLOTS 64
/* bounds one thread list of the simulation: ninsn x (nslots + 1) words */
#define SVM_RX_MAXCELLS 65536
struct svm_srcloc { uint32_t func, pc, str; };
/* -t: where a probe's report line says it is (FILE:LINE:COL) and how it was derived (" from: ...") */
struct svm_timing_names { uint32_t location, derivation; };

struct svm_module {
	uint32_t nstrings;
	uint32_t *strlen;
	char **strings;                  /* NUL-terminated copies */
	char *strpool;
	uint32_t nconsts;
	int64_t *consts;
	uint32_t nglobals;
	struct svm_global *globals;
	uint32_t nfuncs;
	struct svm_func *funcs;
	uint32_t nprobes;
	struct svm_probe *probes;
	struct svm_limits limits;
	uint32_t nsrc;
	struct svm_srcloc *srcmap;
	uint32_t siglen;
	uint32_t nregex;
	struct svm_regex *regex;
	uint32_t nrxprog;                /* 0, or nregex: the regexes' capture programs */
	struct svm_rxprog *rxprog;
	uint32_t nentry;
	struct svm_entry *entry;
	int32_t *probe_entry;            /* derived by the verifier: per probe, its entry record or -1 */
	uint64_t iterstack;              /* derived (verify_iters.c): foreach storage entries of an execution context */
	uint32_t nunwind;                /* the unwind section (unwind.c): user-stack rows per file */
	struct svm_unwind_file *unwind;
	uint32_t java_off, java_len;     /* the java section: its text's offset in the module bytes, 0 0: none */
	uint32_t npn;                    /* the probe names section: 0, or nprobes strings (pn() per probe) */
	uint32_t *pn;
	uint32_t ntiming;                /* the timing section (-t): 0, or nprobes records */
	struct svm_timing_names *timing;
};

/* the 32-bit words the capture simulation of m's largest program needs (regex_groups.c); 0 without */
uint64_t svm_rx_workspace(const struct svm_module *m);

/* decodes bytes into *out (bounds and lengths only); 0 on success, else -1 and err text */
int svm_module_decode(const uint8_t *bytes, size_t n, struct svm_module *out, char *err, size_t errlen);
void svm_module_release(struct svm_module *m);
/* the unwind section's payload (unwind.c); 0, or -1 and err text */
int svm_unwind_decode(const uint8_t *p, size_t n, struct svm_module *m, char *err, size_t errlen);
void svm_unwind_release(struct svm_module *m);
/* semantic checks of a decoded module (verify.c) */
int svm_verify(struct svm_module *m, char *err, size_t errlen);
/* each probe record against its kind's row of probes.def (verify_probes.c), after the tables */
int svm_verify_probes(struct svm_module *m, char *err, size_t errlen);
/* the entry section and the @entry data ops (verify_entry.c), after the tables and operands are checked */
int svm_verify_entry(struct svm_module *m, char *err, size_t errlen);
/* the lock list of every function (verify_locks.c), after the kinds check */
int svm_verify_locks(struct svm_module *m, char *err, size_t errlen);
/* foreach storage: each iterator slot's place, what an execution context needs (verify_iters.c), after the kinds check */
int svm_verify_iters(struct svm_module *m, char *err, size_t errlen);
/* the call graph (verify_locks.c): the callees of function f are edge[start[f] .. start[f+1]), with
 * repeats; 0, or -1 out of memory; the caller frees start and edge */
struct svm_calls { uint32_t *start, *edge; };
int svm_call_graph(const struct svm_module *m, struct svm_calls *g);
/* source-map text for (func, pc) or NULL */
const char *svm_module_where(const struct svm_module *m, uint32_t func, uint32_t pc);
#endif
