/* output.c: a session's output streams (output.h): the host's writer, or buffers taken by the userspace runtime. */
#include "output.h"
#include "session.h"
#include "stapvm.h"
#include "text.h"

#define OUTCAP (1u << 20)

void svm_out(struct svm_exec *s, int stream, const char *data, size_t len)
{
	struct svm_output *o = &s->sh->out;
	if (o->fn) { o->fn(o->arg, stream, data, len); return; }
	if (stream == STAPVM_STREAM_DISPLAY) stream = 0;
	else if (stream == STAPVM_STREAM_RECORD || stream == STAPVM_STREAM_RECORD_STR) return;   /* text only */
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

void svm_record(struct svm_exec *s, const char *json)
{
	svm_out(s, STAPVM_STREAM_RECORD, json, svm_strlen(json));
}

void svm_record_str(struct svm_exec *s, const char *str)
{
	svm_out(s, STAPVM_STREAM_RECORD_STR, str, svm_strlen(str));
}

void svm_record_int(struct svm_exec *s, int64_t v)
{
	char num[24];
	size_t n = 0;
	svm_fmt_int(num, sizeof num, &n, v, 'd', 0, 0, -1);
	svm_out(s, STAPVM_STREAM_RECORD, num, n);
}

int svm_record_printf(struct svm_exec *s, const int64_t *iargs, unsigned ni, const char *sargs, unsigned ns)
{
	const char *f = sargs, *run = f;
	unsigned ii = 0, si = 1;
	for (; *f; f++) {
		if (*f != '%' || (f[1] != 'd' && f[1] != 's')) continue;
		if (f > run) svm_out(s, STAPVM_STREAM_RECORD, run, (size_t)(f - run));
		if (f[1] == 'd') {
			if (ii >= ni) return -1;
			svm_record_int(s, iargs[ii++]);
		} else {
			if (si >= ns) return -1;
			svm_record_str(s, sargs + (size_t)si++ * s->maxstr);
		}
		run = ++f + 1;
	}
	if (f > run) svm_out(s, STAPVM_STREAM_RECORD, run, (size_t)(f - run));
	return 0;
}
