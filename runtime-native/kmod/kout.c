/* kout.c: the output ring (see kout.h); writers serialised by a raw spinlock, lock-free between writers and the reader. */
#include <linux/vmalloc.h>
#include <linux/uaccess.h>
#include <linux/minmax.h>
#include "kout.h"

int kout_init(struct kout *o, u64 cap)
{
	o->buf = vzalloc(cap);
	o->cap = cap;
	o->head = o->tail = 0;
	raw_spin_lock_init(&o->put_lock);
	atomic64_set(&o->lost, 0);
	return o->buf ? 0 : -ENOMEM;
}

void kout_free(struct kout *o)
{
	vfree(o->buf);
	o->buf = NULL;
}

static void copy_in(struct kout *o, u64 at, const void *src, size_t len)
{
	u64 off = at & (o->cap - 1), first = min_t(u64, len, o->cap - off);
	memcpy(o->buf + off, src, first);
	memcpy(o->buf, (const char *)src + first, len - first);
}

static void copy_out(struct kout *o, u64 at, void *dst, size_t len)
{
	u64 off = at & (o->cap - 1), first = min_t(u64, len, o->cap - off);
	memcpy(dst, o->buf + off, first);
	memcpy((char *)dst + first, o->buf, len - first);
}

bool kout_room(struct kout *o, size_t len)
{
	u64 used = o->head - smp_load_acquire(&o->tail);
	return sizeof(struct stapvm_rec) + len <= o->cap - used;
}

bool kout_empty(struct kout *o)
{
	return smp_load_acquire(&o->head) == READ_ONCE(o->tail);
}

bool kout_put(struct kout *o, int stream, const char *data, size_t len)
{
	struct stapvm_rec rec = { .len = (u32)len, .stream = (u32)stream };
	unsigned long flags;
	if (!len)
		return true;
	/* writers on several CPUs (and the end worker) reserve, copy and publish one at a time */
	raw_spin_lock_irqsave(&o->put_lock, flags);
	if (!kout_room(o, len)) {
		raw_spin_unlock_irqrestore(&o->put_lock, flags);
		atomic64_add(len, &o->lost);
		return false;
	}
	copy_in(o, o->head, &rec, sizeof rec);
	copy_in(o, o->head + sizeof rec, data, len);
	smp_store_release(&o->head, o->head + sizeof rec + len);
	raw_spin_unlock_irqrestore(&o->put_lock, flags);
	return true;
}

/* copies len ring bytes at ring position at to user memory, in at most two pieces */
static int copy_out_user(struct kout *o, u64 at, char __user *dst, size_t len)
{
	u64 off = at & (o->cap - 1), first = min_t(u64, len, o->cap - off);
	if (copy_to_user(dst, o->buf + off, first) || copy_to_user(dst + first, o->buf, len - first))
		return -EFAULT;
	return 0;
}

ssize_t kout_read(struct kout *o, char __user *ubuf, size_t count)
{
	u64 head = smp_load_acquire(&o->head), tail = o->tail;
	size_t done = 0;
	while (tail != head) {
		struct stapvm_rec rec;
		size_t need;
		copy_out(o, tail, &rec, sizeof rec);
		need = sizeof rec + rec.len;
		if (done + need > count)
			break;
		if (copy_out_user(o, tail, ubuf + done, need))
			return -EFAULT;
		tail += need;
		done += need;
	}
	smp_store_release(&o->tail, tail);
	if (!done && tail != head)
		return -EMSGSIZE;
	return done;
}
