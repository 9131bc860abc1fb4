/* host_user_ctx.c: context.h for userspace hosts: regs is a struct user_regs_struct (ptrace), memory via process_vm_readv. */
#define _GNU_SOURCE
#include <sys/uio.h>
#include <sys/user.h>
#include <unistd.h>
#include "context.h"
#include "regnames.h"

static uint64_t reg(const struct user_regs_struct *r, int i)
{
	const unsigned long long v[SVM_NREG] = { r->rax, r->rbx, r->rcx, r->rdx, r->rsi, r->rdi, r->rbp, r->rsp, r->r8,
		r->r9, r->r10, r->r11, r->r12, r->r13, r->r14, r->r15, r->rip, r->eflags, r->cs, r->ss, r->orig_rax };
	return v[i];
}

int svm_host_arg(const struct svm_ctx *c, int n, uint64_t *out)
{
	static const int order[6] = { SVM_RDI, SVM_RSI, SVM_RDX, SVM_RCX, SVM_R8, SVM_R9 };
	if (!c || !c->regs || n < 1 || n > 6) return -1;
	*out = reg(c->regs, order[n - 1]);
	return 0;
}

int svm_host_retval(const struct svm_ctx *c, uint64_t *out)
{
	if (!c || !c->regs) return -1;
	*out = reg(c->regs, SVM_RAX);
	return 0;
}

int svm_host_register(const struct svm_ctx *c, const char *name, uint64_t *out)
{
	int i = svm_reg_index(name);
	if (!c || !c->regs || i < 0) return -1;
	*out = reg(c->regs, i);
	return 0;
}

/* The traced thread's memory (this process's without a target) by one process_vm_readv: a short read
 * (the range crosses into an unmapped page) is a fault; userspace has no kernel memory to read. */
int svm_host_read(const struct svm_ctx *c, enum svm_addr_space space, uint64_t addr, void *buf, size_t len)
{
	struct iovec local = { buf, len }, remote = { (void *)(uintptr_t)addr, len };
	pid_t pid = !c ? 0 : c->tid > 0 ? (pid_t)c->tid : c->pid > 0 ? (pid_t)c->pid : getpid();
	if (!c || space != SVM_MEM_USER) return -1;
	if (len == 0) return 0;
	return process_vm_readv(pid, &local, 1, &remote, 1, 0) == (ssize_t)len ? 0 : -1;
}

/* A userspace host sees no kernel stack: backtrace() is "" and print_backtrace() prints nothing. */
int svm_host_backtrace(const struct svm_ctx *c, uint64_t *pcs, int max)
{
	(void)c; (void)pcs; (void)max;
	return -1;
}

int svm_host_symbolize(uint64_t pc, char *buf, size_t len)
{
	(void)pc;
	if (len) buf[0] = 0;
	return -1;
}
