/* run_output.h: where a run's text goes: the script's output (stdout or -o FILE, buffered) and
 * error text (stderr, unbuffered); bytes a failed write could not deliver are counted, never hidden. */
#ifndef STAPVM_RUN_OUTPUT_H
#define STAPVM_RUN_OUTPUT_H
#include <stddef.h>
#include <stdint.h>
#include "run_outfile.h"

#define RUN_OUTBUF (64 * 1024)

struct run_output {
	int fd;                 /* the script's output: 1, or the -o file */
	int owns_fd;            /* close fd at the end (-o FILE) */
	struct run_outfile file;  /* -o FILE's name and -S rotation, when owns_fd */
	int to_syslog;          /* -F: error text (stream 1) goes to syslog, stderr is /dev/null */
	int json;               /* --format=json: each line of output becomes a JSON record */
	char *line;             /* --format=json: the line not yet ended by a newline */
	size_t linelen, linecap;
	char *rec;              /* --format=json: the display or histogram record being gathered */
	size_t reclen, reccap;
	size_t len;
	uint64_t lost;          /* bytes a write failed to deliver */
	int lost_errno;         /* why the first loss happened */
	char buf[RUN_OUTBUF];
	char cmds[RUN_OUTBUF];  /* system() commands, each NUL-terminated, started at the next flush */
	size_t cmdlen;
};

void run_output_init(struct run_output *o);
/* -o FILE (strftime formats expanded) with -S size_mb,num_max rotation (0: none): created or
 * truncated; -1 with staprun's reason in err */
int run_output_open(struct run_output *o, const char *path, uint64_t size_mb, int num_max, char *err, size_t errlen);
/* --format=json: the output from here on goes out as JSON records, one per line (docs/json-output.md) */
void run_output_set_json(struct run_output *o);
/* the libstapvm output callback: stream 0 buffered to fd, stream 1 straight to stderr, a system()
 * command (STAPVM_STREAM_SYSTEM) kept until the flush */
void run_output_write(void *arg, int stream, const char *data, size_t len);
/* writes the buffered output, then starts the system() commands asked for since the last flush
 * (the runner flushes once each handler, or batch of handlers, is done: stap's "after the probe") */
void run_output_flush(struct run_output *o);
/* the end of the run's output: a line left unended goes out (as a record under --format=json), then
 * the file is closed */
void run_output_close(struct run_output *o);
#endif
