/* host_user_lock.c: the userspace global locks of host.h: always granted, with a debug check of the lock order. */
#include "../vm/host.h"

/* The userspace runtime runs every handler on one thread (the ptrace engine serialises hits), so
 * a lock never waits. It still checks the VM's contract, per thread: locks are taken in strictly
 * ascending order (creation order, which is global index order within a session) and released in
 * reverse, and a hit's locks share one struct svm_lock_wait, zeroed before its first lock (this
 * host marks it used, as a waiting host would set its deadline). A breach is counted, for the
 * tests to assert zero. */
struct ulock { uint64_t seq, below; };

static uint64_t next_seq;
static __thread uint64_t top;      /* seq of the last lock taken and still held, 0: none */
static __thread int held;
static __thread struct svm_lock_wait *hit_wait;   /* the current hit's, while it holds a lock */
static int order_errors, fail_after = -1;

void *svm_host_lock_new(void)
{
	struct ulock *lk = svm_host_zalloc(sizeof *lk);
	if (lk) lk->seq = svm_atomic_inc(&next_seq);
	return lk;
}

void svm_host_lock_free(void *lk) { svm_host_free(lk); }

int svm_host_lock(void *p, int write, struct svm_lock_wait *w)
{
	struct ulock *lk = p;
	(void)write;
	if (held ? w != hit_wait : w->deadline != 0) order_errors++;
	hit_wait = w;
	w->deadline = -1;
	if (fail_after == 0) { fail_after = -1; return -1; }
	if (fail_after > 0) fail_after--;
	if (lk->seq <= top) order_errors++;
	lk->below = top;
	top = lk->seq;
	held++;
	return 0;
}

void svm_host_unlock(void *p, int write)
{
	struct ulock *lk = p;
	(void)write;
	if (lk->seq != top || held == 0) order_errors++;
	top = lk->below;
	held--;
}

int svm_host_lock_order_errors(void) { return order_errors; }
int svm_host_locks_held(void) { return held; }
void svm_host_lock_fail_after(int n) { fail_after = n; }
