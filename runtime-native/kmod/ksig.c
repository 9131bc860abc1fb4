/* ksig.c: stapvm.ko checks a module file's appended PKCS#7 signature (vm/modsig.h) with the kernel's
 * verify_pkcs7_signature(), against the keyrings kernel module signatures use (builtin, secondary,
 * which the machine/MOK keyring is linked into, then platform) and a .stapvm keyring that root fills
 * with keyctl (restricted as the secondary keyring while the kernel enforces module signatures).
 * require_signed decides whether unsigned modules load; a present signature must verify. */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/atomic.h>
#include <linux/cred.h>
#include <linux/key.h>
#include <linux/security.h>
#include <linux/verification.h>
#include "ksig.h"
#include "modsig.h"

static struct key *stapvm_keyring;
static atomic_t verdicts[SVM_SIG_NVERDICTS];

/* module signatures enforced by the kernel (module.sig_enforce, lockdown): stapvm's are then too */
static bool kernel_enforces(void)
{
	return is_module_sig_enforced() || security_locked_down(LOCKDOWN_MODULE_SIGNATURE) != 0;
}

/* -1 until init decides: on when the kernel enforces module signatures. Whatever it says, a kernel
 * that enforces them (lockdown may be raised after init) gets signed modules only */
static int require_signed = -1;

static bool signatures_required(void)
{
	return READ_ONCE(require_signed) > 0 || kernel_enforces();
}

static int require_set(const char *val, const struct kernel_param *kp)
{
	bool on;
	int rc = kstrtobool(val, &on);
	if (rc)
		return rc;
	if (!on && kernel_enforces())
		return -EPERM;
	WRITE_ONCE(require_signed, on);
	return 0;
}

static int require_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%c\n", signatures_required() ? 'Y' : 'N');
}

static const struct kernel_param_ops require_ops = { .set = require_set, .get = require_get };
module_param_cb(require_signed, &require_ops, NULL, 0644);
MODULE_PARM_DESC(require_signed, "load only signed modules (default: on when the kernel enforces module signatures)");

/* the .stapvm keyring's serial, for `keyctl padd asymmetric "" $(cat .../keyring) < cert.x509` */
static int keyring_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%d\n", stapvm_keyring ? key_serial(stapvm_keyring) : 0);
}

/* insmod calls .set for any NAME=VALUE it is given, read-only or not */
static int read_only_set(const char *val, const struct kernel_param *kp)
{
	return -EPERM;
}

static const struct kernel_param_ops keyring_ops = { .set = read_only_set, .get = keyring_get };
module_param_cb(keyring, &keyring_ops, NULL, 0444);
MODULE_PARM_DESC(keyring, "serial number of the .stapvm keyring");

/* how many module files got each verdict since load, one "reason: count" line each */
static int verdicts_get(char *buf, const struct kernel_param *kp)
{
	int len = 0, v;
	for (v = 0; v < SVM_SIG_NVERDICTS; v++)
		len += sysfs_emit_at(buf, len, "%s: %d\n", svm_sig_verdict_name(v), atomic_read(&verdicts[v]));
	return len;
}

static const struct kernel_param_ops verdicts_ops = { .set = read_only_set, .get = verdicts_get };
module_param_cb(signatures, &verdicts_ops, NULL, 0444);
MODULE_PARM_DESC(signatures, "module files loaded or refused, by signature verdict");

/*
 * What may be added to .stapvm: anything root adds while the kernel does not enforce module
 * signatures; once it does (at insmod or when lockdown is raised later), only keys signed by a
 * builtin or secondary key, as for the secondary keyring. That rule (restrict_link_by_builtin_and_
 * secondary_trusted) is not exported: a keyring of our own that holds no keys carries it, by
 * keyring_restrict(), and the check borrows it.
 */
static struct key *secondary_rule;

static int stapvm_link_check(struct key *dest, const struct key_type *type, const union key_payload *payload,
			     struct key *unused)
{
	const struct key_restriction *rule = secondary_rule->restrict_link;
	if (!kernel_enforces())
		return 0;
	return rule->check(dest, type, payload, rule->key);
}

int ksig_init(void)
{
	key_perm_t perm = KEY_POS_ALL | KEY_USR_VIEW | KEY_USR_READ | KEY_USR_SEARCH | KEY_USR_WRITE;
	struct key_restriction *check;
	struct key *kr;
	int rc;
	if (require_signed < 0)
		require_signed = kernel_enforces();
	secondary_rule = keyring_alloc(".stapvm_rule", GLOBAL_ROOT_UID, GLOBAL_ROOT_GID, current_cred(),
				       KEY_POS_ALL, KEY_ALLOC_NOT_IN_QUOTA, NULL, NULL);
	if (IS_ERR(secondary_rule)) {
		rc = PTR_ERR(secondary_rule);
		secondary_rule = NULL;
		return rc;
	}
	rc = keyring_restrict(make_key_ref(secondary_rule, true), "asymmetric", "builtin_and_secondary_trusted");
	check = rc ? NULL : kzalloc(sizeof *check, GFP_KERNEL);
	if (!check) {
		key_put(secondary_rule);
		secondary_rule = NULL;
		return rc ? rc : -ENOMEM;
	}
	check->check = stapvm_link_check;   /* freed with the keyring (keyring_destroy) */
	kr = keyring_alloc(".stapvm", GLOBAL_ROOT_UID, GLOBAL_ROOT_GID, current_cred(), perm,
			   KEY_ALLOC_NOT_IN_QUOTA, check, NULL);
	if (IS_ERR(kr)) {
		kfree(check);
		key_put(secondary_rule);
		secondary_rule = NULL;
		return PTR_ERR(kr);
	}
	stapvm_keyring = kr;
	return 0;
}

void ksig_exit(void)
{
	if (stapvm_keyring) {
		keyring_clear(stapvm_keyring);   /* the enrolled keys go with the module */
		key_revoke(stapvm_keyring);
		key_put(stapvm_keyring);
	}
	/* revoked, a .stapvm someone still holds a reference to takes no more links, so its check
	 * (this module's code) is not called after rmmod; the rule goes after it */
	key_revoke(secondary_rule);
	key_put(secondary_rule);
}

/* the keyrings in the order they are tried; an -ENOKEY moves on to the next */
static int verify(const u8 *file, const struct svm_modsig *s)
{
	struct key *const rings[] = { VERIFY_USE_SECONDARY_KEYRING, VERIFY_USE_PLATFORM_KEYRING, stapvm_keyring };
	int rc = -ENOKEY;
	size_t i;
	for (i = 0; i < ARRAY_SIZE(rings) && rc == -ENOKEY; i++)
		rc = verify_pkcs7_signature(file, s->module_len, s->cms, s->cms_len, rings[i],
					    VERIFYING_MODULE_SIGNATURE, NULL, NULL);
	return rc;
}

/* the loads of callers without CAP_SYS_ADMIN: stapusr modules loaded, and each refusal */
enum { KP_LOADED, KP_UNSIGNED, KP_NOT_STAPUSR, KP_N };
static atomic_t unprivileged[KP_N];
static const char *const unprivileged_name[KP_N] = { "loaded", "unsigned", "not stapusr" };

static int unprivileged_get(char *buf, const struct kernel_param *kp)
{
	int len = 0, v;
	for (v = 0; v < KP_N; v++)
		len += sysfs_emit_at(buf, len, "%s: %d\n", unprivileged_name[v], atomic_read(&unprivileged[v]));
	return len;
}

static const struct kernel_param_ops unprivileged_ops = { .set = read_only_set, .get = unprivileged_get };
module_param_cb(unprivileged, &unprivileged_ops, NULL, 0444);
MODULE_PARM_DESC(unprivileged, "loads by callers without CAP_SYS_ADMIN (stapusr members): loaded, refused unsigned, refused not stapusr");

static void refused(const char *err, int rc)
{
	pr_notice_ratelimited("stapvm: module refused (pid %d, uid %u): %s (%d)\n", task_pid_nr(current),
			      from_kuid(&init_user_ns, current_uid()), err, rc);
}

int ksig_privilege(bool stapusr, char *err, size_t errlen)
{
	if (stapusr) {
		atomic_inc(&unprivileged[KP_LOADED]);
		return 0;
	}
	atomic_inc(&unprivileged[KP_NOT_STAPUSR]);
	snprintf(err, errlen, "privilege: the module was not compiled --privilege=stapusr, and a caller without CAP_SYS_ADMIN may load only those");
	refused(err, -EPERM);
	return -EINVAL;
}

int ksig_check(const u8 *file, size_t n, size_t *module_len, bool need_signature, char *err, size_t errlen)
{
	struct svm_modsig s;
	enum svm_sig_verdict v = svm_modsig_split(file, n, &s);
	const char *why = s.why;
	int rc = 0;
	*module_len = s.module_len;
	if (v == SVM_SIG_OK) {
		rc = verify(file, &s);
		switch (rc) {
		case 0: break;
		case -ENOMEM: return rc;
		case -ENOKEY: v = SVM_SIG_UNKNOWN_KEY; why = "no key in the kernel's keyrings or .stapvm matches the signer"; break;
		case -EBADMSG: v = SVM_SIG_CORRUPT; why = "the PKCS#7 message cannot be parsed"; break;
		case -EKEYREJECTED: v = SVM_SIG_BAD; why = "the signature does not match the module's bytes"; break;
		case -ENOPKG: v = SVM_SIG_BAD; why = "the signature's algorithm is not supported by this kernel"; break;
		default: v = SVM_SIG_BAD; why = "verify_pkcs7_signature() refused it"; break;
		}
	} else if (v == SVM_SIG_UNSIGNED) {
		why = need_signature ? "a caller without CAP_SYS_ADMIN (a stapusr member) may load only signed modules"
				     : "the module carries no signature and require_signed is set";
		if (need_signature)
			atomic_inc(&unprivileged[KP_UNSIGNED]);
	}
	atomic_inc(&verdicts[v]);
	if (v == SVM_SIG_OK || (v == SVM_SIG_UNSIGNED && !need_signature && !signatures_required()))
		return 0;
	snprintf(err, errlen, "%s: %s", svm_sig_verdict_name(v), why);
	refused(err, rc);
	return -EINVAL;
}
