/* trust.c: verifies a module's appended PKCS#7 signature with OpenSSL's libcrypto as the kernel does
 * (certs/system_keyring.c, crypto/asymmetric_keys/pkcs7_*.c): the signer, named by issuer and
 * serial, must be a trusted certificate (no chain is built); no signed attributes; pkcs7-data. */
#define _GNU_SOURCE   /* asprintf */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include "trust.h"

struct svm_trust {
	STACK_OF(X509) *certs;
	char *dir;
};

/* every certificate of one file, PEM (several may follow each other) or DER; the count added */
static int load_file(struct svm_trust *t, const char *path)
{
	BIO *b = BIO_new_file(path, "rb");
	X509 *x;
	int added = 0;
	if (!b)
		return 0;
	while ((x = PEM_read_bio_X509(b, NULL, NULL, NULL)) != NULL) {
		sk_X509_push(t->certs, x);
		added++;
	}
	if (!added) {
		(void)BIO_reset(b);
		if ((x = d2i_X509_bio(b, NULL)) != NULL) {
			sk_X509_push(t->certs, x);
			added++;
		}
	}
	ERR_clear_error();
	BIO_free(b);
	return added;
}

struct svm_trust *svm_trust_open(const char *dir, char *err, size_t errlen)
{
	struct svm_trust *t = calloc(1, sizeof *t);
	DIR *d;
	struct dirent *e;
	struct stat st;
	char *path;
	if (!t || !(t->certs = sk_X509_new_null())) {
		snprintf(err, errlen, "out of memory");
		free(t);
		return NULL;
	}
	if (!(t->dir = strdup(dir))) {
		snprintf(err, errlen, "out of memory");
		svm_trust_free(t);
		return NULL;
	}
	if (!(d = opendir(dir))) {
		snprintf(err, errlen, "cannot read trust directory %s: %s", dir, strerror(errno));
		svm_trust_free(t);
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (asprintf(&path, "%s/%s", dir, e->d_name) < 0)
			continue;
		/* regular files only: a subdirectory (or a device) is not read */
		if ((stat(path, &st) != 0 || S_ISREG(st.st_mode)) && !load_file(t, path))
			fprintf(stderr, "WARNING: %s holds no X.509 certificate (PEM or DER): ignored\n", path);
		free(path);
	}
	closedir(d);
	return t;
}

void svm_trust_free(struct svm_trust *t)
{
	if (!t)
		return;
	sk_X509_pop_free(t->certs, X509_free);
	free(t->dir);
	free(t);
}

/* "CN=..., serial 0x..." of the signer a SignerInfo names */
static void signer_text(CMS_SignerInfo *si, char *buf, size_t len)
{
	ASN1_OCTET_STRING *keyid = NULL;
	X509_NAME *issuer = NULL;
	ASN1_INTEGER *serial = NULL;
	BIGNUM *bn;
	char name[256] = "?", *hex = NULL;
	if (CMS_SignerInfo_get0_signer_id(si, &keyid, &issuer, &serial) != 1 || !issuer || !serial) {
		snprintf(buf, len, "a signer named by key identifier");
		return;
	}
	X509_NAME_oneline(issuer, name, sizeof name);
	if ((bn = ASN1_INTEGER_to_BN(serial, NULL)) != NULL)
		hex = BN_bn2hex(bn);
	snprintf(buf, len, "issuer %s, serial %s", name, hex ? hex : "?");
	OPENSSL_free(hex);
	BN_free(bn);
}

enum svm_sig_verdict svm_trust_verify(const struct svm_trust *t, const uint8_t *file, size_t n,
				      size_t *module_len, char *why, size_t whylen)
{
	struct svm_modsig s;
	enum svm_sig_verdict v = svm_modsig_split(file, n, &s);
	const unsigned char *p;
	CMS_ContentInfo *cms = NULL;
	STACK_OF(CMS_SignerInfo) *sis;
	STACK_OF(X509) *signers = NULL;
	BIO *content = NULL;
	char who[512];
	int i, k;
	*module_len = s.module_len;
	why[0] = 0;
	if (v == SVM_SIG_UNSIGNED) {
		snprintf(why, whylen, "the module carries no signature (stapvm --sign)");
		return v;
	}
	if (v == SVM_SIG_CORRUPT) {
		snprintf(why, whylen, "%s", s.why);
		return v;
	}
	p = s.cms;
	cms = d2i_CMS_ContentInfo(NULL, &p, (long)s.cms_len);
	if (!cms || p != s.cms + s.cms_len || OBJ_obj2nid(CMS_get0_type(cms)) != NID_pkcs7_signed) {
		snprintf(why, whylen, "the signature is not a PKCS#7 SignedData in DER");
		v = SVM_SIG_CORRUPT;
		goto out;
	}
	sis = CMS_get0_SignerInfos(cms);
	if (sk_CMS_SignerInfo_num(sis) < 1) {
		snprintf(why, whylen, "the signature has no signer");
		v = SVM_SIG_CORRUPT;
		goto out;
	}
	/* the kernel's module rules (pkcs7_verify, VERIFYING_MODULE_SIGNATURE) */
	if (OBJ_obj2nid(CMS_get0_eContentType(cms)) != NID_pkcs7_data) {
		snprintf(why, whylen, "the signature is not over pkcs7-data");
		v = SVM_SIG_BAD;
		goto out;
	}
	signers = sk_X509_new_null();
	for (i = 0; i < sk_CMS_SignerInfo_num(sis); i++) {
		CMS_SignerInfo *si = sk_CMS_SignerInfo_value(sis, i);
		X509 *found = NULL;
		if (CMS_signed_get_attr_count(si) > 0) {
			snprintf(why, whylen, "the signature has signed attributes, which module signatures may not");
			v = SVM_SIG_BAD;
			goto out;
		}
		for (k = 0; k < sk_X509_num(t->certs) && !found; k++)
			if (CMS_SignerInfo_cert_cmp(si, sk_X509_value(t->certs, k)) == 0)
				found = sk_X509_value(t->certs, k);
		if (!found) {
			signer_text(si, who, sizeof who);
			snprintf(why, whylen, "the signer (%s) is not among the certificates of %s", who, t->dir);
			v = SVM_SIG_UNKNOWN_KEY;
			goto out;
		}
		sk_X509_push(signers, found);
	}
	content = BIO_new_mem_buf(file, (int)s.module_len);
	/* the signers' certificates come only from the trust directory; no chain, as in the kernel */
	if (CMS_verify(cms, signers, NULL, content, NULL,
		       CMS_BINARY | CMS_NOINTERN | CMS_NO_SIGNER_CERT_VERIFY) != 1) {
		snprintf(why, whylen, "the signature does not match the module's bytes");
		v = SVM_SIG_BAD;
		goto out;
	}
	v = SVM_SIG_OK;
out:
	ERR_clear_error();
	BIO_free(content);
	sk_X509_free(signers);   /* the certificates stay t's */
	CMS_ContentInfo_free(cms);
	return v;
}
