/* stapvm-run: the native loader for production machines (no JVM): runs a verified module file
 * written by `stapvm -p4 -m NAME` with the options stap gives a run. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "java_arm.h"
#include "kernel_run.h"
#include "../vm/stapvm.h"
#include "stapvm_run.h"
#include "trust.h"

#define MAX_MODULE (64u << 20)

static stapvm_runner *running;

static const int ending_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM,
				      SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGPWR };

/* those signals end the run on whichever runtime has it */
static void forward(int signo)
{
	if (running)
		stapvm_runner_signal(running, signo);
	stapvm_kernel_signal(signo);
}

static void usage(FILE *f)
{
	fprintf(f, "Usage: stapvm-run [-o FILE [-S SIZE[,N]] [-F]] [-T SECONDS] [-c CMD | -x PID] [--format=text|json]\n"
		   "                  [--runtime=kernel|user] [--breakpoint=emulate|xol|step|auto] [--trust DIR]\n"
		   "                  [--require-signed] MODULE.stpb\n"
		   "-o FILE         Send output to FILE. This supports strftime(3) formats for FILE.\n"
		   "-S size[,N]     Switches output file to next file (FILE.0, FILE.1, ...) when the size\n"
		   "                of file reaches the specified size in MB; keeps at most N files.\n"
		   "-F              With -o: run in the background as a daemon and show its pid.\n"
		   "--format=json   Every line of output as a JSON record (docs/json-output.md).\n");
}

/* reads the whole module file; NULL with a message printed */
static uint8_t *read_module(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	if (!f) {
		fprintf(stderr, "ERROR: cannot open module %s: %s\n", path, strerror(errno));
		return 0;
	}
	buf = malloc(MAX_MODULE);
	*len = buf ? fread(buf, 1, MAX_MODULE, f) : 0;
	if (buf && (ferror(f) || !feof(f))) {
		fprintf(stderr, "ERROR: cannot read module %s: %s\n", path, ferror(f) ? strerror(errno) : "larger than 64 MiB");
		free(buf);
		buf = 0;
	}
	fclose(f);
	return buf;
}

/* a module refused for its signature: the reason, then why, and a failing exit */
static int refuse(const char *path, enum svm_sig_verdict v, const char *why)
{
	fprintf(stderr, "ERROR: module %s rejected: %s: %s\n", path, svm_sig_verdict_name(v), why);
	return 1;
}

/*
 * The userspace runtime's signature rule: a signed module is checked against the trust directory
 * when one is named or the default exists, and runs only if the check passes; an unsigned module
 * runs unless --require-signed. 0 with the module's own length in *module_len, else 1 (told).
 */
static __attribute__((noinline)) int check_signature(const char *path, const uint8_t *file, size_t n, const char *trust_dir,
			   int require_signed, size_t *module_len)
{
	struct svm_modsig sig;
	struct svm_trust *t;
	struct stat st;
	enum svm_sig_verdict v = svm_modsig_split(file, n, &sig);
	char why[768];
	*module_len = sig.module_len;
	if (v == SVM_SIG_CORRUPT)
		return refuse(path, v, sig.why);
	if (v == SVM_SIG_UNSIGNED)
		return require_signed ? refuse(path, v, "--require-signed and the module carries no signature (stapvm --sign)") : 0;
	if (!trust_dir && !require_signed && stat(STAPVM_TRUST_DIR, &st) != 0)
		return 0;   /* no trust set up: the signature is not checked (as a kernel without sig_enforce) */
	if (!(t = svm_trust_open(trust_dir ? trust_dir : STAPVM_TRUST_DIR, why, sizeof why))) {
		fprintf(stderr, "ERROR: %s\n", why);
		return 1;
	}
	v = svm_trust_verify(t, file, n, module_len, why, sizeof why);
	svm_trust_free(t);
	return v == SVM_SIG_OK ? 0 : refuse(path, v, why);
}

/* a copy of the module's java section (java() probes), or *text NULL without one; -1 after a message */
static int java_section(const uint8_t *bytes, size_t len, char **text, size_t *n)
{
	char err[512];
	uint32_t l, off;
	stapvm_module *m = stapvm_load(bytes, len, err, sizeof err);
	*text = 0;
	*n = 0;
	if (!m)
		return 0;   /* the runtime rejects it with its own message */
	off = stapvm_java_request(m, &l);
	stapvm_module_free(m);
	if (!l)
		return 0;
	if (!(*text = malloc(l))) {
		fprintf(stderr, "ERROR: out of memory\n");
		return -1;
	}
	memcpy(*text, bytes + off, l);
	*n = l;
	return 0;
}

/* java() probes: the -x JVM's agent armed before the probes are placed; 1 after a message */
static int arm(long pid, char *java, size_t len)
{
	char err[1024];
	if (java && svm_java_arm((pid_t)pid, java, len, err, sizeof err)) {
		fprintf(stderr, "ERROR: %s\n", err);
		return 1;
	}
	return 0;
}

/* after the run: the JVM gets its original classes back (the agent disarms by itself too, once this
 * loader has exited); rc stays the run's */
static int disarm(long pid, char *java, size_t len, int rc)
{
	char err[1024];
	if (java && svm_java_disarm((pid_t)pid, java, len, err, sizeof err))
		fprintf(stderr, "WARNING: %s (the agent disarms by itself once stapvm-run has exited)\n", err);
	free(java);
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "breakpoint", required_argument, 0, 'b' }, { "runtime", required_argument, 0, 'r' },
		{ "trust", required_argument, 0, 't' }, { "require-signed", no_argument, 0, 's' },
		{ "format", required_argument, 0, 'j' }, { "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 }
	};
	const char *out = 0, *cmd = 0, *breakpoint = 0, *runtime = 0, *trust_dir = 0;
	int require_signed = 0, daemon_mode = 0, json = 0;
	uint64_t size_mb = 0;
	int num_max = 0;
	size_t module_len;
	struct svm_modsig sig;
	double seconds = 0;
	long pid = 0;
	char err[1024], *end;
	int c, rc;
	size_t len;
	uint8_t *bytes;
	char *java = 0;
	size_t java_len = 0;
	struct sigaction sa;

	while ((c = getopt_long(argc, argv, "+o:T:c:x:S:Fh", longopts, 0)) != -1) {
		switch (c) {
		case 'o': out = optarg; break;
		case 'c': cmd = optarg; break;
		case 'T':
			/* stap's rule: a whole number of milliseconds, at least 1 (NaN fails the test too) */
			seconds = strtod(optarg, &end);
			if (*end || !(seconds * 1000 >= 1 && seconds <= 1e9)) {
				fprintf(stderr, "Invalid timeout interval.\n");
				return 1;
			}
			seconds = (double)(int64_t)(seconds * 1000) / 1000;
			break;
		case 'x':
			errno = 0;
			pid = strtol(optarg, &end, 10);
			if (*end || errno || pid <= 0 || pid > INT_MAX) {
				fprintf(stderr, "Invalid target process ID number.\n");
				return 1;
			}
			break;
		case 'S':
			/* staprun's reading: SIZE in MB, then ",N" */
			errno = 0;
			size_mb = strtoull(optarg, &end, 10);
			if (*end == ',')
				num_max = (int)strtoul(end + 1, &end, 10);
			if (*end || errno || size_mb > (UINT64_MAX >> 20) || num_max < 0) {
				fprintf(stderr, "Invalid file size option '%s'.\n", optarg);
				usage(stderr);
				return 1;
			}
			break;
		case 'F': daemon_mode = 1; break;
		case 'j':
			if (strcmp(optarg, "json") && strcmp(optarg, "text")) {
				fprintf(stderr, "ERROR: invalid --format '%s' (text or json)\n", optarg);
				return 1;
			}
			json = !strcmp(optarg, "json");
			break;
		case 'b': breakpoint = optarg; break;
		case 'r': runtime = optarg; break;
		case 't': trust_dir = optarg; break;
		case 's': require_signed = 1; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 1;
		}
	}
	if (cmd && pid) {
		fprintf(stderr, "You can't specify -c and -x together.\n");
		return 1;
	}
	if (!out && size_mb) {
		fprintf(stderr, "You have to specify output FILE with '-S' option.\n");
		usage(stderr);
		return 1;
	}
	if (daemon_mode && cmd) {
		fprintf(stderr, "You can't specify the '-D' and '-c' options together.\n");
		usage(stderr);
		return 1;
	}
	if (daemon_mode && !out) {
		/* stap -F without -o leaves the module loaded for staprun -A; a stapvm session ends with its loader */
		fprintf(stderr, "ERROR: -F without -o is not available: stap keeps the output in the kernel's buffer for a later "
			"'staprun -A', but a stapvm session ends when its loader exits, on either runtime; use -F -o FILE\n");
		return 1;
	}
	if (optind < argc - 1 && argv[optind + 1][0] == '-') {
		/* getopt stops at the module name: what follows it is not read as options */
		fprintf(stderr, "stapvm-run: options go before the module: '%s' follows %s\n", argv[optind + 1], argv[optind]);
		usage(stderr);
		return 1;
	}
	if (optind != argc - 1) {
		usage(stderr);
		return 1;
	}
	if (!(bytes = read_module(argv[optind], &len)))
		return 1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = forward;
	/* every catchable signal that would kill the loader ends the run instead: end probes run and a
	 * traced process is detached with its original bytes back (SIGKILL: see bpguard.h) */
	for (size_t i = 0; i < sizeof ending_signals / sizeof *ending_signals; i++)
		sigaction(ending_signals[i], &sa, 0);
	signal(SIGPIPE, SIG_IGN);   /* a closed output pipe is counted as lost output, not a kill */
	/* a stopped tracer would freeze its tracee at the next hit: job-control stops are ignored */
	signal(SIGTSTP, SIG_IGN);
	signal(SIGTTIN, SIG_IGN);
	signal(SIGTTOU, SIG_IGN);

	/* a trailer that does not describe the file, or no signature where one is required, is refused on
	 * either runtime; the signature itself is stapvm.ko's to check on the kernel runtime */
	switch (svm_modsig_split(bytes, len, &sig)) {
	case SVM_SIG_CORRUPT:
		free(bytes);
		return refuse(argv[optind], SVM_SIG_CORRUPT, sig.why);
	case SVM_SIG_UNSIGNED:
		if (require_signed) {
			free(bytes);
			return refuse(argv[optind], SVM_SIG_UNSIGNED, "--require-signed and the module carries no signature (stapvm --sign)");
		}
		break;
	default:
		break;
	}
	if (java_section(bytes, sig.module_len, &java, &java_len)) {
		free(bytes);
		return 1;
	}
	if (java && !pid) {
		fprintf(stderr, "ERROR: java() probes attach to a running Java process: name it with -x PID\n");
		free(bytes);
		free(java);
		return 1;
	}
	switch (stapvm_pick_runtime(bytes, sig.module_len, runtime, err, sizeof err)) {
	case STAPVM_RUNTIME_KERNEL: {
		struct krun_opts o = { .output_file = out, .timeout_ms = (int64_t)(seconds * 1000 + 0.5), .target_cmd = cmd,
				       .target_pid = (int)pid, .size_mb = size_mb, .num_max = num_max, .json = json, .daemon = daemon_mode };
		if (arm(pid, java, java_len)) {
			free(bytes);
			free(java);
			return 1;
		}
		rc = stapvm_kernel_run(bytes, len, &o);
		free(bytes);
		return disarm(pid, java, java_len, rc);
	}
	case STAPVM_RUNTIME_USER:
		break;
	default:
		fprintf(stderr, "ERROR: %s\n", err);
		free(bytes);
		return disarm(pid, java, java_len, 1);
	}
	/* the agent is armed only for a module this runtime accepts */
	if (check_signature(argv[optind], bytes, len, trust_dir, require_signed, &module_len) || arm(pid, java, java_len)) {
		free(bytes);
		free(java);
		return 1;
	}
	running = stapvm_runner_new(bytes, module_len, err, sizeof err);
	free(bytes);
	if (!running) {
		fprintf(stderr, "ERROR: module %s rejected: %s\n", argv[optind], err);
		return disarm(pid, java, java_len, 1);
	}
	if (out && stapvm_runner_set_output_files(running, out, size_mb, num_max, err, sizeof err) < 0) {
		fprintf(stderr, "ERROR: %s\n", err);
		stapvm_runner_free(running);
		return 1;
	}
	if (breakpoint && stapvm_runner_set_breakpoint_mode(running, breakpoint) < 0) {
		fprintf(stderr, "ERROR: invalid --breakpoint '%s' (emulate, xol, step or auto)\n", breakpoint);
		stapvm_runner_free(running);
		return 1;
	}
	stapvm_runner_set_timeout_ms(running, (int64_t)(seconds * 1000 + 0.5));
	if (cmd)
		stapvm_runner_set_target_command(running, cmd);
	if (pid)
		stapvm_runner_set_target_pid(running, (int)pid);
	if (json)
		stapvm_runner_set_json(running);
	if (daemon_mode && stapvm_runner_daemonize(running, err, sizeof err) < 0) {
		fprintf(stderr, "ERROR: %s\n", err);
		stapvm_runner_free(running);
		return disarm(pid, java, java_len, 1);
	}

	rc = stapvm_runner_run(running);
	stapvm_runner_free(running);
	return disarm(pid, java, java_len, rc);
}
