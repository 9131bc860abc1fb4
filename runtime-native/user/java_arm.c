/* java_arm.c: the native loader's side of java() probes. A module with java() probes carries a java
 * section (the agent jar, the hook library, the sites to rewrite); stapvm-run hands its sites to the
 * stapvm agent in the -x JVM as the JVM-side compiler does, through HotSpot's attach protocol (what
 * the JDK's VirtualMachine.loadAgent speaks): the attach file and SIGQUIT start the JVM's attach
 * listener, then one "load instrument" request on its socket loads the agent with "COMMAND IN OUT LIB"
 * (agent/: org.stapvm.agent.Agent). No JVM is needed on the loader's side. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>
#include "java_arm.h"

#define ATTACH_WAIT_MS 60000   /* a JVM under emulation takes seconds to start its attach listener */

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };
	nanosleep(&ts, 0);
}

/* whether pid maps libjvm.so: SIGQUIT (the attach trigger) would kill any other process */
static int is_jvm(pid_t pid)
{
	char path[64], line[4096];
	int found = 0;
	FILE *f;
	snprintf(path, sizeof path, "/proc/%d/maps", (int)pid);
	if (!(f = fopen(path, "r")))
		return 0;
	while (!found && fgets(line, sizeof line, f))
		found = strstr(line, "/libjvm.so") != 0;
	fclose(f);
	return found;
}

/* whether pid catches SIGQUIT (SigCgt in its status): a JVM does once its signal handlers are in,
 * and SIGQUIT before that would end it (the JDK's own attach checks the same) */
static int catches_quit(pid_t pid)
{
	char path[64], line[256];
	unsigned long long mask = 0;
	FILE *f;
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if (!(f = fopen(path, "r")))
		return 0;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "SigCgt: %llx", &mask) == 1)
			break;
	fclose(f);
	return (mask >> (SIGQUIT - 1)) & 1;
}

/* the connected attach socket of pid, starting its listener if needed; -1 with why in err */
static int attach_socket(pid_t pid, char *err, size_t errlen)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	char trigger[128];
	int fd, started = 0;
	snprintf(sa.sun_path, sizeof sa.sun_path, "/proc/%d/root/tmp/.java_pid%d", (int)pid, (int)pid);
	for (int waited = 0;; waited += 100) {
		struct stat st;
		if (stat(sa.sun_path, &st) == 0 && S_ISSOCK(st.st_mode))
			break;
		if (!started && catches_quit(pid)) {
			/* the JVM starts its listener on SIGQUIT when this file exists (in its cwd or /tmp) */
			int t;
			snprintf(trigger, sizeof trigger, "/proc/%d/cwd/.attach_pid%d", (int)pid, (int)pid);
			if ((t = open(trigger, O_CREAT | O_WRONLY, 0600)) < 0) {
				snprintf(trigger, sizeof trigger, "/proc/%d/root/tmp/.attach_pid%d", (int)pid, (int)pid);
				t = open(trigger, O_CREAT | O_WRONLY, 0600);
			}
			if (t < 0) {
				snprintf(err, errlen, "cannot attach to Java process %d: cannot create %s: %s", (int)pid, trigger, strerror(errno));
				return -1;
			}
			close(t);
			started = 1;
			if (kill(pid, SIGQUIT)) {
				snprintf(err, errlen, "cannot attach to Java process %d: %s", (int)pid, strerror(errno));
				unlink(trigger);
				return -1;
			}
		}
		if (waited >= ATTACH_WAIT_MS) {
			snprintf(err, errlen, "cannot attach to Java process %d: its attach listener did not start"
				 " (it must run as the same user, without -XX:+DisableAttachMechanism)", (int)pid);
			if (started)
				unlink(trigger);
			return -1;
		}
		sleep_ms(100);
	}
	if (started)
		unlink(trigger);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa)) {
		snprintf(err, errlen, "cannot attach to Java process %d: %s: %s", (int)pid, sa.sun_path, strerror(errno));
		if (fd >= 0) close(fd);
		return -1;
	}
	return fd;
}

/* loads the agent jar into pid with options: protocol 1, "load instrument false JAR=OPTIONS" */
static int load_agent(pid_t pid, const char *jar, const char *options, char *err, size_t errlen)
{
	char req[8192], reply[4096];
	size_t n = 0, got = 0;
	ssize_t k;
	int fd, status, code;
	const char *parts[] = { "1", "load", "instrument", "false", 0 };
	for (int i = 0; parts[i]; i++) {
		memcpy(req + n, parts[i], strlen(parts[i]) + 1);
		n += strlen(parts[i]) + 1;
	}
	k = snprintf(req + n, sizeof req - n, "%s=%s", jar, options);
	if (k < 0 || (size_t)k >= sizeof req - n) {
		snprintf(err, errlen, "the agent's path and options are too long");
		return -1;
	}
	n += (size_t)k + 1;
	if ((fd = attach_socket(pid, err, errlen)) < 0)
		return -1;
	for (size_t w = 0; w < n; w += (size_t)k)
		if ((k = write(fd, req + w, n - w)) <= 0) {
			snprintf(err, errlen, "cannot talk to Java process %d: %s", (int)pid, strerror(errno));
			close(fd);
			return -1;
		}
	while (got < sizeof reply - 1 && (k = read(fd, reply + got, sizeof reply - 1 - got)) > 0)
		got += (size_t)k;
	close(fd);
	reply[got] = 0;
	/* the command's status, then the agent's: "return code: N" (0: agentmain returned) */
	if (sscanf(reply, "%d", &status) != 1 || status != 0) {
		snprintf(err, errlen, "cannot load the stapvm agent into Java process %d: %s", (int)pid, got ? reply : "no reply");
		return -1;
	}
	const char *rc = strstr(reply, "return code: ");
	if (rc && sscanf(rc, "return code: %d", &code) == 1 && code != 0) {
		snprintf(err, errlen, "cannot load the stapvm agent into Java process %d: agent %s (return code %d)",
			 (int)pid, jar, code);
		return -1;
	}
	return 0;
}

/* the value of the section line "KEY\tVALUE", malloc'd; NULL when absent */
static char *field(const char *text, size_t len, const char *key)
{
	size_t kl = strlen(key);
	for (size_t at = 0; at < len;) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - text) : len;
		if (end - at > kl && !memcmp(text + at, key, kl) && text[at + kl] == '\t')
			return strndup(text + at + kl + 1, end - at - kl - 1);
		at = end + 1;
	}
	return 0;
}

/* one request: writes IN, loads the agent, reads OUT; 0, or -1 with why in err */
static int request(pid_t pid, const char *command, const char *text, size_t len, char *err, size_t errlen)
{
	char in[] = "/tmp/stapvm-java-XXXXXX", out[] = "/tmp/stapvm-java-XXXXXX", options[1024];
	char *env = getenv("STAPVM_JAVA_AGENT"), *jar = env ? strdup(env) : field(text, len, "agent");
	char *lib = field(text, len, "lib"), line[4096] = "", last[4096] = "";
	int fi = -1, fo = -1, rc = -1;
	FILE *f = 0;
	if (!jar || !lib) {
		snprintf(err, errlen, "the module's java section names no agent or hook library");
		goto out;
	}
	if (!is_jvm(pid)) {
		snprintf(err, errlen, "process %d is not a Java process that can be attached to", (int)pid);
		goto out;
	}
	if ((fi = mkstemp(in)) < 0 || (fo = mkstemp(out)) < 0) {
		snprintf(err, errlen, "cannot create a file in /tmp: %s", strerror(errno));
		goto out;
	}
	if (!strcmp(command, "arm")) {
		/* "watch PID": the agent disarms by itself if this loader dies without disarming */
		dprintf(fi, "watch\t%d\n", (int)getpid());
		for (size_t at = 0; at < len;) {
			const char *nl = memchr(text + at, '\n', len - at);
			size_t end = nl ? (size_t)(nl - text) : len;
			if (end > at && text[at] >= '0' && text[at] <= '9')   /* a site: SLOT TAB ... */
				dprintf(fi, "%.*s\n", (int)(end - at), text + at);
			at = end + 1;
		}
	}
	snprintf(options, sizeof options, "%s %s %s %s", command, in, out, lib);
	if (load_agent(pid, jar, options, err, errlen))
		goto out;
	if (!(f = fopen(out, "r"))) {
		snprintf(err, errlen, "the stapvm agent in Java process %d did not answer", (int)pid);
		goto out;
	}
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = 0;
		if (!strncmp(line, "warning\t", 8))
			fprintf(stderr, "WARNING: %s\n", line + 8);
		snprintf(last, sizeof last, "%s", line);
	}
	if (!strcmp(last, "ok")) {
		rc = 0;
	} else if (!strncmp(last, "error\t", 6)) {
		snprintf(err, errlen, "the stapvm agent in Java process %d failed: %s", (int)pid, last + 6);
	} else {
		snprintf(err, errlen, "the stapvm agent in Java process %d did not answer", (int)pid);
	}
out:
	if (f) fclose(f);
	if (fi >= 0) { close(fi); unlink(in); }
	if (fo >= 0) { close(fo); unlink(out); }
	free(jar);
	free(lib);
	return rc;
}

int svm_java_arm(pid_t pid, const char *text, size_t len, char *err, size_t errlen)
{
	return request(pid, "arm", text, len, err, errlen);
}

int svm_java_disarm(pid_t pid, const char *text, size_t len, char *err, size_t errlen)
{
	if (!is_jvm(pid))
		return 0;   /* ended (or a zombie): nothing to restore */
	return request(pid, "disarm", text, len, err, errlen);
}
