/* ksession.h: one open /dev/stapvm file: the loaded module, its VM session, probe slots, output and lifecycle
 * (kprobes.h attaches the slots, khit.h runs their hits). */
#ifndef STAPVM_KSESSION_H
#define STAPVM_KSESSION_H
#include <linux/kprobes.h>
#include <linux/hrtimer.h>
#include <linux/uprobes.h>
#include <linux/path.h>
#include <linux/irq_work.h>
#include <linux/workqueue.h>
#include <linux/wait.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/poll.h>
#include "stapvm.h"
#include "context.h"
#include "kout.h"
#include <linux/module.h>
#include <linux/kallsyms.h>

/* per CPU, allocated at load (a handler allocates nothing): the VM execution context hits on this
 * CPU run on, the hit context handed to it, and a nesting guard */
struct kcpu {
	int busy;
	stapvm_exec *x;
	struct svm_ctx ctx;
	u64 cycles_base, cycles_sum;   /* the overload governor's window on this CPU (koverload.c) */
};

/* timer.profile: one pinned hrtimer per CPU */
struct kprofile {
	struct hrtimer timer;
	struct kprobe_slot *sl;
};

struct kprobe_slot {
	struct stapvm_probe_point pt;      /* the probe's typed record; its strings are the module's */
	char sym[MODULE_NAME_LEN + KSYM_NAME_LEN + 2];   /* kprobes: "func" or "module:func" */
	u64 period_ns;                     /* timers */
	u64 offset;                        /* uprobes: file offset, from the loader (STAPVM_IOC_UPROBE) */
	u64 semaphore;                     /* marks: their semaphore's file offset, 0: none */
	bool has_offset;
	struct ksession *ks;
	int probe;                 /* index in the module's probe table */
	bool registered;
	u32 entry_size;            /* @entry data per call (kretprobe instance data); 0: no entry program */
	union {
		struct kprobe kp;
		struct kretprobe rp;
		struct hrtimer timer;
		struct kprofile __percpu *profile;
		struct {
			struct uprobe_consumer uc;
			struct path path;   /* held while registered: the uprobe is keyed by its inode */
		} up;
		struct {
			struct tracepoint *tp;
			struct module *mod; /* a module's tracepoint: the module, held while registered */
		} tp;
	};
};

/* KS_SKIP_ERROR and KS_OVERLOAD end the session in stap's STAP_SESSION_ERROR: error probes, not end probes */
enum { KS_EXIT_PENDING, KS_END_QUEUED, KS_CLOSING, KS_SKIP_ERROR, KS_OVERLOAD };

struct ksession {
	struct mutex mu;           /* ioctls and release */
	struct mutex read_mu;      /* one reader of the ring at a time */
	int state;                 /* STAPVM_STATE_* */
	stapvm_module *mod;
	stapvm_session *vm;
	int nslots;
	struct kprobe_slot *slots;
	struct kcpu __percpu *cpu;
	int armed;                 /* handlers run only while set */
	bool out_block;            /* end probes (sleepable worker) wait for ring space instead of dropping */
	unsigned long flags;       /* KS_* bits */
	atomic64_t skipped;
	u64 maxskipped;            /* the module's MAXSKIPPED */
	u64 ovl_threshold, ovl_interval; /* the module's STP_OVERLOAD_*; interval 0: no governor */
	atomic_t overloads;        /* counted as errors, as stap's overload error */
	struct kout out;
	wait_queue_head_t readers; /* data or end of session */
	wait_queue_head_t space;   /* the reader freed ring space */
	struct irq_work wake;      /* wakes readers and starts the end from any context a probe hits in */
	struct work_struct end_work;
	struct kpf_dir *procfs;    /* procfs probes' files (kprocfs.c), NULL: none */
	/* the loader that started the session: end and error probes run in a worker but see its name and
	 * ids, as stap's run in its loader (stapio) */
	char loader_comm[TASK_COMM_LEN];
	pid_t loader_tgid, loader_pid;
	/* the opener (its file's credentials): admin, CAP_SYS_ADMIN, loads any module; otherwise (a
	 * member of the device's group, stapusr) only signed stapusr modules, whose uprobes fire only
	 * in tasks whose real and effective uid are uid's */
	bool admin;
	kuid_t uid;
};

struct ksession *ks_new(bool admin, kuid_t uid);
void ks_release(struct ksession *ks);
int ks_load(struct ksession *ks, const u8 __user *bytes, u64 len, char __user *err, u32 errlen, s32 target);
int ks_set_uprobe(struct ksession *ks, u32 probe, u64 offset, u64 semaphore);
int ks_start(struct ksession *ks);
void ks_stop(struct ksession *ks);
void ks_status(struct ksession *ks, struct stapvm_ioc_status *st);
ssize_t ks_read(struct ksession *ks, char __user *buf, size_t count, bool nonblock);
__poll_t ks_poll(struct ksession *ks, struct file *f, poll_table *wait);

/* koverload.c: stap's overload governor, called after each hit on its CPU (interrupts off) with the hit's
 * start and end cycle counts: true once the CPU spent more than the module's STP_OVERLOAD_THRESHOLD cycles
 * in probes within STP_OVERLOAD_INTERVAL cycles (stap's error text is then in the ring, KS_OVERLOAD set) */
bool ks_overloaded(struct ksession *ks, struct kcpu *c, u64 start, u64 end);
#endif
