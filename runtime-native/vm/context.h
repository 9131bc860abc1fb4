/* context.h: what a probe hit hands the interpreter about the event, and what the host must answer
 * about it. The driver (kernel kprobe/uprobe handler, userspace ptrace engine, or the timer/begin
 * loop) fills one svm_ctx per hit; helpers (uint_arg, returnval, user_string, pid, ...) read the
 * event only through these functions, so the same helper code runs in both hosts. */
#ifndef STAPVM_CONTEXT_H
#define STAPVM_CONTEXT_H
#include "host.h"

enum svm_ctx_kind {
	SVM_CTX_NONE = 0,     /* begin/end/error/timer in the driver's own context: no registers */
	SVM_CTX_ENTRY,        /* function entry or statement: arguments readable */
	SVM_CTX_RETURN,       /* function return: returnval() readable */
};

enum svm_addr_space { SVM_MEM_KERNEL = 0, SVM_MEM_USER = 1 };

struct svm_ctx {
	enum svm_ctx_kind kind;
	/* host register frame: struct pt_regs * in the kernel, struct user_regs_struct * under ptrace */
	const void *regs;
	/* the task the event belongs to; -1 means "the current task" (kernel hosts) */
	int64_t pid, tid;
	/* host-private handle (e.g. the traced process for process_vm_readv) */
	void *host;
	/* the task's name when the host knows it (ptrace: /proc/TID/comm); NULL: svm_host_execname() */
	const char *comm;
	/* where the stack of regs lives (arguments past the sixth): kernel probes SVM_MEM_KERNEL */
	enum svm_addr_space space;
	/* the hit's @entry data (a .return probe with an entry program): written by the entry program at
	 * function entry, read by the return handler; entry_size bytes, zeroed before the entry program */
	uint8_t *entry_data;
	uint32_t entry_size;
	/* a tracepoint hit's arguments as the tracepoint passed them (kernel.trace), tp_nargs of them; NULL elsewhere */
	const uint64_t *tp_args;
	uint32_t tp_nargs;
	/* a procfs probe's data (NULL elsewhere): a write's bytes, or the buffer a read probe fills */
	struct svm_procfs *procfs;
};

/* The data of a procfs hit: writing, buf holds the len bytes written; reading, the handler fills buf
 * (cap bytes, len used) through _procfs_set/_procfs_append, and the reader gets those bytes. */
struct svm_procfs {
	char *buf;
	uint32_t len, cap;
	int reading;
};

/* x86-64 SysV: argument n (1-based, 1..6 in registers) of the probed call, 0 or -1 when unavailable */
int svm_host_arg(const struct svm_ctx *c, int n, uint64_t *out);
/* the return value register at a return probe; 0 or -1 */
int svm_host_retval(const struct svm_ctx *c, uint64_t *out);
/* a named register ("rax", "rdi", "ip", "sp", ...); 0, or -1 for an unknown name/no registers */
int svm_host_register(const struct svm_ctx *c, const char *name, uint64_t *out);
/* copies len bytes at addr of the event's address space without faulting; 0 or -1 (bad address) */
int svm_host_read(const struct svm_ctx *c, enum svm_addr_space space, uint64_t addr, void *buf, size_t len);
/* The frames backtrace()/print_backtrace() and ubacktrace()/print_ubacktrace() report at most. */
#define SVM_BT_MAX 32
/* the kernel stack of the hit: pcs[0] the probe address (kprobe) or the interrupted/return address
 * (kretprobe), then return addresses; at most max. The count, or -1 where the host has no kernel
 * stack (userspace). Nothing allocated. */
int svm_host_backtrace(const struct svm_ctx *c, uint64_t *pcs, int max);
/* The user-mode view of the hit for ubacktrace()/print_ubacktrace(): *u is c with the task's user
 * registers (a uprobe's own; a kprobe's task_pt_regs when it interrupted a user task) and space
 * SVM_MEM_USER. 0, or -1 when the hit has no user task or registers (timers, begin/end, kernel threads). */
int svm_host_user_ctx(const struct svm_ctx *c, struct svm_ctx *u);
/* The file mapping that covers user address pc in the hit's task: its path (NUL-terminated, cut to
 * len), the mapping's start and end, and pc's offset in the file. 0, or -1 when unknown or not
 * safely knowable in this context (stapvm.ko: a kprobe hit, or mmap_lock contended). */
int svm_host_umap(const struct svm_ctx *c, uint64_t pc, char *path, size_t len, uint64_t *start, uint64_t *end,
		  uint64_t *file_off);
/* The function symbol of the ELF file path covering file offset file_off: name (cut to len), pc's offset
 * in it and stap's size (the distance to the next symbol, 0 for the last). 0, or -1 (stapvm.ko parses
 * no ELF: always -1; the userspace runtime reads the file's symbol tables). */
int svm_host_usym(const char *path, uint64_t file_off, char *name, size_t len, uint64_t *sym_off, uint64_t *size);
/* "sym+0xOFF/0xSIZE [module]" (module "kernel" for the core kernel) of a kernel address into buf
 * (NUL-terminated, cut to len); 0, or -1 when no symbol covers pc */
int svm_host_symbolize(uint64_t pc, char *buf, size_t len);
#endif
