/* run_output.c: buffered script output and unbuffered error text for a run (see run_output.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "run_output.h"
#include "run_system.h"
#include "../vm/stapvm.h"

void run_output_init(struct run_output *o)
{
	o->fd = 1;
	o->owns_fd = 0;
	o->len = 0;
	o->lost = 0;
	o->lost_errno = 0;
	o->cmdlen = 0;
}

int run_output_open(struct run_output *o, const char *path, char *err, size_t errlen)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0) {
		snprintf(err, errlen, "cannot open output file %s: %s", path, strerror(errno));
		return -1;
	}
	run_output_close(o);
	o->fd = fd;
	o->owns_fd = 1;
	return 0;
}

/* writes all of data or counts what could not be written */
static void write_all(struct run_output *o, int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
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

void run_output_flush(struct run_output *o)
{
	size_t at = 0;
	write_all(o, o->fd, o->buf, o->len);
	o->len = 0;
	while (at < o->cmdlen) {
		size_t n = strlen(o->cmds + at);
		run_system(o->cmds + at, n);
		at += n + 1;
	}
	o->cmdlen = 0;
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
		write_all(o, 2, data, len);
		return;
	}
	if (len > sizeof o->buf - o->len) {
		run_output_flush(o);
		if (len >= sizeof o->buf) {
			write_all(o, o->fd, data, len);
			return;
		}
	}
	memcpy(o->buf + o->len, data, len);
	o->len += len;
}

void run_output_close(struct run_output *o)
{
	run_output_flush(o);
	if (o->owns_fd)
		close(o->fd);
	o->fd = 1;
	o->owns_fd = 0;
}
