/* kprocfs.h: procfs("PATH").read/.write probes' files under /proc/systemtap/MODULE (kprocfs.c). */
#ifndef STAPVM_KPROCFS_H
#define STAPVM_KPROCFS_H
#include "ksession.h"

/* creates the session's files for its PROCFS_READ/PROCFS_WRITE slots (failures are warnings) */
void kpf_register_all(struct ksession *ks);
/* removes them; returns once no read or write of them runs */
void kpf_unregister_all(struct ksession *ks);
#endif
