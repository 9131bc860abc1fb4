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
#include <sys/utsname.h>
#include <unistd.h>
#include "bundle.h"
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
		   "       stapvm-run [OPTIONS] BUNDLE SCRIPT [OPTIONS]\n"
		   "       stapvm-run [--trust DIR] [--require-signed] --list BUNDLE\n"
		   "-o FILE         Send output to FILE. This supports strftime(3) formats for FILE.\n"
		   "-S size[,N]     Switches output file to next file (FILE.0, FILE.1, ...) when the size\n"
		   "                of file reaches the specified size in MB; keeps at most N files.\n"
		   "-F              With -o: run in the background as a daemon and show its pid.\n"
		   "--format=json   Every line of output as a JSON record (docs/json-output.md).\n"
		   "--list BUNDLE   Print a bundle's metadata and scripts (docs/bundles.md).\n");
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

/*
 * A user other than root (stap's stapusr) runs on the userspace runtime only modules compiled
 * --privilege=stapusr, and on either runtime only against their own processes (stapvm.ko also
 * checks both, and ptrace would refuse most others): 0, else 1 after the reason.
 */
static int check_user(const char *path, const uint8_t *bytes, size_t len, long pid, int user_runtime)
{
	char err[512], proc[64];
	struct stat st;
	uid_t uid = getuid();
	if (uid == 0 && geteuid() == 0)
		return 0;
	if (pid) {
		snprintf(proc, sizeof proc, "/proc/%ld", pid);
		if (stat(proc, &st) == 0 && st.st_uid != uid) {
			fprintf(stderr, "ERROR: process %ld belongs to uid %u: a user other than root may trace only their own processes\n",
				pid, (unsigned)st.st_uid);
			return 1;
		}
	}
	if (user_runtime) {
		stapvm_module *m = stapvm_load(bytes, len, err, sizeof err);
		int stapusr = m && stapvm_is_stapusr(m);
		if (m)
			stapvm_module_free(m);
		if (m && !stapusr) {
			fprintf(stderr, "ERROR: module %s rejected: privilege: a user other than root may run only modules compiled "
				"--privilege=stapusr (stapvm --privilege=stapusr -p4)\n", path);
			return 1;
		}
	}
	return 0;
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

/* what the command line asks for */
struct run_args {
	const char *out, *cmd, *breakpoint, *runtime, *trust_dir;
	int require_signed, daemon_mode, json, list;
	uint64_t size_mb;
	int num_max;
	double seconds;
	long pid;
};

/* reads options from argv[optind] on (getopt's state) into a; 0, or the exit status after a message
 * (-1: --help, printed: exit 0) */
static int parse_options(int argc, char **argv, struct run_args *a)
{
	static const struct option longopts[] = {
		{ "breakpoint", required_argument, 0, 'b' }, { "runtime", required_argument, 0, 'r' },
		{ "trust", required_argument, 0, 't' }, { "require-signed", no_argument, 0, 's' },
		{ "format", required_argument, 0, 'j' }, { "list", no_argument, 0, 'l' }, { "help", no_argument, 0, 'h' },
		{ 0, 0, 0, 0 }
	};
	char *end;
	int c;
	while ((c = getopt_long(argc, argv, "+o:T:c:x:S:Fh", longopts, 0)) != -1) {
		switch (c) {
		case 'o': a->out = optarg; break;
		case 'c': a->cmd = optarg; break;
		case 'T':
			/* stap's rule: a whole number of milliseconds, at least 1 (NaN fails the test too) */
			a->seconds = strtod(optarg, &end);
			if (*end || !(a->seconds * 1000 >= 1 && a->seconds <= 1e9)) {
				fprintf(stderr, "Invalid timeout interval.\n");
				return 1;
			}
			a->seconds = (double)(int64_t)(a->seconds * 1000) / 1000;
			break;
		case 'x':
			errno = 0;
			a->pid = strtol(optarg, &end, 10);
			if (*end || errno || a->pid <= 0 || a->pid > INT_MAX) {
				fprintf(stderr, "Invalid target process ID number.\n");
				return 1;
			}
			break;
		case 'S':
			/* staprun's reading: SIZE in MB, then ",N" */
			errno = 0;
			a->size_mb = strtoull(optarg, &end, 10);
			if (*end == ',')
				a->num_max = (int)strtoul(end + 1, &end, 10);
			if (*end || errno || a->size_mb > (UINT64_MAX >> 20) || a->num_max < 0) {
				fprintf(stderr, "Invalid file size option '%s'.\n", optarg);
				usage(stderr);
				return 1;
			}
			break;
		case 'F': a->daemon_mode = 1; break;
		case 'j':
			if (strcmp(optarg, "json") && strcmp(optarg, "text")) {
				fprintf(stderr, "ERROR: invalid --format '%s' (text or json)\n", optarg);
				return 1;
			}
			a->json = !strcmp(optarg, "json");
			break;
		case 'b': a->breakpoint = optarg; break;
		case 'r': a->runtime = optarg; break;
		case 't': a->trust_dir = optarg; break;
		case 's': a->require_signed = 1; break;
		case 'l': a->list = 1; break;
		case 'h': usage(stdout); return -1;
		default: usage(stderr); return 1;
		}
	}
	return 0;
}

/* the options that exclude each other; 0, or 1 after a message */
static int check_options(const struct run_args *a)
{
	if (a->cmd && a->pid) {
		fprintf(stderr, "You can't specify -c and -x together.\n");
		return 1;
	}
	if (!a->out && a->size_mb) {
		fprintf(stderr, "You have to specify output FILE with '-S' option.\n");
		usage(stderr);
		return 1;
	}
	if (a->daemon_mode && a->cmd) {
		fprintf(stderr, "You can't specify the '-D' and '-c' options together.\n");
		usage(stderr);
		return 1;
	}
	if (a->daemon_mode && !a->out) {
		/* stap -F without -o leaves the module loaded for staprun -A; a stapvm session ends with its loader */
		fprintf(stderr, "ERROR: -F without -o is not available: stap keeps the output in the kernel's buffer for a later "
			"'staprun -A', but a stapvm session ends when its loader exits, on either runtime; use -F -o FILE\n");
		return 1;
	}
	return 0;
}

/* the bundle's entry for script on this kernel: the one compiled for its release, else (no release
 * matches) the first, which only the userspace runtime can take; NULL after a message */
static __attribute__((noinline)) const struct svm_bundle_entry *pick_entry(const char *path, const struct svm_bundle *b, const char *script,
						  const char *runtime)
{
	const struct svm_bundle_entry *first = 0;
	struct utsname u;
	char releases[512] = "";
	size_t used = 0;
	uname(&u);
	for (unsigned i = 0; i < b->count; i++) {
		const struct svm_bundle_entry *e = &b->entries[i];
		if (e->script_len != strlen(script) || memcmp(e->script, script, e->script_len))
			continue;
		if (e->kernel_len == strlen(u.release) && !memcmp(e->kernel, u.release, e->kernel_len))
			return e;
		if (!first)
			first = e;
		if (used < sizeof releases)
			used += (size_t)snprintf(releases + used, sizeof releases - used, "%s%.*s", used ? ", " : "",
						 (int)e->kernel_len, e->kernel);
	}
	if (!first) {
		fprintf(stderr, "ERROR: bundle %s has no script '%s'; it has:", path, script);
		for (unsigned i = 0; i < b->count; i++)
			fprintf(stderr, "%s%.*s", i ? ", " : " ", (int)b->entries[i].script_len, b->entries[i].script);
		fprintf(stderr, "\n");
		return 0;
	}
	if ((runtime && !strcmp(runtime, "user")) || (!runtime && !stapvm_kernel_available()))
		return first;   /* the userspace runtime reads no kernel addresses: any release's module */
	fprintf(stderr, "ERROR: bundle %s's script '%s' was compiled for kernel %s; this kernel is %s (compile it with -r %s)\n",
		path, script, releases, u.release, u.release);
	return 0;
}

/* --list: the bundle's metadata, its signature's state and its scripts; the exit status */
static __attribute__((noinline)) int list_bundle(const char *path, const uint8_t *file, size_t n, const struct run_args *a)
{
	struct svm_modsig sig;
	struct svm_bundle b;
	char err[512];
	size_t signed_len;
	struct stat st;
	enum svm_sig_verdict v = svm_modsig_split(file, n, &sig);
	if (check_signature(path, file, n, a->trust_dir, a->require_signed, &signed_len))
		return 1;
	if (svm_bundle_parse(file, sig.module_len, &b, err, sizeof err)) {
		fprintf(stderr, "ERROR: %s: %s\n", path, err);
		return 1;
	}
	printf("%.*s", (int)b.meta_len, b.meta);
	if (v == SVM_SIG_UNSIGNED)
		printf("signature: none\n");
	else if (a->trust_dir || a->require_signed || stat(STAPVM_TRUST_DIR, &st) == 0)
		printf("signature: verified against %s\n", a->trust_dir ? a->trust_dir : STAPVM_TRUST_DIR);
	else
		printf("signature: present, not checked (no %s; --trust DIR)\n", STAPVM_TRUST_DIR);
	printf("scripts:\n");
	for (unsigned i = 0; i < b.count; i++) {
		const struct svm_bundle_entry *e = &b.entries[i];
		struct svm_modsig msig;
		printf("  %.*s  kernel %.*s  source sha256 ", (int)e->script_len, e->script, (int)e->kernel_len, e->kernel);
		for (int k = 0; k < 32; k++)
			printf("%02x", e->sha256[k]);
		printf("  %zu bytes, %s\n", e->module_len,
		       svm_modsig_split(e->module, e->module_len, &msig) == SVM_SIG_UNSIGNED ? "unsigned" : "signed");
	}
	svm_bundle_free(&b);
	return 0;
}

/*
 * A bundle's script: its module replaces the bundle in bytes/len. The bundle's own signature is
 * checked by the userspace rule first (so tampered metadata or entries are refused on either
 * runtime); the module then goes the way of any module file. 0, or 1 after a message.
 */
static __attribute__((noinline)) int open_bundle(const char *path, uint8_t *bytes, size_t *len, const char *script, const struct run_args *a)
{
	struct svm_modsig sig;
	struct svm_bundle b;
	const struct svm_bundle_entry *e;
	char err[512];
	size_t signed_len;
	if (check_signature(path, bytes, *len, a->trust_dir, a->require_signed, &signed_len))
		return 1;
	svm_modsig_split(bytes, *len, &sig);
	if (svm_bundle_parse(bytes, sig.module_len, &b, err, sizeof err)) {
		fprintf(stderr, "ERROR: %s: %s\n", path, err);
		return 1;
	}
	if (!(e = pick_entry(path, &b, script, a->runtime))) {
		svm_bundle_free(&b);
		return 1;
	}
	memmove(bytes, e->module, e->module_len);
	*len = e->module_len;
	svm_bundle_free(&b);
	return 0;
}

int main(int argc, char **argv)
{
	struct run_args a = { 0 };
	size_t module_len;
	struct svm_modsig sig;
	static char name[PATH_MAX + 256];   /* BUNDLE:SCRIPT, how messages name a bundle's module */
	char err[1024];
	const char *path, *script;
	int rc;
	size_t len;
	uint8_t *bytes;
	char *java = 0;
	size_t java_len = 0;
	struct sigaction sa;

	if ((rc = parse_options(argc, argv, &a)))
		return rc < 0 ? 0 : rc;
	if (optind >= argc) {
		usage(stderr);
		return 1;
	}
	path = argv[optind];
	if (!(bytes = read_module(path, &len)))
		return 1;
	if (a.list) {
		if (optind != argc - 1 || !svm_bundle_is(bytes, len)) {
			fprintf(stderr, optind != argc - 1 ? "stapvm-run: --list takes one bundle\n"
							   : "ERROR: %s is not a bundle (a module file: stapvm -p4; bundles: stapvm --bundle)\n", path);
			free(bytes);
			return 1;
		}
		rc = list_bundle(path, bytes, len, &a);
		free(bytes);
		return rc;
	}
	if (svm_bundle_is(bytes, len)) {
		/* BUNDLE SCRIPT, then the run's options may follow as well */
		if (optind + 1 >= argc) {
			fprintf(stderr, "stapvm-run: %s is a bundle: name one of its scripts (stapvm-run --list %s)\n", path, path);
			free(bytes);
			return 1;
		}
		script = argv[optind + 1];
		snprintf(name, sizeof name, "%s:%s", path, script);
		optind += 2;
		if ((rc = parse_options(argc, argv, &a)) || optind != argc) {
			if (!rc)
				fprintf(stderr, "stapvm-run: '%s' follows %s: a bundle's scripts are compiled with their arguments\n",
					argv[optind], name);
			free(bytes);
			return rc < 0 ? 0 : 1;
		}
		if (open_bundle(path, bytes, &len, script, &a)) {
			free(bytes);
			return 1;
		}
		path = name;
	} else if (optind < argc - 1) {
		/* getopt stops at the module name: what follows it is not read as options */
		fprintf(stderr, argv[optind + 1][0] == '-' ? "stapvm-run: options go before the module: '%s' follows %s\n"
							   : "stapvm-run: '%s' follows %s: a module takes no arguments (its script was compiled with them)\n",
			argv[optind + 1], path);
		usage(stderr);
		free(bytes);
		return 1;
	}
	if (check_options(&a)) {
		free(bytes);
		return 1;
	}
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
		return refuse(path, SVM_SIG_CORRUPT, sig.why);
	case SVM_SIG_UNSIGNED:
		if (a.require_signed) {
			free(bytes);
			return refuse(path, SVM_SIG_UNSIGNED, "--require-signed and the module carries no signature (stapvm --sign)");
		}
		break;
	default:
		break;
	}
	if (java_section(bytes, sig.module_len, &java, &java_len)) {
		free(bytes);
		return 1;
	}
	if (java && !a.pid) {
		fprintf(stderr, "ERROR: java() probes attach to a running Java process: name it with -x PID\n");
		free(bytes);
		free(java);
		return 1;
	}
	switch (stapvm_pick_runtime(bytes, sig.module_len, a.runtime, err, sizeof err)) {
	case STAPVM_RUNTIME_KERNEL: {
		struct krun_opts o = { .output_file = a.out, .timeout_ms = (int64_t)(a.seconds * 1000 + 0.5), .target_cmd = a.cmd,
				       .target_pid = (int)a.pid, .size_mb = a.size_mb, .num_max = a.num_max, .json = a.json,
				       .daemon = a.daemon_mode };
		if (check_user(path, bytes, sig.module_len, a.pid, 0) || arm(a.pid, java, java_len)) {
			free(bytes);
			free(java);
			return 1;
		}
		rc = stapvm_kernel_run(bytes, len, &o);
		free(bytes);
		return disarm(a.pid, java, java_len, rc);
	}
	case STAPVM_RUNTIME_USER:
		break;
	default:
		fprintf(stderr, "ERROR: %s\n", err);
		free(bytes);
		return disarm(a.pid, java, java_len, 1);
	}
	/* the agent is armed only for a module this runtime accepts */
	if (check_signature(path, bytes, len, a.trust_dir, a.require_signed, &module_len) ||
	    check_user(path, bytes, module_len, a.pid, 1) || arm(a.pid, java, java_len)) {
		free(bytes);
		free(java);
		return 1;
	}
	running = stapvm_runner_new(bytes, module_len, err, sizeof err);
	free(bytes);
	if (!running) {
		fprintf(stderr, "ERROR: module %s rejected: %s\n", path, err);
		return disarm(a.pid, java, java_len, 1);
	}
	if (a.out && stapvm_runner_set_output_files(running, a.out, a.size_mb, a.num_max, err, sizeof err) < 0) {
		fprintf(stderr, "ERROR: %s\n", err);
		stapvm_runner_free(running);
		return 1;
	}
	if (a.breakpoint && stapvm_runner_set_breakpoint_mode(running, a.breakpoint) < 0) {
		fprintf(stderr, "ERROR: invalid --breakpoint '%s' (emulate, xol, step or auto)\n", a.breakpoint);
		stapvm_runner_free(running);
		return 1;
	}
	stapvm_runner_set_timeout_ms(running, (int64_t)(a.seconds * 1000 + 0.5));
	if (a.cmd)
		stapvm_runner_set_target_command(running, a.cmd);
	if (a.pid)
		stapvm_runner_set_target_pid(running, (int)a.pid);
	if (a.json)
		stapvm_runner_set_json(running);
	if (a.daemon_mode && stapvm_runner_daemonize(running, err, sizeof err) < 0) {
		fprintf(stderr, "ERROR: %s\n", err);
		stapvm_runner_free(running);
		return disarm(a.pid, java, java_len, 1);
	}

	rc = stapvm_runner_run(running);
	stapvm_runner_free(running);
	return disarm(a.pid, java, java_len, rc);
}
