/* bundle.h: a bundle file (format.def's BUNDLE rows, docs/bundles.md): several verified modules, each
 * named by its script and the kernel release it was compiled for, with the bundle's metadata. The
 * parse only points into the caller's bytes (no copies) and checks every length against them. */
#ifndef STAPVM_BUNDLE_H
#define STAPVM_BUNDLE_H
#include <stddef.h>
#include <stdint.h>

struct svm_bundle_entry {
	const char *script, *kernel;   /* not NUL-terminated: *_len bytes */
	size_t script_len, kernel_len;
	const uint8_t *sha256;         /* of the script's source, 32 bytes */
	const uint8_t *module;         /* the module file, its own signature included */
	size_t module_len;
};

struct svm_bundle {
	const char *meta;              /* "key: value\n" lines */
	size_t meta_len;
	unsigned count;
	struct svm_bundle_entry *entries;
};

/* the file starts with a bundle's magic */
int svm_bundle_is(const uint8_t *file, size_t n);
/* 0 with b filled from file[0, n) (the bytes a signature covers), else -1 with why in err */
int svm_bundle_parse(const uint8_t *file, size_t n, struct svm_bundle *b, char *err, size_t errlen);
void svm_bundle_free(struct svm_bundle *b);
/* the metadata's value of key (len bytes in *len), or NULL */
const char *svm_bundle_meta(const struct svm_bundle *b, const char *key, size_t *len);
#endif
