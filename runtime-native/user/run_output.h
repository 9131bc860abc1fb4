/* run_output.h: where a run's text goes: the script's output (stdout or -o FILE, buffered) and
 * error text (stderr, unbuffered); bytes a failed write could not deliver are counted, never hidden. */
#ifndef STAPVM_RUN_OUTPUT_H
#define STAPVM_RUN_OUTPUT_H
#include <stddef.h>
#include <stdint.h>

#define RUN_OUTBUF (64 * 1024)

struct run_output {
	int fd;                 /* the script's output: 1, or the -o file */
	int owns_fd;            /* close fd at the end (-o FILE) */
	size_t len;
	uint64_t lost;          /* bytes a write failed to deliver */
	int lost_errno;         /* why the first loss happened */
	char buf[RUN_OUTBUF];
	char cmds[RUN_OUTBUF];  /* system() commands, each NUL-terminated, started at the next flush */
	size_t cmdlen;
};

void run_output_init(struct run_output *o);
/* -o FILE: created or truncated; -1 with the reason in err */
int run_output_open(struct run_output *o, const char *path, char *err, size_t errlen);
/* the libstapvm output callback: stream 0 buffered to fd, stream 1 straight to stderr, a system()
 * command (STAPVM_STREAM_SYSTEM) kept until the flush */
void run_output_write(void *arg, int stream, const char *data, size_t len);
/* writes the buffered output, then starts the system() commands asked for since the last flush
 * (the runner flushes once each handler, or batch of handlers, is done: stap's "after the probe") */
void run_output_flush(struct run_output *o);
void run_output_close(struct run_output *o);
#endif
