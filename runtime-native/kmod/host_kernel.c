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
#include <linux/string.h>
#include "context.h"
#include "regnames.h"

/* sleeping allocation at load time; the rare allocation from a handler (foreach snapshot) must not sleep */
void *svm_host_zalloc(size_t n)
{
	if (!preemptible())
		return kzalloc(n ? n : 1, GFP_ATOMIC | __GFP_NOWARN);
	return kvzalloc(n ? n : 1, GFP_KERNEL);
}

void svm_host_free(void *p) { kvfree(p); }
void svm_host_memcpy(void *d, const void *s, size_t n) { memcpy(d, s, n); }
int svm_host_memcmp(const void *a, const void *b, size_t n) { return memcmp(a, b, n); }
int64_t svm_host_pid(void) { return task_tgid_nr(current); }
int64_t svm_host_tid(void) { return task_pid_nr(current); }
int64_t svm_host_cpu(void) { return raw_smp_processor_id(); }
/* the NMI-safe clock: a kprobe may hit inside the timekeeping code itself */
int64_t svm_host_time_ns(void) { return ktime_get_real_fast_ns(); }
int64_t svm_host_clock_ns(void) { return local_clock(); }
int64_t svm_host_jiffies(void) { return (int64_t)get_jiffies_64(); }

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
