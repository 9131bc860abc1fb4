/* ksig.h: stapvm.ko's signature check of a module file (ksig.c), the .stapvm keyring and its knobs. */
#ifndef STAPVM_KSIG_H
#define STAPVM_KSIG_H
#include <linux/types.h>

int ksig_init(void);
void ksig_exit(void);

/* 0 when file may load, with the length of its module bytes (the signature cut off) in
 * *module_len; else -EINVAL with the reason written into err, or -ENOMEM */
int ksig_check(const u8 *file, size_t n, size_t *module_len, bool need_signature, char *err, size_t errlen);

/* a caller without CAP_SYS_ADMIN loads only stapusr modules: 0 when the verified module is one
 * (counted), else -EINVAL with the reason in err (counted and logged as ksig_check's refusals) */
int ksig_privilege(bool stapusr, char *err, size_t errlen);
#endif
