/* kernel_run.h: the loader side of the kernel runtime: hands a module to stapvm.ko through
 * /dev/stapvm and runs the session to its end, with stap's options, messages and exit code. */
#ifndef STAPVM_KERNEL_RUN_H
#define STAPVM_KERNEL_RUN_H
#include <stddef.h>
#include <stdint.h>

#define STAPVM_DEVICE "/dev/stapvm"

struct krun_opts {
	const char *output_file;   /* -o FILE; NULL: stdout */
	int64_t timeout_ms;        /* -T: the session ends (end probes run) after this long; 0 none */
	const char *target_cmd;    /* -c CMD: exec'd (shell syntax: sh -c) after the begin probes; the session ends when it exits */
	int target_pid;            /* -x PID: target(); the session ends when PID exits */
	int verbose;               /* -v: progress on stderr */
	const char *device;        /* NULL: STAPVM_DEVICE */
	uint64_t size_mb;          /* -S SIZE_MB[,NUM_MAX] with -o: rotation as staprun's (run_outfile.h); 0 none */
	int num_max;
	int json;                  /* --format=json: output lines as JSON records */
	int daemon;                /* -F with -o: into the background once the session started (run_daemon.h) */
};

/* 1 when the kernel runtime can be used (the device exists) */
int stapvm_kernel_available(void);
/* loads (the kernel verifies; a rejection prints its reason), starts, relays output until the session
 * ends (exit(), -T, the target's exit, stapvm_kernel_signal()), prints "WARNING: Number of errors: N,
 * skipped probes: M" when either is non-zero; returns stap's exit code (0 ok, 1 errors or failure) */
int stapvm_kernel_run(const uint8_t *bytes, size_t len, const struct krun_opts *o);
/* the same with the options as arguments (for FFI callers); output_file and target_cmd may be NULL */
int stapvm_kernel_run_args(const uint8_t *bytes, size_t len, const char *output_file, int64_t timeout_ms,
			   const char *target_cmd, int target_pid);
/* the same with -o's rotation and --format=json (for FFI callers) */
int stapvm_kernel_run_output(const uint8_t *bytes, size_t len, const char *output_file, uint64_t size_mb, int num_max,
			     int json, int64_t timeout_ms, const char *target_cmd, int target_pid);
/* ends a running stapvm_kernel_run as SIGINT/SIGTERM/SIGHUP would; async-signal-safe. The loader installs
 * no signal handlers itself: its host (stapvm-run, the JVM) forwards signals with this. */
void stapvm_kernel_signal(int signo);
#endif
