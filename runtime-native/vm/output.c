/* output.c: a session's output streams (output.h): the host's writer, or buffers taken by the userspace runtime. */
#include "output.h"
#include "session.h"

#define OUTCAP (1u << 20)

void svm_out(struct svm_exec *s, int stream, const char *data, size_t len)
{
	struct svm_output *o = &s->sh->out;
	if (o->fn) { o->fn(o->arg, stream, data, len); return; }
	if (stream > 1) { o->dropped += len; return; }   /* no loader to run a system() command */
	if (len > o->cap - o->len[stream]) { o->dropped += len; return; }
	svm_host_memcpy(o->buf[stream] + o->len[stream], data, len);
	o->len[stream] += len;
}

int svm_output_init(struct svm_output *o)
{
	o->cap = OUTCAP;
	o->buf[0] = svm_host_zalloc(OUTCAP);
	o->buf[1] = svm_host_zalloc(OUTCAP);
	return o->buf[0] && o->buf[1] ? 0 : -1;
}

void svm_output_release(struct svm_output *o)
{
	svm_host_free(o->buf[0]);
	svm_host_free(o->buf[1]);
}

size_t svm_output_take(struct svm_output *o, int stream, char *buf, size_t buflen)
{
	size_t n;
	if (stream < 0 || stream > 1 || buflen == 0) return 0;
	n = o->len[stream] < buflen - 1 ? o->len[stream] : buflen - 1;
	svm_host_memcpy(buf, o->buf[stream], n);
	buf[n] = 0;
	for (size_t k = n; k < o->len[stream]; k++) o->buf[stream][k - n] = o->buf[stream][k];
	o->len[stream] -= n;
	return n;
}
