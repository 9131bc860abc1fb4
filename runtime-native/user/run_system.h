/* run_system.h: the loader's side of system(): a command of the script started with sh -c in the
 * background, as stap's stapio starts one for its STP_SYSTEM message. */
#ifndef STAPVM_RUN_SYSTEM_H
#define STAPVM_RUN_SYSTEM_H
#include <stddef.h>

/* starts sh -c CMD (len bytes, no NUL needed) detached from the loader: not waited for, holding none
 * of the loader's descriptors past stderr; a fork failure is reported on stderr */
void run_system(const char *cmd, size_t len);
#endif
