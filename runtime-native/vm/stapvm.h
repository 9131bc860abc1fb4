/* stapvm.h: the C API of libstapvm.so (load and verify a module, run probes, collect output); FFI-friendly. */
#ifndef STAPVM_H
#define STAPVM_H
#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stddef.h>
#include <stdint.h>
#endif
#include "probes.h"
#ifdef __cplusplus
extern "C" {
#endif

typedef struct stapvm_module stapvm_module;
typedef struct stapvm_session stapvm_session;

/* decodes and verifies module bytes; NULL on rejection with the reason in err (NUL-terminated) */
stapvm_module *stapvm_load(const uint8_t *bytes, size_t len, char *err, size_t errlen);
/* verifies only: 0 if accepted, -1 with the reason in err */
int stapvm_verify(const uint8_t *bytes, size_t len, char *err, size_t errlen);
void stapvm_module_free(stapvm_module *mod);
int stapvm_probe_count(const stapvm_module *mod);
/* the java section (java() probes: the agent request the native loader makes of the JVM): its
 * text's offset in the bytes given to stapvm_load, and its length in *len; 0 and 0 when absent */
uint32_t stapvm_java_request(const stapvm_module *mod, uint32_t *len);
/* the module's MAXSKIPPED: skipped hits past it end the session (stapvm.ko) */
uint32_t stapvm_max_skipped(const stapvm_module *mod);
/* MAXSTRINGLEN: the bytes of a string, its NUL included */
uint32_t stapvm_max_string(const stapvm_module *mod);
/* 1 when the module was built with --suppress-handler-errors: handler errors are counted (the closing
 * "Number of errors" warning) but never printed, never abort, and do not fail the run */
int stapvm_suppresses_errors(const stapvm_module *mod);
/* 1 when the module was compiled --privilege=stapusr (limits flag PRIV_STAPUSR): the verifier let it
 * carry only stapusr probe kinds and no kernel-memory helper */
int stapvm_is_stapusr(const stapvm_module *mod);
/* stap's overload governor (stapvm.ko): at most threshold cycles in probes per interval cycles on a CPU;
 * interval 0: no governor (-D STP_NO_OVERLOAD, --suppress-time-limits) */
uint64_t stapvm_overload_threshold(const stapvm_module *mod);
uint64_t stapvm_overload_interval(const stapvm_module *mod);
/* the foreach storage each execution context holds, as the verifier laid it out: entries of 12
 * bytes (a u32 entry index and a u64 sequence number); 0 for a module without foreach */
uint64_t stapvm_iter_entries(const stapvm_module *mod);
/* the locks probe i's handler (entry: its entry program) takes, as the verifier computed them:
 * up to max entries global index << 1 | write, by ascending global; returns the count, or -1
 * for a bad index or a probe without an entry program */
int stapvm_probe_locks(const stapvm_module *mod, int i, int entry, uint32_t *out, int max);
/* probe i's typed record (probes.def), its strings resolved (NULL: the record has no such field;
 * they live as long as the module): what a runtime places. 0, or -1 for a bad index. */
struct stapvm_probe_point {
	int kind;                        /* SVM_PROBE_* */
	unsigned flags;                  /* PFL_* */
	const char *pp;                  /* what pp() prints, for messages */
	const char *symbol, *module, *path;
	uint64_t address, period, jitter;
	uint64_t semaphore;              /* PROCESS_MARK: link-time address of its semaphore, 0: none */
};
int stapvm_probe_point(const stapvm_module *mod, int i, struct stapvm_probe_point *out);

/* a session owns globals and output; the module must outlive it */
stapvm_session *stapvm_session_new(const stapvm_module *mod, char *err, size_t errlen);
/* as stapvm_session_new, for a host running handlers on ncpus CPUs (stapvm.ko: nr_cpu_ids): each
 * statistic is kept in ncpus copies, one per execution context's CPU, merged when read */
stapvm_session *stapvm_session_new_cpus(const stapvm_module *mod, uint32_t ncpus, char *err, size_t errlen);
void stapvm_session_free(stapvm_session *s);
/* runs probe i's handler once, holding the locks of the globals it uses: 0 ok, 1 runtime error
 * (counted; text in the error stream), -1 bad index or aborted session, STAPVM_SKIPPED a lock
 * was not had within the host's bounded wait (the handler did not run; the host counts the skip) */
#define STAPVM_SKIPPED 2
int stapvm_run_probe(stapvm_session *s, int i);
/* the bytes of @entry data probe i's hits carry (its .return handler reads what its entry program
 * wrote at function entry); 0 when the probe has no entry program */
int stapvm_probe_entry_size(const stapvm_module *mod, int i);
/* runs probe i's entry program at function entry, writing the context's entry_data (stapvm_set_context;
 * the caller zeroes stapvm_probe_entry_size bytes first); 0 ok, 1 runtime error (counted, printed:
 * the caller must then not run the return handler with that data), -1 no entry program or aborted,
 * STAPVM_SKIPPED (as stapvm_run_probe; nor then) */
int stapvm_run_entry(stapvm_session *s, int i);
/* runs every probe of kind (SVM_PROBE_BEGIN, SVM_PROBE_END, ...), in order; result as above, worst wins.
 * These and stapvm_run_phase take no global locks: the host runs them with no handler active (and
 * stapvm.ko's end probes may sleep for output room, which a held lock forbids). */
int stapvm_run_kind(stapvm_session *s, int kind);

/* SystemTap's session phases: runs every probe of kind in module order, stopping early once the
 * session aborted (unless kind is SVM_PROBE_ERROR) or, with stop_on_exit, once
 * exit() was called; 0, or -1 if the session aborted */
int stapvm_run_phase(stapvm_session *s, int kind, int stop_on_exit);
/* An execution context of session s: registers, frames and scratch for one handler run at a time,
 * adding to statistics in CPU cpu's copies (cpu < the session's ncpus). stapvm_run_probe and the
 * phases use the session's own, on CPU 0's copies; a host running handlers concurrently (stapvm.ko,
 * one per CPU, made at load) makes more, and runs at most one handler per CPU at a time. Free them
 * before the session. */
typedef struct stapvm_exec stapvm_exec;
stapvm_exec *stapvm_exec_new(stapvm_session *s, uint32_t cpu, char *err, size_t errlen);
void stapvm_exec_free(stapvm_exec *x);
/* as stapvm_run_probe, on execution context x for the probe hit ctx (NULL: none) */
struct svm_ctx;
int stapvm_exec_probe(stapvm_exec *x, int i, const struct svm_ctx *ctx);
/* as stapvm_run_entry, on execution context x for the probe hit ctx (its entry_data) */
int stapvm_exec_entry(stapvm_exec *x, int i, const struct svm_ctx *ctx);

/* target(): the -c command's or the -x process's pid */
void stapvm_set_target(stapvm_session *s, int64_t pid);
/* the byte of the loader's stdin the next INPUT probe runs are for (_stdin_value()) */
void stapvm_set_stdin_value(stapvm_session *s, char byte);

/* output: stream 0 is the script's output, 1 is error text, STAPVM_STREAM_SYSTEM a command of
 * system() for the loader to run (one write per command, its bytes without a NUL). The end-of-run
 * display of globals and the histogram printer write their text on STAPVM_STREAM_DISPLAY (the
 * script's output under --format=text) and the same as JSON records (docs/json-output.md) on
 * STAPVM_STREAM_RECORD (JSON text as it is) and STAPVM_STREAM_RECORD_STR (one write a string value,
 * to be written quoted and escaped), which only --format=json writes. With a callback set, text goes
 * to it as produced; otherwise streams 0 and 1 are buffered (bounded; overflow is counted) until
 * taken, the display's text with stream 0, its records left out, and a command is counted as dropped. */
#define STAPVM_STREAM_SYSTEM 2
#define STAPVM_STREAM_DISPLAY 3
#define STAPVM_STREAM_RECORD 4
#define STAPVM_STREAM_RECORD_STR 5
typedef void (*stapvm_output_fn)(void *arg, int stream, const char *data, size_t len);
void stapvm_set_output(stapvm_session *s, stapvm_output_fn fn, void *arg);
/* moves up to buflen-1 buffered bytes of a stream into buf (NUL-terminated); returns the count */
size_t stapvm_take_output(stapvm_session *s, int stream, char *buf, size_t buflen);
uint64_t stapvm_output_dropped(const stapvm_session *s);

/* the probe hit the next stapvm_run_probe handles (context.h; NULL: none); the caller owns it */
void stapvm_set_context(stapvm_session *s, const struct svm_ctx *ctx);

int stapvm_error_count(const stapvm_session *s);
/* -t: prints stap's probe hit report on stdout (nothing without the module's timing section) */
void stapvm_timing_report(stapvm_session *s);
/* 1 once exit() ran or MAXERRORS was exceeded */
int stapvm_exit_requested(const stapvm_session *s);
int stapvm_aborted(const stapvm_session *s);   /* errors went past MAXERRORS: only error probes still run */
#ifdef __cplusplus
}
#endif
#endif
