/* runner.c: the userspace runtime's session (stapvm_run.h): SystemTap's phases around one poll()
 * loop. begin probes; then the target is released and timers armed; the loop runs timer probes
 * until exit(), a signal, -T, or the target's end; then end probes (or, after too many errors,
 * error probes), the closing warning, and stap's exit code. Everything runs on the caller's
 * thread, so handlers never overlap and need no locks. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "../vm/stapvm.h"
#include "run_comm.h"
#include "run_daemon.h"
#include "run_output.h"
#include "run_stdin.h"
#include "run_target.h"
#include "run_timers.h"
#include "stapvm_run.h"
#include "uprobes.h"

#define MAX_TIMERS 256

struct stapvm_runner {
	stapvm_module *mod;
	stapvm_session *session;
	struct run_output out;
	struct run_target target;
	char *command;                  /* -c */
	pid_t attach_pid;               /* -x */
	int64_t timeout_ms;             /* -T */
	int wake_fd;                    /* eventfd: stapvm_runner_signal() wakes the loop */
	volatile sig_atomic_t signalled;
	struct run_timer timers[MAX_TIMERS];
	int ntimers;
	struct run_stdin in;            /* input.char / input.line */
	enum bp_mode mode;              /* --breakpoint */
	struct svm_uprobes *uprobes;    /* process(...) probes on the ptrace engine; NULL without */
	struct sigaction old_sigchld;
	int released;                  /* the target was let run (the begin probes did not end the session) */
};

/* SIGCHLD (a traced task stopped or ended) wakes the loop through the runner's eventfd: the
 * engine is then serviced on the runner's thread, the one ptrace requires */
static int sigchld_wake_fd = -1;

static void on_sigchld(int signo)
{
	uint64_t one = 1;
	(void)signo;
	if (write(sigchld_wake_fd, &one, sizeof one) < 0) {
		/* saturated: the loop is already woken */
	}
}

/* which probe points the userspace runtime runs (probes.def's PR_USER; process kinds: uprobes.c), and why not the others */
static int check_probes(stapvm_runner *r, char *err, size_t errlen)
{
	for (int i = 0; i < stapvm_probe_count(r->mod); i++) {
		struct stapvm_probe_point pt;
		struct run_timer t;
		stapvm_probe_point(r->mod, i, &pt);
		int input = 0;
		if (!(svm_probe_kinds[pt.kind].runtimes & PR_USER)) {
			int kernel = svm_probe_kinds[pt.kind].runtimes & PR_KERNEL;
			snprintf(err, errlen, "probe point '%s' is not available on the userspace runtime%s", pt.pp,
				 kernel ? ": it needs the kernel runtime (the stapvm.ko module, /dev/stapvm)" : "");
			return -1;
		}
		if ((input = run_stdin_add(&r->in, &pt, i)) != 0) {
			if (input > 0)
				continue;
			snprintf(err, errlen, "too many input probes (at most %d)", RUN_STDIN_MAX_PROBES);
			return -1;
		}
		if (!run_timer_from(&pt, &t))
			continue;
		if (r->ntimers == MAX_TIMERS) {
			snprintf(err, errlen, "too many timer probes (at most %d)", MAX_TIMERS);
			return -1;
		}
		t.probe = i;
		r->timers[r->ntimers++] = t;
	}
	return 0;
}

stapvm_runner *stapvm_runner_new(const uint8_t *bytes, size_t len, char *err, size_t errlen)
{
	stapvm_runner *r = calloc(1, sizeof *r);
	if (!r) {
		snprintf(err, errlen, "out of memory");
		return 0;
	}
	r->mode = BP_AUTO;
	run_output_init(&r->out);
	run_target_init(&r->target);
	run_stdin_init(&r->in);
	r->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (r->wake_fd < 0) {
		snprintf(err, errlen, "eventfd: %s", strerror(errno));
		free(r);
		return 0;
	}
	if (!(r->mod = stapvm_load(bytes, len, err, errlen)) || check_probes(r, err, errlen) ||
	    !(r->session = stapvm_session_new(r->mod, err, errlen))) {
		stapvm_runner_free(r);
		return 0;
	}
	stapvm_set_output(r->session, run_output_write, &r->out);
	err[0] = 0;
	if (!(r->uprobes = svm_uprobes_new(r->session, r->mod, r->mode, err, errlen)) && err[0]) {
		stapvm_runner_free(r);
		return 0;
	}
	return r;
}

void stapvm_runner_free(stapvm_runner *r)
{
	if (!r)
		return;
	run_output_close(&r->out);
	if (r->uprobes)
		svm_uprobes_free(r->uprobes);
	stapvm_session_free(r->session);
	stapvm_module_free(r->mod);
	free(r->command);
	close(r->wake_fd);
	free(r);
}

int stapvm_runner_set_output_file(stapvm_runner *r, const char *path, char *err, size_t errlen)
{
	return run_output_open(&r->out, path, 0, 0, err, errlen);
}

int stapvm_runner_set_output_files(stapvm_runner *r, const char *path, uint64_t size_mb, int num_max, char *err, size_t errlen)
{
	return run_output_open(&r->out, path, size_mb, num_max, err, errlen);
}

void stapvm_runner_set_json(stapvm_runner *r) { run_output_set_json(&r->out); }

int stapvm_runner_daemonize(stapvm_runner *r, char *err, size_t errlen)
{
	if (run_daemonize(err, errlen) < 0)
		return -1;
	r->out.to_syslog = 1;
	return 0;
}

void stapvm_runner_set_timeout_ms(stapvm_runner *r, int64_t ms) { r->timeout_ms = ms > 0 ? ms : 0; }

void stapvm_runner_set_target_command(stapvm_runner *r, const char *cmd)
{
	free(r->command);
	r->command = cmd ? strdup(cmd) : 0;
}

void stapvm_runner_set_target_pid(stapvm_runner *r, int pid) { r->attach_pid = pid; }

int stapvm_runner_set_breakpoint_mode(stapvm_runner *r, const char *name)
{
	int mode = svm_uprobes_mode(name);
	if (mode < 0)
		return -1;
	r->mode = (enum bp_mode)mode;
	if (r->uprobes)
		svm_uprobes_set_mode(r->uprobes, r->mode);
	return 0;
}

void stapvm_runner_signal(stapvm_runner *r, int signo)
{
	uint64_t one = 1;
	r->signalled = signo;
	/* async-signal-safe: only a write to the eventfd */
	if (write(r->wake_fd, &one, sizeof one) < 0) {
		/* the counter is saturated: the loop is already woken */
	}
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int done(stapvm_runner *r, int64_t deadline)
{
	return stapvm_exit_requested(r->session) || r->signalled || r->target.ended ||
	       (deadline && now_ms() >= deadline);
}

/* the loop between the begin and end probes */
static void event_loop(stapvm_runner *r)
{
	struct pollfd fds[MAX_TIMERS + 3];
	int64_t deadline = r->timeout_ms ? now_ms() + r->timeout_ms : 0;
	int nfds = 0, target_at = -1, stdin_at;

	fds[nfds++] = (struct pollfd){ .fd = r->wake_fd, .events = POLLIN };
	run_stdin_start(&r->in);
	stdin_at = nfds;
	fds[nfds++] = (struct pollfd){ .fd = r->in.fd, .events = POLLIN };   /* -1 (ignored) without input probes */
	if (r->target.pidfd >= 0) {
		target_at = nfds;
		fds[nfds++] = (struct pollfd){ .fd = r->target.pidfd, .events = POLLIN };
	}
	int timers_at = nfds;
	for (int i = 0; i < r->ntimers; i++) {
		if (run_timer_start(&r->timers[i]) < 0) {
			fprintf(stderr, "ERROR: cannot arm timer probe %d: %s\n", r->timers[i].probe, strerror(errno));
			return;
		}
		fds[nfds++] = (struct pollfd){ .fd = r->timers[i].fd, .events = POLLIN };
	}
	while (!done(r, deadline)) {
		int wait = deadline ? (int)(deadline - now_ms()) : -1;
		run_output_flush(&r->out);
		if (poll(fds, (nfds_t)nfds, wait < 0 && deadline ? 0 : wait) < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "ERROR: poll: %s\n", strerror(errno));
			return;
		}
		if (fds[0].revents & POLLIN) {
			uint64_t n;
			if (read(r->wake_fd, &n, sizeof n) < 0) {
				/* drained by an earlier read */
			}
		}
		if (r->uprobes && !r->target.ended && svm_uprobes_service(r->uprobes, 0) != 1)
			r->target.ended = 1;   /* every traced task ended or was detached */
		for (int i = 0; i < r->ntimers && !stapvm_exit_requested(r->session); i++)
			if ((fds[timers_at + i].revents & POLLIN) && run_timer_fired(&r->timers[i]))
				stapvm_run_probe(r->session, r->timers[i].probe);
		if (target_at >= 0 && (fds[target_at].revents & POLLIN))
			run_target_reap(&r->target);
		if (fds[stdin_at].fd >= 0 && (fds[stdin_at].revents & (POLLIN | POLLHUP | POLLERR)) && !stapvm_exit_requested(r->session)) {
			run_stdin_ready(&r->in, r->session);
			fds[stdin_at].fd = r->in.fd;   /* -1 after EOF: no more polling */
		}
	}
	run_stdin_finish(&r->in);
}

/* -c / -x: under the ptrace engine when the module has process probes, else held/watched */
static int start_target(stapvm_runner *r)
{
	char err[512], **argv = 0;
	int rc = 0, shell = 0;
	if (r->command && run_target_words(r->command, &argv, &shell, err, sizeof err) < 0) {
		fprintf(stderr, "ERROR: %s\n", err);
		return -1;
	}
	/* the engine probes one image: under sh -c the probes would sit in the shell and never fire */
	if (r->uprobes && shell) {
		fprintf(stderr, "ERROR: -c '%s' has shell operators, so it would run under /bin/sh, where process "
			"probes on the userspace runtime never fire: run the program itself, or use --runtime=kernel\n", r->command);
		run_target_words_free(argv);
		return -1;
	}
	if (r->uprobes) {
		if (argv ? svm_uprobes_spawn(r->uprobes, argv, -1) : r->attach_pid ? svm_uprobes_attach(r->uprobes, r->attach_pid) : 0) {
			const char *why = svm_uprobes_error(r->uprobes);
			fprintf(stderr, "ERROR: cannot trace %s: %s\n", argv ? argv[0] : "the -x process", *why ? why : strerror(errno));
			rc = -1;
		}
		r->target.pid = svm_uprobes_pid(r->uprobes);
	} else if (argv) {
		rc = run_target_spawn(&r->target, argv, err, sizeof err);
		if (rc < 0)
			fprintf(stderr, "ERROR: %s\n", err);
	} else if (r->attach_pid) {
		run_target_attach(&r->target, r->attach_pid);
	}
	run_target_words_free(argv);
	return rc;
}

/* lets the target run once the begin probes are done */
static void release_target(stapvm_runner *r)
{
	struct sigaction sa = { .sa_handler = on_sigchld, .sa_flags = SA_RESTART };
	if (!r->uprobes) {
		run_target_release(&r->target);
		return;
	}
	r->released = 1;
	sigchld_wake_fd = r->wake_fd;
	sigaction(SIGCHLD, &sa, &r->old_sigchld);
	if (svm_uprobes_start(r->uprobes) < 0)
		r->target.ended = 1;
}

/* every breakpoint out and every task detached, whatever ended the run */
static void finish_target(stapvm_runner *r)
{
	if (r->uprobes) {
		/* a begin probe ended the session before the target ran: a -c command leaves without running, as
		 * a held one does; a -x process is let go (its stops were all seen: the detach waits for new ones) */
		if (!r->released && !r->target.ended && r->command && r->target.pid > 0) {
			kill(r->target.pid, SIGKILL);
			while (waitpid(r->target.pid, 0, __WALL) < 0 && errno == EINTR)
				;
			r->target.ended = 1;
		} else if (!r->released && !r->target.ended) {
			svm_uprobes_resume(r->uprobes);
		}
		if (!r->target.ended)
			svm_uprobes_detach(r->uprobes);
		if (sigchld_wake_fd >= 0) {
			sigaction(SIGCHLD, &r->old_sigchld, 0);
			sigchld_wake_fd = -1;
		}
		if (svm_uprobes_failed(r->uprobes))
			fprintf(stderr, "WARNING: %d process probes could not be placed\n", svm_uprobes_failed(r->uprobes));
		if (svm_uprobes_step_unguarded(r->uprobes))
			fprintf(stderr, "WARNING: %llu probe hits were replayed by single-step while other threads of the process ran: "
				"their hits at the same address during each step were not seen (--breakpoint=xol, emulate or auto avoid it)\n",
				svm_uprobes_step_unguarded(r->uprobes));
		return;
	}
	run_target_finish(&r->target);
}

int stapvm_runner_run(stapvm_runner *r)
{
	int errors;
	uint64_t lost;
	char name[RUN_COMM_LEN];

	if (start_target(r) < 0)
		return 1;
	run_comm_enter(name);
	stapvm_set_target(r->session, r->target.pid);

	/* SystemTap's order: begin probes until one calls exit() or errors abort the session */
	if (stapvm_run_phase(r->session, SVM_PROBE_BEGIN, 1) == 0) {
		if (!stapvm_exit_requested(r->session)) {
			run_output_flush(&r->out);   /* begin's output before anything the command prints */
			release_target(r);
			event_loop(r);
		}
		for (int i = 0; i < r->ntimers; i++)
			run_timer_stop(&r->timers[i]);
		finish_target(r);
		stapvm_run_phase(r->session, SVM_PROBE_END, 0);
	} else {
		finish_target(r);
	}
	if (stapvm_aborted(r->session))
		stapvm_run_phase(r->session, SVM_PROBE_ERROR, 0);
	stapvm_timing_report(r->session);
	run_output_close(&r->out);

	errors = stapvm_error_count(r->session);
	if (errors)
		fprintf(stderr, "WARNING: Number of errors: %d, skipped probes: 0\n", errors);
	lost = r->out.lost + stapvm_output_dropped(r->session);
	if (lost)
		fprintf(stderr, "WARNING: %llu bytes of output were lost (%s)\n", (unsigned long long)lost,
			strerror(r->out.lost_errno ? r->out.lost_errno : ENOBUFS));
	run_comm_leave(name);
	return (errors && !stapvm_suppresses_errors(r->mod)) || lost ? 1 : 0;
}
