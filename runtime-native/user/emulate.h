/* emulate.h: run common function-entry instructions in the tracer instead of stepping them. */
#ifndef STAPVM_EMULATE_H
#define STAPVM_EMULATE_H
#include <stdint.h>
#include <stddef.h>
#include <sys/user.h>
#include "x86dec.h"

/* Tracee memory access used by push/pop/call; return 0 on success. */
struct emu_mem {
	int (*read)(void *ctx, uint64_t addr, void *dst, size_t len);
	int (*write)(void *ctx, uint64_t addr, const void *src, size_t len);
	void *ctx;
};

/* True if emu_step() handles this decoded instruction (bytes are the instruction's bytes). */
int emu_can(const struct x86_insn *in, const uint8_t *bytes);

/* Apply the instruction at regs->rip to regs (and memory through mem): rip ends up at the
 * next instruction or the branch target. Returns 0, or -1 (regs untouched) if unsupported
 * or a memory access failed. */
int emu_step(const struct x86_insn *in, const uint8_t *bytes,
             struct user_regs_struct *regs, const struct emu_mem *mem);

/* GPR number (0=rax ... 4=rsp ... 15=r15) to its slot in user_regs_struct. */
unsigned long long *emu_gpr(struct user_regs_struct *r, int n);

#endif
