/* xol.c: injected mmap for the XOL area and RIP-relative re-basing of displaced instructions. */
#include "xol.h"
#include "ptmem.h"
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

static uint64_t inject_mmap(pid_t tid, uint64_t hint, uint64_t size, int flags)
{
	struct user_regs_struct saved, r;
	uint8_t old[8], sc[8];
	int st;
	uint64_t ret = 0;

	if (ptrace(PTRACE_GETREGS, tid, 0, &saved) || pt_read(tid, saved.rip, old, 8)) return 0;
	memcpy(sc, old, 8);
	sc[0] = 0x0f; sc[1] = 0x05;                      /* syscall */
	r = saved;
	r.rax = SYS_mmap; r.rdi = hint; r.rsi = size; r.rdx = PROT_READ | PROT_EXEC;
	r.r10 = MAP_PRIVATE | MAP_ANONYMOUS | flags; r.r8 = (uint64_t)-1; r.r9 = 0;
	r.orig_rax = (uint64_t)-1;                       /* not inside a syscall: no restart games */
	if (pt_write(tid, saved.rip, sc, 8) || ptrace(PTRACE_SETREGS, tid, 0, &r)) goto out;
	if (ptrace(PTRACE_SINGLESTEP, tid, 0, 0) || waitpid(tid, &st, __WALL) != tid) goto out;
	if (ptrace(PTRACE_GETREGS, tid, 0, &r)) goto out;
	if (r.rax < (uint64_t)-4095) ret = r.rax;
out:
	pt_write(tid, saved.rip, old, 8);
	ptrace(PTRACE_SETREGS, tid, 0, &saved);
	return ret;
}

uint64_t xol_map_area(pid_t tid, uint64_t near, uint64_t size)
{
	/* Probe hints below and above the code, page aligned, well inside +-2 GiB. */
	static const int64_t steps[] = { -0x10000000, 0x10000000, -0x40000000, 0x40000000, -0x2000000, 0x2000000 };
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		uint64_t hint = (near + steps[i]) & ~0xfffull, got;
		if ((int64_t)hint <= 0x10000) continue;
		got = inject_mmap(tid, hint, size, MAP_FIXED_NOREPLACE);
		if (got == hint) return got;
	}
	return 0;
}

int xol_relocate(const struct x86_insn *in, const uint8_t *orig, uint64_t addr, uint64_t slot,
                 uint8_t out[XOL_SLOT])
{
	if (in->flags & (X86_F_NOSTEP | X86_F_BAD | X86_F_REL)) return -1;
	memset(out, 0xcc, XOL_SLOT);
	memcpy(out, orig, in->len);
	if (in->flags & X86_F_RIPREL) {
		int32_t d;
		int64_t nd;
		memcpy(&d, orig + in->disp_off, 4);
		nd = (int64_t)d + (int64_t)(addr - slot);   /* same target seen from the slot */
		if (nd != (int32_t)nd) return -1;
		d = (int32_t)nd;
		memcpy(out + in->disp_off, &d, 4);
	}
	{
		int64_t back = (int64_t)(addr + in->len) - (int64_t)(slot + in->len + 5);
		int32_t r = (int32_t)back;
		if (back != r) return -1;
		out[in->len] = 0xe9;
		memcpy(out + in->len + 1, &r, 4);
	}
	return 0;
}
