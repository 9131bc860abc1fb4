/* host_kernel.c: host.h and context.h for stapvm.ko: kernel allocation, current task, clocks, pt_regs, nofault reads. */
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/cred.h>
#include <linux/uaccess.h>
#include <linux/random.h>
#include <linux/timekeeping.h>
#include <linux/jiffies.h>
#include <linux/timex.h>
#include <linux/cpumask.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/kallsyms.h>
#include <linux/module.h>
#include <linux/kprobes.h>
#include <linux/mmap_lock.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/sched/task_stack.h>
#include <asm/unwind.h>
#include "context.h"
#include "regnames.h"

/* sleeping allocation, at load time: nothing allocates from a handler (foreach snapshots go to the
 * execution context's storage), so an atomic caller is a bug, warned about (the guest tests fail on
 * it) and still never put to sleep */
void *svm_host_zalloc(size_t n)
{
	if (WARN_ON_ONCE(!preemptible()))
		return kzalloc(n ? n : 1, GFP_ATOMIC | __GFP_NOWARN);
	return kvzalloc(n ? n : 1, GFP_KERNEL);
}

void svm_host_free(void *p) { kvfree(p); }

/* One rwlock_t per global, tried without blocking: handlers run with interrupts off, and a lock
 * that cannot be had skips the hit instead of deadlocking. SystemTap retries a hit's locks
 * MAXTRYLOCK (100) times TRYLOCKDELAY (10 us) = 1 ms in all; under QEMU TCG the vCPU holding a
 * lock can be descheduled by its host for milliseconds, so a hit here waits at most 20 ms in all,
 * across every lock it takes (host.h: one struct svm_lock_wait per hit). The clock is
 * ktime_get_mono_fast_ns (NMI-safe, reads the clocksource): local_clock() does not advance with
 * interrupts off where sched_clock is unstable (a TCG guest's TSC is: it moved 1-3 ms while 100 ms
 * passed), which made the bound no bound. The clock is read only once a trylock failed. A holder
 * is a handler bounded by MAXACTION, so a wait ends either way. */
#define SVM_LOCK_WAIT_NS (20 * NSEC_PER_MSEC)

void *svm_host_lock_new(void)
{
	rwlock_t *lk = kzalloc(sizeof *lk, GFP_KERNEL);
	if (lk)
		rwlock_init(lk);
	return lk;
}

void svm_host_lock_free(void *lk) { kfree(lk); }

int svm_host_lock(void *lk, int write, struct svm_lock_wait *w)
{
	for (;;) {
		u64 now;
		if (write ? write_trylock((rwlock_t *)lk) : read_trylock((rwlock_t *)lk))
			return 0;
		now = ktime_get_mono_fast_ns();
		if (!w->deadline)
			w->deadline = now + SVM_LOCK_WAIT_NS;
		else if (now >= (u64)w->deadline)
			return -1;
		cpu_relax();
	}
}

void svm_host_unlock(void *lk, int write)
{
	if (write)
		write_unlock((rwlock_t *)lk);
	else
		read_unlock((rwlock_t *)lk);
}
void svm_host_memcpy(void *d, const void *s, size_t n) { memcpy(d, s, n); }
int svm_host_memcmp(const void *a, const void *b, size_t n) { return memcmp(a, b, n); }
int64_t svm_host_pid(void) { return task_tgid_nr(current); }
int64_t svm_host_tid(void) { return task_pid_nr(current); }
int64_t svm_host_cpu(void) { return raw_smp_processor_id(); }
/* the NMI-safe clock: a kprobe may hit inside the timekeeping code itself */
int64_t svm_host_time_ns(void) { return ktime_get_real_fast_ns(); }
int64_t svm_host_clock_ns(void) { return local_clock(); }
int64_t svm_host_jiffies(void) { return (int64_t)get_jiffies_64(); }
/* the NMI-safe reader of the clock ktime_get_ns() reads */
int64_t svm_host_ktime_ns(void) { return ktime_get_mono_fast_ns(); }
int64_t svm_host_cycles(void) { return (int64_t)get_cycles(); }
int64_t svm_host_online_cpus(void) { return num_online_cpus(); }
/* staprun passes its time zone as module parameters; stapvm's loaders pass none to stapvm.ko yet */
int svm_host_tz(int64_t *west, char *name, size_t n) { (void)west; (void)name; (void)n; return -1; }

int64_t svm_host_cred(int which)
{
	struct user_namespace *ns = current_user_ns();
	switch (which) {
	case 0: return from_kuid_munged(ns, current_uid());
	case 1: return from_kgid_munged(ns, current_gid());
	case 2: return from_kuid_munged(ns, current_euid());
	default: return from_kgid_munged(ns, current_egid());
	}
}

int64_t svm_host_ppid(void)
{
	int64_t p;
	rcu_read_lock();
	p = task_tgid_nr(rcu_dereference(current->real_parent));
	rcu_read_unlock();
	return p;
}

uint32_t svm_host_random(uint32_t n) { return prandom_u32_max(n); }

int64_t svm_host_task(void)
{
	return (int64_t)(uintptr_t)current;
}

/* as stap's pid2task: the pid as the current task's namespace sees it, looked up under RCU */
int64_t svm_host_ppid_of(int64_t pid)
{
	struct task_struct *t;
	int64_t p = 0;
	if (pid <= 0 || pid > PID_MAX_LIMIT)
		return 0;
	rcu_read_lock();
	t = pid_task(find_vpid((pid_t)pid), PIDTYPE_PID);
	if (t)
		p = task_tgid_nr(rcu_dereference(t->real_parent));
	rcu_read_unlock();
	return p;
}

int svm_host_pid2task(int64_t pid, int64_t *task)
{
	struct task_struct *t = NULL;
	if (pid > 0 && pid <= PID_MAX_LIMIT) {
		rcu_read_lock();
		t = pid_task(find_vpid((pid_t)pid), PIDTYPE_PID);
		rcu_read_unlock();
	}
	*task = (int64_t)(uintptr_t)t;
	return 0;
}

/* no task_lock (not safe from every probe context): comm is a fixed array, a racing rename is harmless */
void svm_host_execname(char *buf, size_t n)
{
	if (n)
		strscpy(buf, current->comm, min(n, sizeof current->comm));
}

static uint64_t reg(const struct pt_regs *r, int i)
{
	const unsigned long v[SVM_NREG] = { r->ax, r->bx, r->cx, r->dx, r->si, r->di, r->bp, r->sp, r->r8, r->r9,
		r->r10, r->r11, r->r12, r->r13, r->r14, r->r15, r->ip, r->flags, r->cs, r->ss, r->orig_ax };
	return v[i];
}

int svm_host_arg(const struct svm_ctx *c, int n, uint64_t *out)
{
	static const int order[6] = { SVM_RDI, SVM_RSI, SVM_RDX, SVM_RCX, SVM_R8, SVM_R9 };
	if (!c || !c->regs || n < 1 || n > 6)
		return -1;
	*out = reg(c->regs, order[n - 1]);
	return 0;
}

int svm_host_retval(const struct svm_ctx *c, uint64_t *out)
{
	if (!c || !c->regs)
		return -1;
	*out = regs_return_value((struct pt_regs *)c->regs);
	return 0;
}

int svm_host_register(const struct svm_ctx *c, const char *name, uint64_t *out)
{
	int i = svm_reg_index(name);
	if (!c || !c->regs || i < 0)
		return -1;
	*out = reg(c->regs, i);
	return 0;
}

int svm_host_read(const struct svm_ctx *c, enum svm_addr_space space, uint64_t addr, void *buf, size_t len)
{
	if (space == SVM_MEM_USER)
		return copy_from_user_nofault(buf, (const void __user *)(uintptr_t)addr, len) ? -1 : 0;
	return copy_from_kernel_nofault(buf, (const void *)(uintptr_t)addr, len) ? -1 : 0;
}

/*
 * backtrace(): the ORC unwinder through its exported entry points (stack_trace_save_regs is not
 * exported in 6.1). A kprobe/kretprobe hit starts from a copy of its registers: a kprobe's
 * pre-handler sees ip = probe address + 1 (int3, ftrace-based and optimized kprobes alike), which is
 * reported as the probe address, as stap does; a kretprobe's ip is already the real return address.
 * Hits without kernel registers (timers, begin/end, uprobes) walk the current stack and leave out
 * the frames of stapvm.ko itself (the interpreter and the hit path).
 */
int svm_host_backtrace(const struct svm_ctx *c, uint64_t *pcs, int max)
{
	struct unwind_state state;
	struct pt_regs r;
	unsigned long addr;
	int n = 0;
	if (!c || max <= 0)
		return 0;
	if (c->regs && c->space == SVM_MEM_KERNEL && !user_mode((struct pt_regs *)c->regs)) {
		r = *(const struct pt_regs *)c->regs;
		if (c->kind == SVM_CTX_ENTRY)
			r.ip -= sizeof(kprobe_opcode_t);
		pcs[n++] = r.ip;
		for (unwind_start(&state, current, &r, NULL); !unwind_done(&state) && n < max; unwind_next_frame(&state)) {
			addr = unwind_get_return_address(&state);
			if (!addr)
				break;
			pcs[n++] = addr;
		}
		return n;
	}
	for (unwind_start(&state, current, NULL, NULL); !unwind_done(&state) && n < max; unwind_next_frame(&state)) {
		addr = unwind_get_return_address(&state);
		if (!addr)
			break;
		if (n == 0 && within_module(addr, THIS_MODULE))
			continue;
		pcs[n++] = addr;
	}
	return n;
}

/*
 * ubacktrace(): a uprobe/uretprobe hit carries the task's user registers (a uprobe's ip is the probe
 * address, a uretprobe's the return address); a kprobe that interrupted a user task's syscall finds
 * them at the top of its kernel stack. Kernel threads, timers and begin/end have none (stap: empty).
 */
int svm_host_user_ctx(const struct svm_ctx *c, struct svm_ctx *u)
{
	struct pt_regs *r;
	if (!c || !c->regs)
		return -1;
	*u = *c;
	if (c->space == SVM_MEM_USER)
		return 0;
	if (!current->mm || (current->flags & PF_KTHREAD))
		return -1;
	r = task_pt_regs(current);
	if (!user_mode(r))
		return -1;
	u->regs = r;
	u->kind = SVM_CTX_NONE;   /* in the middle of a function: no return address at [sp] */
	u->space = SVM_MEM_USER;
	return 0;
}

/*
 * The VMA of a user address, for print_ubacktrace()'s " 0xADDR [/path+0xOFF/0xSIZE]" (stap's line
 * without -d). Only at uprobe hits: the task is on its way back to user mode and holds no kernel lock,
 * so d_path (rename_lock) cannot deadlock; a kprobe may have interrupted any lock holder. mmap_lock
 * is only tried (handlers must not sleep): contended, the line is the bare address.
 */
int svm_host_umap(const struct svm_ctx *c, uint64_t pc, char *path, size_t len, uint64_t *start, uint64_t *end,
		  uint64_t *file_off)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	char *p;
	int rc = -1;
	if (!c || c->space != SVM_MEM_USER || !mm || len < 2 || !mmap_read_trylock(mm))
		return -1;
	vma = find_vma(mm, (unsigned long)pc);
	if (vma && vma->vm_start <= pc && vma->vm_file) {
		p = d_path(&vma->vm_file->f_path, path, len);
		if (!IS_ERR(p)) {
			memmove(path, p, strlen(p) + 1);
			*start = vma->vm_start;
			*end = vma->vm_end;
			*file_off = ((uint64_t)vma->vm_pgoff << PAGE_SHIFT) + (pc - vma->vm_start);
			rc = 0;
		}
	}
	mmap_read_unlock(mm);
	return rc;
}

/* the module parses no ELF: user addresses are named by their mapping only */
int svm_host_usym(const char *path, uint64_t file_off, char *name, size_t len, uint64_t *sym_off, uint64_t *size)
{
	if (len)
		name[0] = 0;
	return -1;
}

/* sprint_symbol's "sym+0xoff/0xsize [mod]" (no module part for the core kernel: stap's "[kernel]");
 * a miss prints the bare address, which stap shows without a symbol */
int svm_host_symbolize(uint64_t pc, char *buf, size_t len)
{
	char sym[KSYM_SYMBOL_LEN];
	if (!len)
		return -1;
	buf[0] = 0;
	sprint_symbol(sym, (unsigned long)pc);
	if (!strncmp(sym, "0x", 2))
		return -1;
	if (strchr(sym, '['))
		strscpy(buf, sym, len);
	else
		snprintf(buf, len, "%s [kernel]", sym);
	return 0;
}
