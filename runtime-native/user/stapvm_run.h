/* stapvm_run.h: the userspace runtime's driver API (libstapvm.so): load a module, set the run's
 * options as stap's command line gives them, run it to the end. Called from Java through jnr-ffi
 * and from the native stapvm-run loader, so both run the same event loop. FFI-friendly: no structs. */
#ifndef STAPVM_RUN_H
#define STAPVM_RUN_H
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

typedef struct stapvm_runner stapvm_runner;

/* decodes and verifies the module bytes (copied); NULL with the reason in err */
stapvm_runner *stapvm_runner_new(const uint8_t *bytes, size_t len, char *err, size_t errlen);
void stapvm_runner_free(stapvm_runner *r);

/* -o FILE: the script's output goes to FILE (created/truncated) instead of stdout; -1 with err */
int stapvm_runner_set_output_file(stapvm_runner *r, const char *path, char *err, size_t errlen);
/* -o FILE -S SIZE_MB[,NUM_MAX] (stapvm_runner_set_output_file with size_mb 0): FILE's strftime formats
 * expanded as staprun does, FILE.0, FILE.1, ... each once the one before holds more than SIZE_MB MB,
 * at most NUM_MAX kept (0: all); -1 with staprun's reason in err */
int stapvm_runner_set_output_files(stapvm_runner *r, const char *path, uint64_t size_mb, int num_max, char *err, size_t errlen);
/* --format=json: every line of the script's output a JSON record (docs/json-output.md) */
void stapvm_runner_set_json(stapvm_runner *r);
/* -F with -o (staprun -D): call before stapvm_runner_run, before any target is started or traced:
 * the caller's process exits 0, the daemon prints its pid and runs on with stdout and stderr on
 * /dev/null, the run's error text to syslog; -1 with err when it could not detach */
int stapvm_runner_daemonize(stapvm_runner *r, char *err, size_t errlen);
/* -T SECONDS as milliseconds: the run ends (end probes run) after this long; 0 = no limit */
void stapvm_runner_set_timeout_ms(stapvm_runner *r, int64_t ms);
/* -c CMD: split CMD into words as staprun does (no command substitution) and exec it, stopped
 * before its first instruction until the begin probes end; the run ends when it exits; target() is its pid.
 * Shell operators run it under /bin/sh -c (target() is the shell), refused when the module has process probes. */
void stapvm_runner_set_target_command(stapvm_runner *r, const char *cmd);
/* -x PID: target() is PID; the run ends when PID exits */
void stapvm_runner_set_target_pid(stapvm_runner *r, int pid);

/* --breakpoint=emulate|xol|step|auto: how process probes replay the instruction under the
 * breakpoint (default auto); -1 for an unknown name */
int stapvm_runner_set_breakpoint_mode(stapvm_runner *r, const char *name);

/* --runtime: which runtime runs a module. requested is "user", "kernel", or NULL/"" for the default: the
 * kernel when stapvm.ko's device exists and it places every probe of the module (all but the process
 * events .begin, .end, .thread.*, .syscall*, which only the userspace runtime observes), else user.
 * Returns STAPVM_RUNTIME_USER or STAPVM_RUNTIME_KERNEL, or -1 with err for an unknown name, a module
 * that cannot be read, or a kernel request without the device or for a probe stapvm.ko cannot place. */
enum { STAPVM_RUNTIME_USER = 0, STAPVM_RUNTIME_KERNEL = 1 };
int stapvm_pick_runtime(const uint8_t *bytes, size_t len, const char *requested, char *err, size_t errlen);

/* asks a running stapvm_runner_run to act as if signal signo (SIGINT, SIGTERM, SIGHUP) had arrived;
 * safe from any thread and from a signal handler. Hosts with their own signal handling (the JVM)
 * forward signals with it. */
void stapvm_runner_signal(stapvm_runner *r, int signo);

/* runs begin probes, then the event loop (timers, target, SIGINT/SIGTERM/SIGHUP, exit()), then end
 * probes, prints "WARNING: Number of errors: N, skipped probes: M" when either is non-zero;
 * returns the process exit code stap would return */
int stapvm_runner_run(stapvm_runner *r);

#ifdef __cplusplus
}
#endif
#endif
