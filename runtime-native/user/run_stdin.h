/* run_stdin.h: input.char / input.line (procfs("__stdin").write probes): the loader reads its
 * standard input and runs those probes once per byte, as stap's staprun hands its stdin to the
 * module a byte at a time; a terminal is put in non-canonical mode without echo meanwhile. */
#ifndef STAPVM_RUN_STDIN_H
#define STAPVM_RUN_STDIN_H
#include <termios.h>
#include "../vm/stapvm.h"

#define RUN_STDIN_MAX_PROBES 256

struct run_stdin {
	int probes[RUN_STDIN_MAX_PROBES];   /* the module's INPUT probes */
	int nprobes;
	int fd;                             /* 0 while stdin is read; -1 before, after EOF, or without probes */
	int tty;                            /* saved holds the terminal's mode to restore */
	struct termios saved;
};

void run_stdin_init(struct run_stdin *in);
/* 1 when pt is an INPUT probe (added as probe i), 0 if not, -1 when there are too many */
int run_stdin_add(struct run_stdin *in, const struct stapvm_probe_point *pt, int i);
/* after the begin probes: starts reading stdin when there are input probes */
void run_stdin_start(struct run_stdin *in);
/* stdin polled ready: reads what is there and runs the probes for each byte until the session asks
 * to exit; EOF or a read error ends the reading (the script runs on, as stap's) */
void run_stdin_ready(struct run_stdin *in, stapvm_session *s);
/* the terminal's mode back */
void run_stdin_finish(struct run_stdin *in);
#endif
