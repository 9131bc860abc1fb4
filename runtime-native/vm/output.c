/* output.c: a session's two output streams (0 stdout, 1 stderr): the host's writer when it set one
 * (stapvm.ko's ring), else buffers the userspace runtime takes from; helpers, histograms and error
 * reports all write through svm_out. */
#include "session.h"

#define OUTCAP (1u << 20)

void svm_out(struct svm_exec *s, int stream, const char *data, size_t len)
{
	struct svm_session *sh = s->sh;
	if (sh->out_fn) { sh->out_fn(sh->out_arg, stream, data, len); return; }
	if (len > sh->outcap - sh->outlen[stream]) { sh->out_dropped += len; return; }
	svm_host_memcpy(sh->outbuf[stream] + sh->outlen[stream], data, len);
	sh->outlen[stream] += len;
}

int svm_output_init(struct svm_session *sh)
{
	sh->outcap = OUTCAP;
	sh->outbuf[0] = svm_host_zalloc(OUTCAP);
	sh->outbuf[1] = svm_host_zalloc(OUTCAP);
	return sh->outbuf[0] && sh->outbuf[1] ? 0 : -1;
}

void svm_output_release(struct svm_session *sh)
{
	svm_host_free(sh->outbuf[0]);
	svm_host_free(sh->outbuf[1]);
}

size_t svm_output_take(struct svm_session *sh, int stream, char *buf, size_t buflen)
{
	size_t n;
	if (stream < 0 || stream > 1 || buflen == 0) return 0;
	n = sh->outlen[stream] < buflen - 1 ? sh->outlen[stream] : buflen - 1;
	svm_host_memcpy(buf, sh->outbuf[stream], n);
	buf[n] = 0;
	for (size_t k = n; k < sh->outlen[stream]; k++) sh->outbuf[stream][k - n] = sh->outbuf[stream][k];
	sh->outlen[stream] -= n;
	return n;
}
