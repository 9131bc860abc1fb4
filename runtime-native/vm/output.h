/* output.h: a session's output streams (0 stdout, 1 stderr, stapvm.h's others), written by helpers,
 * histograms and error reports through svm_out. */
#ifndef STAPVM_OUTPUT_H
#define STAPVM_OUTPUT_H
#include "host.h"

struct svm_exec;

typedef void (*svm_output_fn)(void *arg, int stream, const char *data, size_t len);

/* the host's writer when it set one (stapvm.ko's ring), else buffers the userspace runtime takes from */
struct svm_output {
	svm_output_fn fn;
	void *arg;
	char *buf[2];                 /* without fn (userspace): buffered until taken */
	size_t len[2], cap;
	uint64_t dropped;             /* bytes that found a full buffer */
};

/* writes len bytes to stream of s's session */
void svm_out(struct svm_exec *s, int stream, const char *data, size_t len);
/* --format=json records (stapvm.h's STAPVM_STREAM_RECORD*): JSON text as it is, a string value
 * (quoted and escaped by the loader), an integer */
void svm_record(struct svm_exec *s, const char *json);
void svm_record_str(struct svm_exec *s, const char *str);
void svm_record_int(struct svm_exec *s, int64_t v);
/* record_printf(): format sargs[0] with %d an int argument and %s a string value, in order; -1 when
 * the arguments run out */
int svm_record_printf(struct svm_exec *s, const int64_t *iargs, unsigned ni, const char *sargs, unsigned ns);
/* the buffers, made with the session: 0, or -1 out of memory (release frees what was made) */
int svm_output_init(struct svm_output *o);
void svm_output_release(struct svm_output *o);
/* moves up to buflen - 1 buffered bytes of stream into buf (NUL-terminated); their count */
size_t svm_output_take(struct svm_output *o, int stream, char *buf, size_t buflen);
#endif
