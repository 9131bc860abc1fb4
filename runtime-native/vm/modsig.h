/* modsig.h: a module file's appended signature, in the kernel's module-signature form (scripts/
 * sign-file, stapvm --sign): module bytes, PKCS#7 DER, struct module_signature, the magic. Shared by
 * stapvm-run (user/trust.c) and stapvm.ko (kmod/ksig.c); header-only, no allocation. */
#ifndef STAPVM_MODSIG_H
#define STAPVM_MODSIG_H
#include "host.h"

/* the kernel's ABI, not ours to change (format.def's SIGNATURE_TRAILER): struct module_signature is
 * algo, hash, id_type, signer_len, key_id_len, pad[3], be32 sig_len */
enum {
#define SIGNATURE_TRAILER(info, pkcs7, magic) SVM_MODSIG_INFO_LEN = info, SVM_MODSIG_PKEY_ID_PKCS7 = pkcs7,
#include "format.def"
};
static const char svm_modsig_magic[] =
#define SIGNATURE_TRAILER(info, pkcs7, magic) magic
#include "format.def"
	;
#define SVM_MODSIG_MAGIC_LEN (sizeof svm_modsig_magic - 1)

/* why a module's signature is refused: the one list of reasons both runtimes name and count */
#define SVM_SIG_VERDICTS(X) \
	X(OK, "signed") X(UNSIGNED, "unsigned") X(BAD, "bad signature") X(UNKNOWN_KEY, "unknown key") X(CORRUPT, "corrupt signature")
enum svm_sig_verdict {
#define SVM_SIG_ENUM(n, text) SVM_SIG_##n,
	SVM_SIG_VERDICTS(SVM_SIG_ENUM)
#undef SVM_SIG_ENUM
	SVM_SIG_NVERDICTS
};

static inline const char *svm_sig_verdict_name(enum svm_sig_verdict v)
{
	static const char *const names[] = {
#define SVM_SIG_NAME(n, text) text,
		SVM_SIG_VERDICTS(SVM_SIG_NAME)
#undef SVM_SIG_NAME
	};
	return (unsigned)v < SVM_SIG_NVERDICTS ? names[v] : "?";
}

struct svm_modsig {
	size_t module_len;      /* the signed bytes: file[0, module_len) */
	const uint8_t *cms;     /* the PKCS#7 DER after them */
	size_t cms_len;
	const char *why;        /* SVM_SIG_CORRUPT: what is wrong with the trailer */
};

/* SVM_SIG_OK with s filled, SVM_SIG_UNSIGNED (no magic: s->module_len is n) or SVM_SIG_CORRUPT */
static inline enum svm_sig_verdict svm_modsig_split(const uint8_t *file, size_t n, struct svm_modsig *s)
{
	const uint8_t *info;
	size_t sig_len, i;
	s->module_len = n;
	s->cms = NULL;
	s->cms_len = 0;
	s->why = NULL;
	if (n < SVM_MODSIG_MAGIC_LEN)
		return SVM_SIG_UNSIGNED;
	for (i = 0; i < SVM_MODSIG_MAGIC_LEN; i++)
		if (file[n - SVM_MODSIG_MAGIC_LEN + i] != (uint8_t)svm_modsig_magic[i])
			return SVM_SIG_UNSIGNED;
	if (n < SVM_MODSIG_MAGIC_LEN + SVM_MODSIG_INFO_LEN) {
		s->why = "the signature trailer is truncated";
		return SVM_SIG_CORRUPT;
	}
	info = file + n - SVM_MODSIG_MAGIC_LEN - SVM_MODSIG_INFO_LEN;
	if (info[2] != SVM_MODSIG_PKEY_ID_PKCS7 || info[0] || info[1] || info[3] || info[4]) {
		s->why = "the signature is not PKCS#7 (struct module_signature's id_type)";
		return SVM_SIG_CORRUPT;
	}
	sig_len = (size_t)info[8] << 24 | (size_t)info[9] << 16 | (size_t)info[10] << 8 | info[11];
	if (sig_len == 0 || sig_len > (size_t)(info - file)) {
		s->why = "the signature's length exceeds the file";
		return SVM_SIG_CORRUPT;
	}
	s->cms = info - sig_len;
	s->cms_len = sig_len;
	s->module_len = (size_t)(s->cms - file);
	return SVM_SIG_OK;
}
#endif
