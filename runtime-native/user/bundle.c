/* bundle.c: reads a bundle file's header, metadata and entries (bundle.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bundle.h"
#include "../vm/module.h"

static const char bundle_magic[] =
#define BUNDLE(version, magic) magic
#include "../vm/format.def"
	;
enum {
#define BUNDLE(version, magic) BUNDLE_VERSION = version,
#include "../vm/format.def"
};

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int svm_bundle_is(const uint8_t *file, size_t n)
{
	return n >= sizeof bundle_magic - 1 && !memcmp(file, bundle_magic, sizeof bundle_magic - 1);
}

/* takes len bytes at *at, or 0 when fewer than len remain */
static const uint8_t *take(const uint8_t *file, size_t n, size_t *at, size_t len)
{
	const uint8_t *p = file + *at;
	if (len > n - *at)
		return 0;
	*at += len;
	return p;
}

int svm_bundle_parse(const uint8_t *file, size_t n, struct svm_bundle *b, char *err, size_t errlen)
{
	const uint8_t *h, *r;
	size_t at = 0;
	unsigned version;
	memset(b, 0, sizeof *b);
	if (!svm_bundle_is(file, n) || !(h = take(file, n, &at, SVM_REC_BUNDLE_HEADER))) {
		snprintf(err, errlen, "not a stapvm bundle (no \"%s\" header)", bundle_magic);
		return -1;
	}
	version = (unsigned)h[4] | (unsigned)h[5] << 8;
	if (version != BUNDLE_VERSION) {
		snprintf(err, errlen, "bundle format version %u (this stapvm-run reads version %d)", version, BUNDLE_VERSION);
		return -1;
	}
	b->count = (unsigned)h[6] | (unsigned)h[7] << 8;
	b->meta_len = le32(h + 8);
	if (b->meta_len > n - at) {
		snprintf(err, errlen, "the bundle's metadata (%zu bytes) is longer than the file", b->meta_len);
		return -1;
	}
	n -= b->meta_len;   /* the metadata ends the file: the entries come before it */
	b->meta = (const char *)file + n;
	if (b->count && !(b->entries = calloc(b->count, sizeof *b->entries))) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (unsigned i = 0; i < b->count; i++) {
		struct svm_bundle_entry *e = &b->entries[i];
		if (!(r = take(file, n, &at, SVM_REC_BUNDLE_ENTRY))) {
			snprintf(err, errlen, "entry %u of %u runs past the end of the file", i + 1, b->count);
			goto bad;
		}
		e->script_len = le32(r);
		e->kernel_len = le32(r + 4);
		e->module_len = le32(r + 8);
		e->sha256 = r + 16;
		if (le32(r + 12) || !e->script_len) {
			snprintf(err, errlen, "entry %u: %s", i + 1, e->script_len ? "unknown flags" : "no script name");
			goto bad;
		}
		if (!(e->script = (const char *)take(file, n, &at, e->script_len)) ||
		    !(e->kernel = (const char *)take(file, n, &at, e->kernel_len)) ||
		    !(e->module = take(file, n, &at, e->module_len))) {
			snprintf(err, errlen, "entry %u runs past the end of the file", i + 1);
			goto bad;
		}
		if (memchr(e->script, 0, e->script_len) || memchr(e->kernel, 0, e->kernel_len)) {
			snprintf(err, errlen, "entry %u: a NUL byte in its name", i + 1);
			goto bad;
		}
	}
	if (at != n) {
		snprintf(err, errlen, "%zu bytes between the last entry and the metadata", n - at);
		goto bad;
	}
	return 0;
bad:
	svm_bundle_free(b);
	return -1;
}

void svm_bundle_free(struct svm_bundle *b)
{
	free(b->entries);
	b->entries = 0;
	b->count = 0;
}

const char *svm_bundle_meta(const struct svm_bundle *b, const char *key, size_t *len)
{
	size_t klen = strlen(key);
	const char *p = b->meta, *end = b->meta + b->meta_len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *line_end = nl ? nl : end;
		if ((size_t)(line_end - p) >= klen + 2 && !memcmp(p, key, klen) && p[klen] == ':' && p[klen + 1] == ' ') {
			*len = (size_t)(line_end - p) - klen - 2;
			return p + klen + 2;
		}
		p = line_end + 1;
	}
	return 0;
}
