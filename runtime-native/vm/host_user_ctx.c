/* host_user_ctx.c: context.h for the userspace host: registers from a ptrace stop (struct user_regs_struct), memory by process_vm_readv. */
#define _GNU_SOURCE
#include <string.h>
#include <stddef.h>
#include <sys/uio.h>
#include <sys/user.h>
#include "context.h"

int svm_host_arg(const struct svm_ctx *c, int n, uint64_t *out)
{
	const struct user_regs_struct *r = c ? c->regs : NULL;
	if (!r || n < 1 || n > 6) return -1;
	switch (n) {
	case 1: *out = r->rdi; break;
	case 2: *out = r->rsi; break;
	case 3: *out = r->rdx; break;
	case 4: *out = r->rcx; break;
	case 5: *out = r->r8; break;
	default: *out = r->r9; break;
	}
	return 0;
}

int svm_host_retval(const struct svm_ctx *c, uint64_t *out)
{
	const struct user_regs_struct *r = c ? c->regs : NULL;
	if (!r) return -1;
	*out = r->rax;
	return 0;
}

int svm_host_register(const struct svm_ctx *c, const char *name, uint64_t *out)
{
	static const struct { const char *name; size_t off; } regs[] = {
#define R(n, f) { n, offsetof(struct user_regs_struct, f) }
		R("rax", rax), R("rbx", rbx), R("rcx", rcx), R("rdx", rdx), R("rsi", rsi), R("rdi", rdi),
		R("rbp", rbp), R("rsp", rsp), R("r8", r8), R("r9", r9), R("r10", r10), R("r11", r11),
		R("r12", r12), R("r13", r13), R("r14", r14), R("r15", r15), R("rip", rip), R("ip", rip),
		R("sp", rsp), R("bp", rbp), R("ax", rax), R("bx", rbx), R("cx", rcx), R("dx", rdx),
		R("si", rsi), R("di", rdi), R("orig_rax", orig_rax), R("flags", eflags), R("eflags", eflags),
#undef R
	};
	if (!c || !c->regs) return -1;
	for (size_t i = 0; i < sizeof regs / sizeof regs[0]; i++)
		if (strcmp(regs[i].name, name) == 0) {
			memcpy(out, (const char *)c->regs + regs[i].off, 8);
			return 0;
		}
	return -1;
}

/* One process_vm_readv; a short read (the range crosses into an unmapped page) is a fault. */
int svm_host_read(const struct svm_ctx *c, enum svm_addr_space space, uint64_t addr, void *buf, size_t len)
{
	struct iovec local = { buf, len }, remote = { (void *)(uintptr_t)addr, len };
	if (!c || space != SVM_MEM_USER || c->pid < 0) return -1;
	if (len == 0) return 0;
	return process_vm_readv((pid_t)(c->tid > 0 ? c->tid : c->pid), &local, 1, &remote, 1, 0) == (ssize_t)len ? 0 : -1;
}
