/* host_user_ctx.c: context.h for userspace hosts: regs is a struct user_regs_struct (ptrace), memory via process_vm_readv. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <unistd.h>
#include "../vm/context.h"
#include "../vm/regnames.h"

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

/* ptrace hits carry the tracee's user registers; begin/end/timers have none */
int svm_host_user_ctx(const struct svm_ctx *c, struct svm_ctx *u)
{
	if (!c || !c->regs || c->space != SVM_MEM_USER) return -1;
	*u = *c;
	return 0;
}

/* the /proc/PID/maps line whose file mapping covers pc */
int svm_host_umap(const struct svm_ctx *c, uint64_t pc, char *path, size_t len, uint64_t *start, uint64_t *end,
		  uint64_t *file_off)
{
	char name[64], *line = NULL;
	size_t cap = 0;
	pid_t pid = !c ? 0 : c->pid > 0 ? (pid_t)c->pid : c->tid > 0 ? (pid_t)c->tid : getpid();
	FILE *f;
	int rc = -1;
	snprintf(name, sizeof name, "/proc/%d/maps", (int)pid);
	if (!len || !(f = fopen(name, "re"))) return -1;
	while (rc && getline(&line, &cap, f) > 0) {
		unsigned long long lo, hi, off;
		int at = 0;
		char *p;
		if (sscanf(line, "%llx-%llx %*s %llx %*s %*s %n", &lo, &hi, &off, &at) < 3 || !at) continue;
		p = line + at;
		if (pc < lo || pc >= hi || p[0] != '/') continue;
		p[strcspn(p, "\n")] = 0;
		snprintf(path, len, "%s", p);
		*start = lo; *end = hi; *file_off = off + (pc - lo);
		rc = 0;
	}
	free(line);
	fclose(f);
	return rc;
}

/* libstapvm alone has no ELF reader: the userspace runtime (user/usym.c) overrides this */
__attribute__((weak)) int svm_host_usym(const char *path, uint64_t file_off, char *name, size_t len, uint64_t *sym_off,
					uint64_t *size)
{
	(void)path; (void)file_off; (void)sym_off; (void)size;
	if (len) name[0] = 0;
	return -1;
}

int svm_host_symbolize(uint64_t pc, char *buf, size_t len)
{
	(void)pc;
	if (len) buf[0] = 0;
	return -1;
}
