/* uprobes.h: a module's process(...) probes on the ptrace breakpoint engine: their records read, probes placed per image, hits run in the session. */
#ifndef STAPVM_UPROBES_H
#define STAPVM_UPROBES_H
#include <sys/types.h>
#include "bpengine.h"
#include "elfsyms.h"
#include "../vm/stapvm.h"

struct svm_uprobes;

/* The process probes of mod (their records: docs/bytecode.md "Probe kinds"), run in session s;
 * NULL with err empty when mod has none, NULL with err set when out of memory. */
struct svm_uprobes *svm_uprobes_new(stapvm_session *s, const stapvm_module *mod, enum bp_mode mode,
                                    char *err, size_t errlen);
void svm_uprobes_free(struct svm_uprobes *u);
/* --breakpoint: how displaced instructions run in images placed from now on */
void svm_uprobes_set_mode(struct svm_uprobes *u, enum bp_mode mode);
/* "emulate", "xol", "step", "auto" -> mode; -1 for anything else */
int svm_uprobes_mode(const char *name);

/* -c: argv started under the engine, stopped before its first instruction (out_fd >= 0: its
 * stdout); -x: every thread of pid seized. Then the image's probes are placed. 0 or -1. */
int svm_uprobes_spawn(struct svm_uprobes *u, char *const argv[], int out_fd);
int svm_uprobes_attach(struct svm_uprobes *u, pid_t pid);
/* why the last svm_uprobes_attach failed, or "" */
const char *svm_uprobes_error(const struct svm_uprobes *u);
/* hits single-stepped while other threads of the process ran (bp_engine.step_unguarded) */
unsigned long long svm_uprobes_step_unguarded(const struct svm_uprobes *u);
pid_t svm_uprobes_pid(const struct svm_uprobes *u);
/* Let the tasks run (after the begin probes). */
int svm_uprobes_start(struct svm_uprobes *u);
/* lets the stopped tasks run without the process.begin probes (a session that ends before it started them) */
void svm_uprobes_resume(struct svm_uprobes *u);
/* Service the ptrace stops that are ready (block: wait for one). 1 while traced tasks remain,
 * 0 when all exited or were detached (e.g. a handler called exit()), -1 on failure. */
int svm_uprobes_service(struct svm_uprobes *u, int block);
/* Remove every breakpoint and detach every task (they keep running). */
void svm_uprobes_detach(struct svm_uprobes *u);
/* The leader's wait status once it ended (for -c: the command's exit status). */
int svm_uprobes_status(const struct svm_uprobes *u);
/* Probes that could not be placed (unknown symbol at run time, instruction that cannot be probed). */
int svm_uprobes_failed(const struct svm_uprobes *u);


/* For stapvm.ko's loader (the kernel parses no ELF): the file offset a process_function,
 * process_statement or process_mark probe point probes (and in sem a mark's semaphore's, 0: none),
 * through its path's symbols and PT_LOAD headers. The last file
 * opened stays open in r (zero-initialised by the caller) until svm_uprobe_resolver_close. 1 resolved,
 * 0 not such a point, -1 with why in err. */
struct up_resolver { struct elf_file f; char *path; int opened; };
int svm_uprobe_offset(struct up_resolver *r, const struct stapvm_probe_point *pt, uint64_t *off, uint64_t *sem,
		      char *err, size_t errlen);
void svm_uprobe_resolver_close(struct up_resolver *r);
#endif
