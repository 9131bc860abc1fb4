/* kernel_run.c: drives one /dev/stapvm session (see kernel_run.h): load, start, relay records, stop, report. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include "kernel_run.h"
#include "run_comm.h"
#include "run_daemon.h"
#include "run_output.h"
#include "run_system.h"
#include "run_target.h"
#include "uprobes.h"
#include "../kmod/stapvm_ioctl.h"
#include "../vm/modsig.h"

#define KRUN_BUF (1u << 20)

static volatile sig_atomic_t stop_signal;

void stapvm_kernel_signal(int signo) { stop_signal = signo; }

int stapvm_kernel_available(void) { return access(STAPVM_DEVICE, F_OK) == 0; }

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* -c: the command held by run_target (staprun's word splitting, sh -c for shell syntax) until begin ran */
static int spawn_held(const char *cmd, struct run_target *t)
{
	char err[512], **argv = NULL;
	int rc = run_target_words(cmd, &argv, NULL, err, sizeof err);
	if (rc == 0) rc = run_target_spawn(t, argv, err, sizeof err);
	if (rc) fprintf(stderr, "ERROR: %s\n", err);
	run_target_words_free(argv);
	return rc;
}

#define RELAY_ERROR 1         /* an error record began with "ERROR:" */
#define RELAY_OUT_CLOSED 2    /* the output is a pipe its reader closed (| head -3) */

/* hands every record in buf[0..n) to the run's output (run_output.h: stream 0 to stdout or the -o files,
 * stream 1 to stderr, system() commands started once the output read with them is written, the rest
 * of their handler's, as stap); RELAY_* bits: an "ERROR:" record makes the run fail, as staprun (e.g.
 * too many skipped probes); a closed output ends it, as SIGPIPE ends stapio */
static int relay(const char *buf, size_t n, struct run_output *out)
{
	size_t off = 0;
	int error = 0;
	while (off + sizeof(struct stapvm_rec) <= n) {
		struct stapvm_rec r;
		memcpy(&r, buf + off, sizeof r);
		off += sizeof r;
		if (r.len > n - off) break;
		run_output_write(out, r.stream, buf + off, r.len);
		if (r.stream == 1 && r.len >= 6 && !memcmp(buf + off, "ERROR:", 6)) error |= RELAY_ERROR;
		off += r.len;
	}
	run_output_flush(out);
	if (out->lost && out->lost_errno == EPIPE) error |= RELAY_OUT_CLOSED;
	return error;
}

/* hands stapvm.ko the file offset of every process(...).function/.statement/.mark probe (and a mark's
 * semaphore's); one that cannot be
 * resolved is a warning (as a probe stap cannot place) and stays unplaced. 0, or -1 on a failed ioctl. */
static int give_uprobe_offsets(int fd, const stapvm_module *m)
{
	char err[512];
	struct up_resolver r = { 0 };
	int rc = 0;
	for (int i = 0; rc == 0 && i < stapvm_probe_count(m); i++) {
		struct stapvm_probe_point pt;
		uint64_t off, sem;
		int found;
		if (stapvm_probe_point(m, i, &pt)) continue;
		found = svm_uprobe_offset(&r, &pt, &off, &sem, err, sizeof err);
		if (found < 0)
			fprintf(stderr, "WARNING: cannot place probe %s: %s\n", pt.pp, err);
		else if (found && ioctl(fd, STAPVM_IOC_UPROBE, &(struct stapvm_ioc_uprobe){ .probe = (uint32_t)i, .offset = off, .semaphore = sem })) {
			fprintf(stderr, "ERROR: stapvm.ko refused the uprobe for %s: %s\n", pt.pp, strerror(errno));
			rc = -1;
		}
	}
	svm_uprobe_resolver_close(&r);
	return rc;
}

/* one reason to end the session, checked between reads */
static int should_stop(const struct krun_opts *o, int64_t deadline, pid_t child, int *child_status)
{
	if (stop_signal) return 1;
	if (deadline && now_ms() >= deadline) return 1;
	if (child > 0 && waitpid(child, child_status, WNOHANG) == child) return 2;
	if (o->target_pid > 0 && kill(o->target_pid, 0) && errno == ESRCH) return 1;
	return 0;
}

/* a signed file's module bytes end where its signature starts (vm/modsig.h) */
static size_t module_bytes(const uint8_t *file, size_t n)
{
	struct svm_modsig sig;
	svm_modsig_split(file, n, &sig);
	return sig.module_len;
}

static int run_session(int fd, const uint8_t *bytes, size_t len, const struct krun_opts *o, struct run_output *out)
{
	char err[1024] = "";
	struct stapvm_ioc_load l = { (uintptr_t)bytes, len, (uintptr_t)err, sizeof err, o->target_pid };
	struct stapvm_ioc_status st;
	int child_status = 0, stopped = 0, rc = 0;
	struct run_target t;
	pid_t child;
	int64_t deadline = o->timeout_ms > 0 ? now_ms() + o->timeout_ms : 0;
	char lerr[256];
	/* decoded here too for what the loader needs of it (uprobe offsets, its flags); stapvm.ko
	 * checks the bytes itself, so a module this fails on is the kernel's to reject */
	stapvm_module *m = stapvm_load(bytes, module_bytes(bytes, len), lerr, sizeof lerr);
	char *buf = malloc(KRUN_BUF);
	if (!buf) { fprintf(stderr, "ERROR: out of memory\n"); stapvm_module_free(m); return 1; }
	run_target_init(&t);
	if (o->target_cmd && spawn_held(o->target_cmd, &t)) {
		free(buf);
		stapvm_module_free(m);
		return 1;
	}
	child = t.pid;
	if (child > 0) l.target = child;
	if (ioctl(fd, STAPVM_IOC_LOAD, &l)) {
		if (errno == EINVAL) fprintf(stderr, "ERROR: stapvm.ko rejected the module: %s\n", err);
		else fprintf(stderr, "ERROR: stapvm.ko could not load the module: %s\n", strerror(errno));
		rc = 1;
		goto out;
	}
	if (m && give_uprobe_offsets(fd, m)) {
		rc = 1;
		goto out;
	}
	if (o->verbose) fprintf(stderr, "Pass 5: starting run.\n");
	if (ioctl(fd, STAPVM_IOC_START)) {
		fprintf(stderr, "ERROR: stapvm.ko could not start the session: %s\n", strerror(errno));
		rc = 1;
	} else if (o->daemon && run_daemonize(lerr, sizeof lerr) < 0) {
		fprintf(stderr, "ERROR: %s\n", lerr);
		ioctl(fd, STAPVM_IOC_STOP);
		rc = 1;
	} else {
		if (o->daemon) out->to_syslog = 1;
		run_target_release(&t);
		for (;;) {
			struct pollfd p = { fd, POLLIN, 0 };
			ssize_t n;
			if (!stopped && should_stop(o, deadline, child, &child_status)) {
				if (child > 0 && !WIFEXITED(child_status) && !WIFSIGNALED(child_status)) child_status = 0;
				ioctl(fd, STAPVM_IOC_STOP);
				stopped = 1;
			}
			/* read at every wakeup, data or not, as stapio reads its channels: a probe on a function
			 * the loader calls (vfs_read, ksys_read...) then fires in the loader too, so exit() in it
			 * ends the session even when nothing else on the machine calls that function */
			poll(&p, 1, 100);
			n = read(fd, buf, KRUN_BUF);
			if (n == 0) break;   /* the session ended and all its output was read */
			if (n < 0) {
				if (errno == EINTR || errno == EAGAIN) continue;
				fprintf(stderr, "ERROR: reading /dev/stapvm: %s\n", strerror(errno));
				rc = 1;
				break;
			}
			n = relay(buf, (size_t)n, out);
			if (n & RELAY_ERROR) rc = 1;
			if ((n & RELAY_OUT_CLOSED) && !stopped) {
				ioctl(fd, STAPVM_IOC_STOP);
				stopped = 1;
			}
		}
	}
	if (o->verbose) fprintf(stderr, "Pass 5: run completed.\n");
	if (ioctl(fd, STAPVM_IOC_STATUS, &st) == 0) {
		unsigned long long skipped = st.skipped + st.missed;
		if (st.lost_bytes) fprintf(stderr, "WARNING: %llu bytes of output were lost (the session's buffer was full)\n", (unsigned long long)st.lost_bytes);
		if (st.errors || skipped) fprintf(stderr, "WARNING: Number of errors: %u, skipped probes: %llu\n", st.errors, skipped);
		/* a module built with --suppress-handler-errors: its errors do not fail the run */
		if (st.errors && !(m && stapvm_suppresses_errors(m))) rc = 1;
	}
out:
	/* a held command that never started exits; one that runs is waited for (its pidfd is not used) */
	if (t.hold_fd >= 0) run_target_finish(&t);
	else if (child > 0) waitpid(child, &child_status, 0);
	if (t.pidfd >= 0) close(t.pidfd);
	stapvm_module_free(m);
	free(buf);
	return rc;
}

int stapvm_kernel_run(const uint8_t *bytes, size_t len, const struct krun_opts *o)
{
	const char *dev = o->device ? o->device : STAPVM_DEVICE;
	struct run_output *out = malloc(sizeof *out);
	char err[PATH_MAX + 128];
	char name[RUN_COMM_LEN];
	int fd, rc;
	stop_signal = 0;
	if (!out) { fprintf(stderr, "ERROR: out of memory\n"); return 1; }
	run_output_init(out);
	if ((fd = open(dev, O_RDWR | O_CLOEXEC | O_NONBLOCK)) < 0) {
		fprintf(stderr, "ERROR: cannot open %s: %s%s\n", dev, strerror(errno),
			errno == ENOENT ? " (load stapvm.ko, or use --runtime=user)"
			: errno == EACCES ? " (root and the device's group, stapusr, may open it; or use --runtime=user)" : "");
		free(out);
		return 1;
	}
	if (o->output_file && run_output_open(out, o->output_file, o->size_mb, o->num_max, err, sizeof err) < 0) {
		fprintf(stderr, "ERROR: %s\n", err);
		close(fd);
		free(out);
		return 1;
	}
	if (o->json) run_output_set_json(out);
	run_comm_enter(name);
	rc = run_session(fd, bytes, len, o, out);
	run_comm_leave(name);
	run_output_close(out);
	if (out->lost && out->lost_errno != EPIPE) {
		fprintf(stderr, "WARNING: %llu bytes of output were lost (%s)\n", (unsigned long long)out->lost, strerror(out->lost_errno));
		rc = 1;
	}
	free(out);
	close(fd);
	return rc;
}

int stapvm_kernel_run_args(const uint8_t *bytes, size_t len, const char *output_file, int64_t timeout_ms,
			   const char *target_cmd, int target_pid)
{
	struct krun_opts o = { .output_file = output_file, .timeout_ms = timeout_ms, .target_cmd = target_cmd, .target_pid = target_pid };
	return stapvm_kernel_run(bytes, len, &o);
}

int stapvm_kernel_run_output(const uint8_t *bytes, size_t len, const char *output_file, uint64_t size_mb, int num_max,
			     int json, int64_t timeout_ms, const char *target_cmd, int target_pid)
{
	struct krun_opts o = { .output_file = output_file, .size_mb = size_mb, .num_max = num_max, .json = json,
			       .timeout_ms = timeout_ms, .target_cmd = target_cmd, .target_pid = target_pid };
	return stapvm_kernel_run(bytes, len, &o);
}
