/* run_stdin.c: the loader's standard input as input.char / input.line hits (see run_stdin.h). */
#include <errno.h>
#include <unistd.h>
#include "run_stdin.h"

void run_stdin_init(struct run_stdin *in)
{
	in->nprobes = 0;
	in->fd = -1;
	in->tty = 0;
}

int run_stdin_add(struct run_stdin *in, const struct stapvm_probe_point *pt, int i)
{
	if (pt->kind != SVM_PROBE_INPUT)
		return 0;
	if (in->nprobes == RUN_STDIN_MAX_PROBES)
		return -1;
	in->probes[in->nprobes++] = i;
	return 1;
}

void run_stdin_start(struct run_stdin *in)
{
	struct termios raw;
	if (!in->nprobes)
		return;
	in->fd = 0;
	/* as staprun: bytes as they are typed (no line editing), not echoed */
	if (isatty(0) && tcgetattr(0, &in->saved) == 0) {
		raw = in->saved;
		raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
		in->tty = tcsetattr(0, TCSANOW, &raw) == 0;
	}
}

void run_stdin_ready(struct run_stdin *in, stapvm_session *s)
{
	char buf[4096];
	ssize_t n = read(in->fd, buf, sizeof buf);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		in->fd = -1;
		return;
	}
	for (ssize_t k = 0; k < n; k++)
		for (int p = 0; p < in->nprobes; p++) {
			if (stapvm_exit_requested(s))
				return;
			stapvm_set_stdin_value(s, buf[k]);
			stapvm_run_probe(s, in->probes[p]);
		}
}

void run_stdin_finish(struct run_stdin *in)
{
	if (in->tty)
		tcsetattr(0, TCSANOW, &in->saved);
	in->tty = 0;
	in->fd = -1;
}
