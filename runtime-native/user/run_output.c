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

/* appends n bytes to a growing buffer; 0, or -1 out of memory */
static int append(char **buf, size_t *len, size_t *cap, const char *data, size_t n)
{
	if (*len + n > *cap) {
		size_t c = (*len + n) * 2 + 64;
		char *p = realloc(*buf, c);
		if (!p)
			return -1;
		*buf = p;
		*cap = c;
	}
	memcpy(*buf + *len, data, n);
	*len += n;
	return 0;
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
		if (append(&o->line, &o->linelen, &o->linecap, data, n) < 0) {
			o->lost += len;
			o->lost_errno = ENOMEM;
			return;
		}
		if (!nl)
			return;
		line_record(o);
		data += n + 1;
		len -= n + 1;
	}
}

/* --format=json: a piece of a display or histogram record (stapvm.h: JSON text, or a string value to
 * quote), gathered until the record's newline so that it goes out whole; a line printed and not yet
 * ended goes out as its own record before it */
static void record_piece(struct run_output *o, int stream, const char *data, size_t len)
{
	char *str = 0;
	int ok;
	if (o->linelen)
		line_record(o);
	if (stream == STAPVM_STREAM_RECORD) {
		ok = append(&o->rec, &o->reclen, &o->reccap, data, len) == 0;
	} else {
		str = run_json_string(data, len);
		ok = str && append(&o->rec, &o->reclen, &o->reccap, str, strlen(str)) == 0;
		free(str);
	}
	if (!ok) {
		o->lost += len;
		o->lost_errno = ENOMEM;
	}
	if (o->reclen && o->rec[o->reclen - 1] == '\n') {
		buffer(o, o->rec, o->reclen);
		o->reclen = 0;
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
	if (stream == STAPVM_STREAM_DISPLAY) {
		if (!o->json)
			buffer(o, data, len);
		return;
	}
	if (stream == STAPVM_STREAM_RECORD || stream == STAPVM_STREAM_RECORD_STR) {
		if (o->json)
			record_piece(o, stream, data, len);
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
	if (o->reclen)
		buffer(o, o->rec, o->reclen);   /* a record cut short by the end of the run */
	o->reclen = 0;
	run_output_flush(o);
	if (o->owns_fd && o->fd >= 0)
		close(o->fd);
	run_outfile_free(&o->file);
	free(o->line);
	free(o->rec);
	o->line = o->rec = 0;
	o->reccap = 0;
	o->linelen = o->linecap = 0;
	o->fd = 1;
	o->owns_fd = 0;
}
