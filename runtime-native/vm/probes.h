/* probes.h: probe kinds and the typed probe record, expanded from probes.def; what every runtime switches on. */
#ifndef STAPVM_PROBES_H
#define STAPVM_PROBES_H
#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdint.h>
#endif

enum svm_probe_bit {
#define PROBE_BIT(name, value, doc) name = value,
#define PROBE(name, num, rt, needs, may, flags, ctx, doc)
#include "probes.def"
#undef PROBE
#undef PROBE_BIT
};

enum svm_probe_kind {
#define PROBE_BIT(name, value, doc)
#define PROBE(name, num, rt, needs, may, flags, ctx, doc) SVM_PROBE_##name = num,
#include "probes.def"
#undef PROBE
#undef PROBE_BIT
	SVM_PROBE_MAX
};

/* one row of probes.def; name NULL: no such kind */
struct svm_probe_kind_info {
	const char *name;
	uint8_t runtimes, needs, may, flags, context;
};
extern const struct svm_probe_kind_info svm_probe_kinds[SVM_PROBE_MAX];

/* a string field a record does not have */
#define SVM_NOSTR 0xffffffffu

/* One probe of the module's probe table, decoded once by module_load.c and checked by the verifier
 * against its kind's row: the fields it has are there, the others are absent (SVM_NOSTR or 0). */
struct svm_probe {
	uint16_t kind, flags;            /* SVM_PROBE_*, PFL_* */
	uint32_t func;                   /* handler function */
	uint32_t pp;                     /* string: what pp() prints */
	uint32_t sym, mod, path;         /* strings, SVM_NOSTR when absent */
	uint64_t addr, period, jitter;
	uint64_t sem;                    /* PROCESS_MARK: its semaphore's link-time address, 0: none */
};
#endif
