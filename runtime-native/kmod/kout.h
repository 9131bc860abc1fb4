/* kout.h: a session's bounded output ring: writers from any CPU (serialised by put_lock), one
 * reader; records are struct stapvm_rec + bytes; a full ring counts lost bytes. */
#ifndef STAPVM_KOUT_H
#define STAPVM_KOUT_H
#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include "stapvm_ioctl.h"

struct kout {
	char *buf;
	u64 cap;          /* a power of two */
	u64 head;         /* bytes ever written; stored (release) only under put_lock */
	u64 tail;         /* bytes ever read; only the reader stores it (release) */
	atomic64_t lost;
	raw_spinlock_t put_lock;   /* raw: taken in kprobe and hrtimer context */
};

int kout_init(struct kout *o, u64 cap);
void kout_free(struct kout *o);
/* appends one record; false (and the bytes counted as lost) when it does not fit */
bool kout_put(struct kout *o, int stream, const char *data, size_t len);
/* true when a record of len bytes would fit now */
bool kout_room(struct kout *o, size_t len);
bool kout_empty(struct kout *o);
/* copies whole records to user memory: bytes copied, 0 when empty, -EMSGSIZE when count cannot
 * hold the first record, -EFAULT */
ssize_t kout_read(struct kout *o, char __user *ubuf, size_t count);
#endif
