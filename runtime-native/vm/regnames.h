/* regnames.h: x86-64 register names as stap's register() knows them, mapped to a host-neutral index. */
#ifndef STAPVM_REGNAMES_H
#define STAPVM_REGNAMES_H
#include "text.h"

enum svm_reg { SVM_RAX, SVM_RBX, SVM_RCX, SVM_RDX, SVM_RSI, SVM_RDI, SVM_RBP, SVM_RSP, SVM_R8, SVM_R9, SVM_R10,
	       SVM_R11, SVM_R12, SVM_R13, SVM_R14, SVM_R15, SVM_RIP, SVM_EFLAGS, SVM_CS, SVM_SS, SVM_ORIG_RAX, SVM_NREG };

/* index of a 64-bit register name (with stap's short aliases: ax, ip, sp, flags...), or -1 */
static inline int svm_reg_index(const char *name)
{
	static const char *const names[SVM_NREG][3] = {
		{ "rax", "ax" }, { "rbx", "bx" }, { "rcx", "cx" }, { "rdx", "dx" }, { "rsi", "si" }, { "rdi", "di" },
		{ "rbp", "bp" }, { "rsp", "sp" }, { "r8" }, { "r9" }, { "r10" }, { "r11" }, { "r12" }, { "r13" },
		{ "r14" }, { "r15" }, { "rip", "ip" }, { "eflags", "flags" }, { "cs", "xcs" }, { "ss", "xss" },
		{ "orig_rax", "orig_ax" },   /* the system call number at a syscall stop */
	};
	for (int i = 0; i < SVM_NREG; i++)
		for (int k = 0; k < 3 && names[i][k]; k++)
			if (!svm_strcmp(name, names[i][k])) return i;
	return -1;
}
#endif
