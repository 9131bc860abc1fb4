/* ksession.c: a session's lifecycle: load (verify), start (register, begin), stop/exit (end), output, release; hits are khit.c's. */
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/uaccess.h>
#include <linux/sched/clock.h>
#include <linux/poll.h>
#include <linux/timex.h>
#include "ksession.h"
#include "ksig.h"
#include "kprobes.h"

#define KS_OUT_BYTES (4u << 20)
#define KS_END_OUTPUT_WAIT (10 * HZ)      /* end probes wait this long for a reader to free ring space */
#define KS_ERRLEN 512

static void ks_wake_fn(struct irq_work *w)
{
	struct ksession *ks = container_of(w, struct ksession, wake);
	wake_up_interruptible(&ks->readers);
	if (test_bit(KS_EXIT_PENDING, &ks->flags) && !test_and_set_bit(KS_END_QUEUED, &ks->flags))
		queue_work(system_long_wq, &ks->end_work);
}

/* the VM's output callback: handlers drop on a full ring; end probes (a sleepable worker) wait for the reader */
static void ks_output(void *arg, int stream, const char *data, size_t len)
{
	struct ksession *ks = arg;
	if (READ_ONCE(ks->out_block) && !kout_room(&ks->out, len) && len + sizeof(struct stapvm_rec) <= ks->out.cap)
		wait_event_timeout(ks->space, kout_room(&ks->out, len) || test_bit(KS_CLOSING, &ks->flags),
				   KS_END_OUTPUT_WAIT);
	kout_put(&ks->out, stream, data, len);
}

static void ks_end_fn(struct work_struct *w)
{
	struct ksession *ks = container_of(w, struct ksession, end_work);
	const struct svm_ctx loader = { .kind = SVM_CTX_NONE, .pid = ks->loader_tgid ?: -1, .tid = ks->loader_pid ?: -1,
					.comm = ks->loader_comm, .space = SVM_MEM_KERNEL };
	WRITE_ONCE(ks->armed, 0);
	/* under mu: START has finished arming timers, so none is started after its cancel */
	mutex_lock(&ks->mu);
	kp_unregister_all(ks);
	if (ks->state == STAPVM_STATE_RUNNING)
		ks->state = STAPVM_STATE_ENDING;
	mutex_unlock(&ks->mu);
	/* no handler runs any more: end probes have the VM to themselves and may sleep for output room */
	WRITE_ONCE(ks->out_block, true);
	stapvm_set_context(ks->vm, &loader);
	/* MAXERRORS (the VM aborted), MAXSKIPPED and an overload end in stap's STAP_SESSION_ERROR: error probes
	 * run, end probes do not */
	if (stapvm_aborted(ks->vm) || test_bit(KS_SKIP_ERROR, &ks->flags) || test_bit(KS_OVERLOAD, &ks->flags))
		stapvm_run_kind(ks->vm, SVM_PROBE_ERROR);
	else
		stapvm_run_kind(ks->vm, SVM_PROBE_END);
	stapvm_timing_report(ks->vm);
	stapvm_set_context(ks->vm, NULL);
	WRITE_ONCE(ks->out_block, false);
	smp_store_release(&ks->state, STAPVM_STATE_DONE);
	wake_up_interruptible(&ks->readers);
}

struct ksession *ks_new(bool admin, kuid_t uid)
{
	struct ksession *ks = kzalloc(sizeof *ks, GFP_KERNEL);
	if (!ks)
		return NULL;
	ks->admin = admin;
	ks->uid = uid;
	mutex_init(&ks->mu);
	mutex_init(&ks->read_mu);
	init_waitqueue_head(&ks->readers);
	init_waitqueue_head(&ks->space);
	init_irq_work(&ks->wake, ks_wake_fn);
	INIT_WORK(&ks->end_work, ks_end_fn);
	atomic64_set(&ks->skipped, 0);
	ks->state = STAPVM_STATE_EMPTY;
	return ks;
}

/* begins the end once: from STOP, exit(), MAXERRORS or release */
static void ks_request_end(struct ksession *ks)
{
	WRITE_ONCE(ks->armed, 0);
	if (ks->state == STAPVM_STATE_RUNNING)
		ks->state = STAPVM_STATE_ENDING;
	if (!test_and_set_bit(KS_END_QUEUED, &ks->flags))
		queue_work(system_long_wq, &ks->end_work);
}

/* frees the per-CPU execution contexts, the VM session and the module (any may be missing) */
static void ks_free_vm(struct ksession *ks)
{
	int cpu;
	for_each_possible_cpu(cpu) {
		if (ks->cpu) {
			stapvm_exec_free(per_cpu_ptr(ks->cpu, cpu)->x);
			per_cpu_ptr(ks->cpu, cpu)->x = NULL;
		}
	}
	if (ks->vm)
		stapvm_session_free(ks->vm);
	if (ks->mod)
		stapvm_module_free(ks->mod);
	ks->vm = NULL;
	ks->mod = NULL;
}

void ks_release(struct ksession *ks)
{
	mutex_lock(&ks->mu);
	set_bit(KS_CLOSING, &ks->flags);
	wake_up(&ks->space);
	if (ks->state == STAPVM_STATE_RUNNING || ks->state == STAPVM_STATE_ENDING)
		ks_request_end(ks);
	mutex_unlock(&ks->mu);
	/* the end work unregisters every probe; an irq_work raised by a last hit may queue it again,
	 * where it finds nothing registered and only re-runs the state change, so flush around the sync */
	flush_work(&ks->end_work);
	irq_work_sync(&ks->wake);
	flush_work(&ks->end_work);
	ks_free_vm(ks);
	free_percpu(ks->cpu);
	kvfree(ks->slots);
	kout_free(&ks->out);
	kfree(ks);
}

static int ks_reject(char __user *uerr, u32 errlen, const char *msg)
{
	size_t n = min_t(size_t, strlen(msg) + 1, errlen);
	if (n && (copy_to_user(uerr, msg, n - 1) || put_user(0, uerr + n - 1)))
		return -EFAULT;
	return -EINVAL;
}

static int ks_setup(struct ksession *ks, char *err)
{
	int n = stapvm_probe_count(ks->mod);
	int cpu;
	ks->slots = kvcalloc(n ? n : 1, sizeof *ks->slots, GFP_KERNEL);
	ks->cpu = alloc_percpu(struct kcpu);
	if (!ks->slots || !ks->cpu || kout_init(&ks->out, KS_OUT_BYTES)) {
		strscpy(err, "out of memory", KS_ERRLEN);
		return -ENOMEM;
	}
	ks->nslots = n;
	for (int i = 0; i < n; i++)
		if (kp_prepare(ks, &ks->slots[i], i, err, KS_ERRLEN))
			return -EINVAL;
	ks->vm = stapvm_session_new_cpus(ks->mod, nr_cpu_ids, err, KS_ERRLEN);
	if (!ks->vm)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		struct kcpu *c = per_cpu_ptr(ks->cpu, cpu);
		c->x = stapvm_exec_new(ks->vm, cpu, err, KS_ERRLEN);
		if (!c->x)
			return -ENOMEM;
	}
	stapvm_set_output(ks->vm, ks_output, ks);
	return 0;
}

int ks_load(struct ksession *ks, const u8 __user *ubytes, u64 len, char __user *uerr, u32 errlen, s32 target)
{
	char *err = kzalloc(KS_ERRLEN, GFP_KERNEL);
	u8 *bytes = NULL;
	size_t mlen;
	int rc = -EBUSY;
	if (!err)
		return -ENOMEM;
	mutex_lock(&ks->mu);
	if (ks->state != STAPVM_STATE_EMPTY)
		goto out;
	rc = -E2BIG;
	if (len > (64u << 20))
		goto out;
	bytes = vmemdup_user(ubytes, len);
	if (IS_ERR(bytes)) {
		rc = PTR_ERR(bytes);
		bytes = NULL;
		goto out;
	}
	/* the kernel never trusts the loader: check the signature, decode and verify here */
	rc = ksig_check(bytes, len, &mlen, !ks->admin, err, KS_ERRLEN);
	if (rc) {
		rc = rc == -EINVAL ? ks_reject(uerr, errlen, err) : rc;
		goto out;
	}
	ks->mod = stapvm_load(bytes, mlen, err, KS_ERRLEN);
	if (ks->mod && !ks->admin && ksig_privilege(stapvm_is_stapusr(ks->mod), err, KS_ERRLEN)) {
		stapvm_module_free(ks->mod);
		ks->mod = NULL;
		rc = ks_reject(uerr, errlen, err);
		goto out;
	}
	rc = ks->mod ? ks_setup(ks, err) : -EINVAL;
	if (rc) {
		rc = rc == -EINVAL ? ks_reject(uerr, errlen, err) : rc;
		ks_free_vm(ks);
		goto out;
	}
	stapvm_set_target(ks->vm, target);
	ks->maxskipped = stapvm_max_skipped(ks->mod);
	ks->ovl_threshold = stapvm_overload_threshold(ks->mod);
	ks->ovl_interval = stapvm_overload_interval(ks->mod);
	ks->state = STAPVM_STATE_LOADED;
out:
	mutex_unlock(&ks->mu);
	kvfree(bytes);
	kfree(err);
	return rc;
}

int ks_set_uprobe(struct ksession *ks, u32 probe, u64 offset, u64 semaphore)
{
	int rc = -EINVAL;
	mutex_lock(&ks->mu);
	if (ks->state != STAPVM_STATE_LOADED) {
		rc = -EBUSY;
	} else if (probe < ks->nslots && offset <= LLONG_MAX && semaphore <= LLONG_MAX &&   /* signed loff_t */
		   (ks->slots[probe].pt.kind == SVM_PROBE_PROCESS_FUNCTION ||
		    ks->slots[probe].pt.kind == SVM_PROBE_PROCESS_STATEMENT ||
		    ks->slots[probe].pt.kind == SVM_PROBE_PROCESS_MARK) &&
		   (!semaphore || ks->slots[probe].pt.kind == SVM_PROBE_PROCESS_MARK)) {
		ks->slots[probe].offset = offset;
		ks->slots[probe].semaphore = semaphore;
		ks->slots[probe].has_offset = true;
		rc = 0;
	}
	mutex_unlock(&ks->mu);
	return rc;
}

int ks_start(struct ksession *ks)
{
	int rc = 0;
	mutex_lock(&ks->mu);
	if (ks->state != STAPVM_STATE_LOADED) {
		rc = -EBUSY;
		goto out;
	}
	get_task_comm(ks->loader_comm, current);
	ks->loader_tgid = task_tgid_nr(current);
	ks->loader_pid = task_pid_nr(current);
	kp_register_all(ks);
	ks->state = STAPVM_STATE_RUNNING;
	/* begin probes run here, in the loader's context, before any other probe is armed */
	stapvm_run_kind(ks->vm, SVM_PROBE_BEGIN);
	if (stapvm_exit_requested(ks->vm) || stapvm_aborted(ks->vm)) {
		ks_request_end(ks);
		goto out;
	}
	WRITE_ONCE(ks->armed, 1);
	kp_arm_timers(ks);
out:
	mutex_unlock(&ks->mu);
	wake_up_interruptible(&ks->readers);
	return rc;
}

void ks_stop(struct ksession *ks)
{
	mutex_lock(&ks->mu);
	if (ks->state == STAPVM_STATE_RUNNING)
		ks_request_end(ks);
	else if (ks->state == STAPVM_STATE_LOADED || ks->state == STAPVM_STATE_EMPTY)
		ks->state = STAPVM_STATE_DONE;
	mutex_unlock(&ks->mu);
	wake_up_interruptible(&ks->readers);
}

void ks_status(struct ksession *ks, struct stapvm_ioc_status *st)
{
	memset(st, 0, sizeof *st);
	st->state = smp_load_acquire(&ks->state);
	st->lost_bytes = atomic64_read(&ks->out.lost);
	st->skipped = atomic64_read(&ks->skipped);
	if (ks->vm) {
		st->errors = stapvm_error_count(ks->vm) + atomic_read(&ks->overloads);
		st->exit_requested = stapvm_exit_requested(ks->vm);
		st->aborted = stapvm_aborted(ks->vm);
		st->missed = kp_missed(ks);
	}
}

ssize_t ks_read(struct ksession *ks, char __user *buf, size_t count, bool nonblock)
{
	ssize_t n;
	if (mutex_lock_interruptible(&ks->read_mu))
		return -ERESTARTSYS;
	for (;;) {
		int st = smp_load_acquire(&ks->state);
		n = kout_read(&ks->out, buf, count);
		if (n)
			break;
		if (st == STAPVM_STATE_DONE && kout_empty(&ks->out))
			break;   /* end of the session: EOF */
		if (nonblock) {
			n = -EAGAIN;
			break;
		}
		/* probe hits wake readers through irq_work only when they see a sleeper: re-check every 100 ms too */
		if (wait_event_interruptible_timeout(ks->readers, !kout_empty(&ks->out) ||
						     smp_load_acquire(&ks->state) == STAPVM_STATE_DONE, HZ / 10) < 0) {
			n = -ERESTARTSYS;
			break;
		}
	}
	mutex_unlock(&ks->read_mu);
	if (n > 0)
		wake_up(&ks->space);
	return n;
}

__poll_t ks_poll(struct ksession *ks, struct file *f, poll_table *wait)
{
	poll_wait(f, &ks->readers, wait);
	if (!kout_empty(&ks->out) || smp_load_acquire(&ks->state) == STAPVM_STATE_DONE)
		return EPOLLIN | EPOLLRDNORM;
	return 0;
}
