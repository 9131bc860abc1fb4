/* host.h: everything the VM needs from its host (kernel or userspace); the only door to libc or kernel APIs. */
#ifndef STAPVM_HOST_H
#define STAPVM_HOST_H
#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/limits.h>
#define INT64_MAX S64_MAX
#else
#include <stdint.h>
#include <stddef.h>
#endif

/* counters shared by handlers on several CPUs: GCC/Clang builtins, the same in the kernel and in userspace */
#define svm_atomic_inc(p) __atomic_add_fetch((p), 1, __ATOMIC_RELAXED)
#define svm_atomic_set(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define svm_atomic_get(p) __atomic_load_n((p), __ATOMIC_ACQUIRE)

/* memory: zeroed allocation, at load time (a handler allocates nothing); may fail (returns NULL) */
void *svm_host_zalloc(size_t n);
void svm_host_free(void *p);

/* byte helpers (memcpy/memset/memcmp live in the host: kernel and libc both provide them) */
void svm_host_memcpy(void *d, const void *s, size_t n);
int svm_host_memcmp(const void *a, const void *b, size_t n);

/* context of the current probe hit */
int64_t svm_host_pid(void);
int64_t svm_host_tid(void);
int64_t svm_host_cpu(void);
int64_t svm_host_time_ns(void);
/* a monotonic clock in nanoseconds (the kernel's local_clock()) */
int64_t svm_host_clock_ns(void);
/* the kernel's monotonic clock (ktime_get_ns) in nanoseconds, the cycle counter, the online CPUs */
int64_t svm_host_ktime_ns(void);
int64_t svm_host_cycles(void);
int64_t svm_host_online_cpus(void);
/* the loader's time zone: seconds west of UTC and its name (cut to n); 0, or -1 when the host has none */
int svm_host_tz(int64_t *west, char *name, size_t n);
/* the kernel's jiffies counter (userspace: the monotonic clock in 1/250 s) */
int64_t svm_host_jiffies(void);
/* credentials of the current task: 0 uid, 1 gid, 2 euid, 3 egid; and its parent's pid */
int64_t svm_host_cred(int which);
int64_t svm_host_ppid(void);
/* the parent's pid of process pid (a traced task of the userspace runtime); 0 when it is gone */
int64_t svm_host_ppid_of(int64_t pid);
/* a uniformly random integer in [0, n) (n >= 1) */
uint32_t svm_host_random(uint32_t n);
/* Global locks, one per global, made with the session. The VM takes a handler's in ascending
 * global index (read: write == 0) and releases them in reverse before returning to the host.
 * The wait is bounded per hit, not per lock (as stap's MAXTRYLOCK retries): the VM zeroes one
 * struct svm_lock_wait before a hit's first svm_host_lock and passes it to every lock of that hit;
 * the host sets the deadline from its clock at the first attempt that must wait, and no attempt
 * of the hit waits past it, so a hit taking k contended locks waits the host's bound once, not k
 * times. svm_host_lock returns 0 when held, -1 when the hit's wait is spent (the VM then releases
 * what it holds and the hit is skipped). */
struct svm_lock_wait { int64_t deadline; };   /* 0: the hit has not waited yet */
void *svm_host_lock_new(void);
void svm_host_lock_free(void *lk);
int svm_host_lock(void *lk, int write, struct svm_lock_wait *w);
void svm_host_unlock(void *lk, int write);
#ifndef __KERNEL__
/* userspace test hooks (user/host_user_lock.c): breaches of the lock contract so far (order, and one
 * fresh svm_lock_wait per hit), locks this thread holds, and "the lock attempt after the next n
 * fails" (once) */
int svm_host_lock_order_errors(void);
int svm_host_locks_held(void);
void svm_host_lock_fail_after(int n);
#endif
/* the address of the current task's struct task_struct; 0 where the host has none (userspace) */
int64_t svm_host_task(void);
/* *task: the address of the struct task_struct of pid (0 when there is none); -1 where the host has no kernel tasks */
int svm_host_pid2task(int64_t pid, int64_t *task);
/* copies the current task's name into buf (NUL-terminated, at most n-1 bytes) */
void svm_host_execname(char *buf, size_t n);
#endif
