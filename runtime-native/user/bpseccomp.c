/* bpseccomp.c: builds and installs bpseccomp.h's filter: x86-64 calls in the set are traced, every
 * other call (and every i386 or x32 call) is allowed. */
#define _GNU_SOURCE
#include "bpseccomp.h"
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define X32_BIT 0x40000000u

/* One range lo..hi of set numbers, as four instructions with local jumps only (classic BPF jumps
 * reach 255 instructions): ranges come in ascending order, so a number below lo is in no later one. */
static int emit_range(struct sock_filter *f, int n, unsigned lo, unsigned hi)
{
	f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, lo, 1, 0);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, hi, 1, 0);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
	return n;
}

int bp_seccomp_install(const struct bp_sysset *s)
{
	/* at most BP_NSYS / 2 ranges of 4, and 6 around them: under BPF_MAXINSNS (4096) */
	struct sock_filter f[6 + 4 * (BP_NSYS / 2 + 1)];
	int n = 0;
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
	f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
	f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, X32_BIT, 0, 1);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	for (unsigned nr = 0; nr < BP_NSYS; nr++) {
		unsigned hi = nr;
		if (!bp_sysset_has(s, nr)) continue;
		while (hi + 1 < BP_NSYS && bp_sysset_has(s, hi + 1)) hi++;
		n = emit_range(f, n, nr, hi);
		nr = hi;
	}
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	struct sock_fprog prog = { .len = (unsigned short)n, .filter = f };
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == 0) return 0;
	/* Without CAP_SYS_ADMIN the kernel wants no_new_privs first. Under an unprivileged tracer a
	 * set-user-ID exec gains nothing anyway (ptrace makes it unsafe), so this changes nothing the
	 * command can see; a tracer with CAP_SYS_ADMIN never gets here. */
	if (errno != EACCES || prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)) return -1;
	return syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == 0 ? 0 : -1;
}
