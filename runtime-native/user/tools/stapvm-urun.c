/* stapvm-urun.c: test driver for process() probes until the runner hosts them: begin probes, the command under the engine (or -x PID), end probes. */
#define _GNU_SOURCE
#include "../uprobes.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t interrupted;
static void on_signal(int sig) { (void)sig; interrupted = 1; }

static void out(void *arg, int stream, const char *data, size_t len)
{
	(void)arg;
	fflush(stdout);
	if (write(stream ? 2 : 1, data, len) < 0) return;
}

static uint8_t bytes[1 << 24];

int main(int argc, char **argv)
{
	char err[512];
	int mode = BP_AUTO, argi = 2, rc;
	pid_t pid = 0;
	size_t n;
	FILE *f;
	stapvm_module *mod;
	stapvm_session *s;
	struct svm_uprobes *u;

	if (argc < 3) {
		fprintf(stderr, "usage: stapvm-urun MODULE [--breakpoint=emulate|xol|step|auto] (-x PID | -- CMD ARGS...)\n");
		return 2;
	}
	for (; argi < argc && strcmp(argv[argi], "--"); argi++) {
		if (strncmp(argv[argi], "--breakpoint=", 13) == 0 && (mode = svm_uprobes_mode(argv[argi] + 13)) < 0) {
			fprintf(stderr, "stapvm-urun: bad --breakpoint\n");
			return 2;
		}
		if (strcmp(argv[argi], "-x") == 0 && argi + 1 < argc) pid = atoi(argv[++argi]);
	}
	if (!(f = fopen(argv[1], "rb"))) { perror(argv[1]); return 2; }
	n = fread(bytes, 1, sizeof bytes, f);
	fclose(f);
	if (!(mod = stapvm_load(bytes, n, err, sizeof err)) || !(s = stapvm_session_new(mod, err, sizeof err))) {
		fprintf(stderr, "stapvm-urun: %s\n", err);
		return 2;
	}
	stapvm_set_output(s, out, NULL);
	if (!(u = svm_uprobes_new(s, mod, (enum bp_mode)mode, err, sizeof err))) {
		fprintf(stderr, "stapvm-urun: %s\n", err[0] ? err : "no process probes");
		return 2;
	}
	{
		/* no SA_RESTART: a signal ends the blocking waitpid, so SIGINT is seen at once */
		struct sigaction sa = { .sa_handler = on_signal };
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
	}
	if (pid ? svm_uprobes_attach(u, pid) : svm_uprobes_spawn(u, argv + argi + 1, -1)) {
		perror("stapvm-urun: ptrace");
		return 2;
	}
	stapvm_set_target(s, svm_uprobes_pid(u));
	stapvm_run_named(s, "begin");
	svm_uprobes_start(u);
	while ((rc = svm_uprobes_service(u, 1)) == 1 && !interrupted && !stapvm_exit_requested(s))
		;
	if (rc == 1) svm_uprobes_detach(u);
	stapvm_run_named(s, "end");
	if (svm_uprobes_failed(u)) fprintf(stderr, "WARNING: %d process probes could not be placed\n", svm_uprobes_failed(u));
	rc = stapvm_error_count(s) ? 1 : 0;
	svm_uprobes_free(u);
	stapvm_session_free(s);
	stapvm_module_free(mod);
	return rc;
}
