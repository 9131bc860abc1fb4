/* test_modsig.c: vm/modsig.h's split of a module file's signature trailer at every boundary, and
 * on every truncation and byte value of a real trailer: a verdict, never a read outside the file. */
#include "../../vm/modsig.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failed, passed;
#define CHECK(c) do { if (c) passed++; else { failed++; fprintf(stderr, "%s:%d: FAIL %s\n", __FILE__, __LINE__, #c); } } while (0)

/* module (mlen bytes of 'M'), cms (clen bytes of 'C'), then the trailer with sig_len and id_type */
static size_t build(uint8_t *buf, size_t mlen, size_t clen, uint32_t sig_len, uint8_t id_type)
{
	uint8_t info[SVM_MODSIG_INFO_LEN] = { 0, 0, id_type, 0, 0, 0, 0, 0,
					      sig_len >> 24, sig_len >> 16, sig_len >> 8, sig_len };
	memset(buf, 'M', mlen);
	memset(buf + mlen, 'C', clen);
	memcpy(buf + mlen + clen, info, sizeof info);
	memcpy(buf + mlen + clen + sizeof info, svm_modsig_magic, SVM_MODSIG_MAGIC_LEN);
	return mlen + clen + sizeof info + SVM_MODSIG_MAGIC_LEN;
}

int main(void)
{
	static uint8_t buf[4096], copy[4096];
	struct svm_modsig s;
	size_t n, cut;
	unsigned at, val, outside = 0;

	CHECK(strlen(svm_modsig_magic) == SVM_MODSIG_MAGIC_LEN && SVM_MODSIG_MAGIC_LEN == 28);
	CHECK(!strcmp(svm_sig_verdict_name(SVM_SIG_UNKNOWN_KEY), "unknown key"));
	CHECK(!strcmp(svm_sig_verdict_name(SVM_SIG_NVERDICTS), "?"));

	/* a well-formed file: the module and the PKCS#7 found exactly */
	n = build(buf, 100, 50, 50, SVM_MODSIG_PKEY_ID_PKCS7);
	CHECK(svm_modsig_split(buf, n, &s) == SVM_SIG_OK && s.module_len == 100 && s.cms == buf + 100 && s.cms_len == 50);
	/* the PKCS#7 may fill the file: an empty module is the verifier's to refuse */
	n = build(buf, 0, 50, 50, SVM_MODSIG_PKEY_ID_PKCS7);
	CHECK(svm_modsig_split(buf, n, &s) == SVM_SIG_OK && s.module_len == 0 && s.cms_len == 50);
	/* sig_len one past what precedes the trailer, zero, and 2^32-1 */
	n = build(buf, 0, 50, 51, SVM_MODSIG_PKEY_ID_PKCS7);
	CHECK(svm_modsig_split(buf, n, &s) == SVM_SIG_CORRUPT && s.module_len == n);
	n = build(buf, 100, 50, 0, SVM_MODSIG_PKEY_ID_PKCS7);
	CHECK(svm_modsig_split(buf, n, &s) == SVM_SIG_CORRUPT);
	n = build(buf, 100, 50, 0xffffffffu, SVM_MODSIG_PKEY_ID_PKCS7);
	CHECK(svm_modsig_split(buf, n, &s) == SVM_SIG_CORRUPT);
	/* not PKCS#7 (id_type 0: the old PGP/X.509 forms the kernel dropped) */
	n = build(buf, 100, 50, 50, 0);
	CHECK(svm_modsig_split(buf, n, &s) == SVM_SIG_CORRUPT);
	/* the magic alone, and the magic with a short struct before it */
	memcpy(buf, svm_modsig_magic, SVM_MODSIG_MAGIC_LEN);
	CHECK(svm_modsig_split(buf, SVM_MODSIG_MAGIC_LEN, &s) == SVM_SIG_CORRUPT);
	/* no magic: unsigned, the whole file is the module */
	memset(buf, 'M', 200);
	CHECK(svm_modsig_split(buf, 200, &s) == SVM_SIG_UNSIGNED && s.module_len == 200 && !s.cms);
	CHECK(svm_modsig_split(buf, 0, &s) == SVM_SIG_UNSIGNED && s.module_len == 0);

	/* every truncation of a good file, and every value of every trailer byte: the parts stay inside */
	n = build(buf, 100, 50, 50, SVM_MODSIG_PKEY_ID_PKCS7);
	for (cut = 0; cut <= n; cut++) {
		enum svm_sig_verdict v = svm_modsig_split(buf, cut, &s);
		CHECK(v == SVM_SIG_UNSIGNED || v == SVM_SIG_CORRUPT || (v == SVM_SIG_OK && cut == n));
	}
	for (at = n - SVM_MODSIG_MAGIC_LEN - SVM_MODSIG_INFO_LEN; at < n; at++) {
		for (val = 0; val < 256; val++) {
			enum svm_sig_verdict v;
			memcpy(copy, buf, n);
			copy[at] = (uint8_t)val;
			v = svm_modsig_split(copy, n, &s);
			if (v == SVM_SIG_OK && !(s.module_len + s.cms_len + SVM_MODSIG_INFO_LEN + SVM_MODSIG_MAGIC_LEN == n &&
						 s.cms == copy + s.module_len && s.cms_len > 0))
				outside++;
		}
	}
	CHECK(outside == 0);
	printf("modsig: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
