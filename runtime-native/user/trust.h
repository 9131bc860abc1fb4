/* trust.h: stapvm-run's check of a module's signature against a directory of trusted certificates
 * (--trust DIR, default STAPVM_TRUST_DIR), with the kernel's rules for module signatures. */
#ifndef STAPVM_TRUST_H
#define STAPVM_TRUST_H
#include <stddef.h>
#include <stdint.h>
#include "../vm/modsig.h"

#define STAPVM_TRUST_DIR "/etc/stapvm/trusted.d"

struct svm_trust;

/* the certificates (PEM or DER, one or more a file) of dir's files; NULL with err set when dir
 * cannot be read; a file that holds no certificate is a warning on stderr, then skipped */
struct svm_trust *svm_trust_open(const char *dir, char *err, size_t errlen);
void svm_trust_free(struct svm_trust *t);

/* SVM_SIG_OK when file carries a signature by one of t's certificates over its module bytes (their
 * length in *module_len); else the verdict, and why in why */
enum svm_sig_verdict svm_trust_verify(const struct svm_trust *t, const uint8_t *file, size_t n,
				      size_t *module_len, char *why, size_t whylen);
#endif
