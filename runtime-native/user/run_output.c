/* run_output.c: buffered script output and unbuffered error text for a run (see run_output.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include "run_json.h"
#include "run_output.h"
#include "run_system.h"
#include "../vm/stapvm.h"

void run_output_init(struct run_output *o)
{
	memset(o, 0, sizeof *o);
	o->fd = 1;
}

int run_output_open(struct run_output *o, const char *path, uint64_t size_mb, int num_max, char *err, size_t errlen)
{
	struct run_outfile f;
	int fd = run_outfile_open(&f, path, size_mb, num_max, err, errlen);
	if (fd < 0) {
		run_outfile_free(&f);
		return -1;
	}
	run_output_close(o);
	o->file = f;
	o->fd = fd;
	o->owns_fd = 1;
	return 0;
}

void run_output_set_json(struct run_output *o) { o->json = 1; }

/* writes all of data or counts what could not be written */
static void write_all(struct run_output *o, int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = fd < 0 ? (errno = EBADF, -1) : write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (!o->lost)
				o->lost_errno = n < 0 ? errno : EIO;
			o->lost += len;
			return;
		}
		data += n;
		len -= (size_t)n;
	}
}

/* the script's output: to the -o file, the next one first when -S says this one is full */
static void write_out(struct run_output *o, const char *data, size_t len)
{
	char err[PATH_MAX + 128];
	if (o->owns_fd && run_outfile_before_write(&o->file, &o->fd, err, sizeof err) < 0)
		fprintf(stderr, "ERROR: %s\n", err);
	write_all(o, o->fd, data, len);
	if (o->owns_fd)
		run_outfile_wrote(&o->file, len);
}

void run_output_flush(struct run_output *o)
{
	size_t at = 0;
	write_out(o, o->buf, o->len);
	o->len = 0;
	while (at < o->cmdlen) {
		size_t n = strlen(o->cmds + at);
		run_system(o->cmds + at, n);
		at += n + 1;
	}
	o->cmdlen = 0;
}

/* into the buffer (written at the next flush, or now when it is full) */
static void buffer(struct run_output *o, const char *data, size_t len)
{
	if (len > sizeof o->buf - o->len) {
		run_output_flush(o);
		if (len >= sizeof o->buf) {
			write_out(o, data, len);
			return;
		}
	}
	memcpy(o->buf + o->len, data, len);
	o->len += len;
}

/* --format=json: the pending line as one record */
static void line_record(struct run_output *o)
{
	char *rec = run_json_print_record(o->line, o->linelen);
	if (rec) {
		buffer(o, rec, strlen(rec));
		free(rec);
	} else {
		o->lost += o->linelen;
		o->lost_errno = ENOMEM;
	}
	o->linelen = 0;
}

/* --format=json: output split into lines, each complete one a record */
static void json_lines(struct run_output *o, const char *data, size_t len)
{
	while (len > 0) {
		const char *nl = memchr(data, '\n', len);
		size_t n = nl ? (size_t)(nl - data) : len;
		if (o->linelen + n > o->linecap) {
			size_t cap = (o->linelen + n) * 2 + 64;
			char *p = realloc(o->line, cap);
			if (!p) {
				o->lost += len;
				o->lost_errno = ENOMEM;
				return;
			}
			o->line = p;
			o->linecap = cap;
		}
		memcpy(o->line + o->linelen, data, n);
		o->linelen += n;
		if (!nl)
			return;
		line_record(o);
		data += n + 1;
		len -= n + 1;
	}
}

void run_output_write(void *arg, int stream, const char *data, size_t len)
{
	struct run_output *o = arg;
	if (stream == STAPVM_STREAM_SYSTEM) {
		/* a handler may ask for several: a full queue starts them now rather than lose one */
		if (len + 1 > sizeof o->cmds - o->cmdlen)
			run_output_flush(o);
		if (len + 1 > sizeof o->cmds) {
			run_system(data, len);
			return;
		}
		memcpy(o->cmds + o->cmdlen, data, len);
		o->cmds[o->cmdlen + len] = 0;
		o->cmdlen += len + 1;
		return;
	}
	if (stream != 0) {
		/* error text after the output printed before it, as a reader of both expects */
		run_output_flush(o);
		if (o->to_syslog)
			syslog(LOG_ERR, "%.*s", (int)len, data);
		else
			write_all(o, 2, data, len);
		return;
	}
	if (o->json)
		json_lines(o, data, len);
	else
		buffer(o, data, len);
}

void run_output_close(struct run_output *o)
{
	if (o->linelen)
		line_record(o);
	run_output_flush(o);
	if (o->owns_fd && o->fd >= 0)
		close(o->fd);
	run_outfile_free(&o->file);
	free(o->line);
	o->line = 0;
	o->linelen = o->linecap = 0;
	o->fd = 1;
	o->owns_fd = 0;
}
