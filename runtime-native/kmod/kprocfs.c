/* kprocfs.c: procfs probes: /proc/systemtap/MODULE/PATH files (one per PATH, read and write probes share
 * it); a read from offset 0 runs the read probe into a buffer of the open file, a write runs the write
 * probe with its bytes. Both run in the caller's process context through khit.c's hit path. */
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/uaccess.h>
#include "ksession.h"
#include "khit.h"
#include "kprocfs.h"

/* /proc/systemtap, shared by the sessions that have procfs files (stapvm's own refcount) */
static DEFINE_MUTEX(kpf_root_mu);
static struct proc_dir_entry *kpf_root;
static int kpf_root_users;

struct kpf_file {
	struct ksession *ks;
	const char *name;
	int read_probe, write_probe;   /* -1: none */
	u32 read_cap;                  /* the read probe's buffer: maxsize, else MAXSTRINGLEN */
	umode_t mode;
	struct proc_dir_entry *pde;
};

struct kpf_dir {
	struct proc_dir_entry *dir;
	int nfiles;
	struct kpf_file files[];
};

/* what a reader of one open file gets: filled by the read probe at offset 0 */
struct kpf_open {
	struct svm_procfs data;
};

static int kpf_open(struct inode *inode, struct file *f)
{
	struct kpf_file *kf = pde_data(inode);
	struct kpf_open *o = kzalloc(sizeof *o, GFP_KERNEL);
	if (!o)
		return -ENOMEM;
	if (kf->read_probe >= 0 && (f->f_mode & FMODE_READ)) {
		/* allocated here: the handler runs with interrupts off and allocates nothing */
		o->data.buf = kvmalloc(kf->read_cap, GFP_KERNEL);
		if (!o->data.buf) {
			kfree(o);
			return -ENOMEM;
		}
		o->data.cap = kf->read_cap;
		o->data.reading = 1;
	}
	f->private_data = o;
	return 0;
}

static int kpf_release(struct inode *inode, struct file *f)
{
	struct kpf_open *o = f->private_data;
	kvfree(o->data.buf);
	kfree(o);
	return 0;
}

static ssize_t kpf_read(struct file *f, char __user *ubuf, size_t count, loff_t *ppos)
{
	struct kpf_file *kf = pde_data(file_inode(f));
	struct kpf_open *o = f->private_data;
	if (kf->read_probe < 0 || !o->data.buf)
		return -EINVAL;
	if (*ppos == 0) {
		const struct svm_ctx hit = { .kind = SVM_CTX_NONE, .space = SVM_MEM_KERNEL, .procfs = &o->data };
		o->data.len = 0;
		ks_run_hit(kf->ks, kf->read_probe, &hit, false);
	}
	return simple_read_from_buffer(ubuf, count, ppos, o->data.buf, o->data.len);
}

static ssize_t kpf_write(struct file *f, const char __user *ubuf, size_t count, loff_t *ppos)
{
	struct kpf_file *kf = pde_data(file_inode(f));
	u32 cap = stapvm_max_string(kf->ks->mod) - 1;
	struct svm_procfs data = { .len = (u32)min_t(size_t, count, cap) };
	struct svm_ctx hit = { .kind = SVM_CTX_NONE, .space = SVM_MEM_KERNEL, .procfs = &data };
	if (kf->write_probe < 0)
		return -EINVAL;
	data.buf = memdup_user(ubuf, data.len);
	if (IS_ERR(data.buf))
		return PTR_ERR(data.buf);
	ks_run_hit(kf->ks, kf->write_probe, &hit, false);
	kfree(data.buf);
	return (ssize_t)count;   /* the whole write is taken, as stap's */
}

static const struct proc_ops kpf_ops = {
	.proc_open = kpf_open,
	.proc_release = kpf_release,
	.proc_read = kpf_read,
	.proc_write = kpf_write,
	.proc_lseek = default_llseek,
};

static struct kpf_file *kpf_find(struct kpf_dir *d, const char *name)
{
	for (int i = 0; i < d->nfiles; i++)
		if (!strcmp(d->files[i].name, name))
			return &d->files[i];
	return NULL;
}

static void kpf_warn(struct ksession *ks, const struct kprobe_slot *sl, const char *why)
{
	char msg[320];
	int n = snprintf(msg, sizeof msg, "WARNING: probe %.191s registration error (%s)\n", sl->pt.pp, why);
	kout_put(&ks->out, 1, msg, min_t(int, n, sizeof msg - 1));
}

void kpf_register_all(struct ksession *ks)
{
	struct kpf_dir *d;
	const char *modname = NULL;
	int n = 0;
	for (int i = 0; i < ks->nslots; i++)
		if (ks->slots[i].pt.kind == SVM_PROBE_PROCFS_READ || ks->slots[i].pt.kind == SVM_PROBE_PROCFS_WRITE) {
			n++;
			modname = ks->slots[i].pt.module;
		}
	if (!n)
		return;
	d = kzalloc(struct_size(d, files, n), GFP_KERNEL);
	if (!d)
		return;
	mutex_lock(&kpf_root_mu);
	if (!kpf_root_users && !(kpf_root = proc_mkdir("systemtap", NULL))) {
		mutex_unlock(&kpf_root_mu);
		kfree(d);
		for (int i = 0; i < ks->nslots; i++)
			if (ks->slots[i].pt.kind == SVM_PROBE_PROCFS_READ || ks->slots[i].pt.kind == SVM_PROBE_PROCFS_WRITE)
				kpf_warn(ks, &ks->slots[i], "cannot create /proc/systemtap");
		return;
	}
	kpf_root_users++;
	mutex_unlock(&kpf_root_mu);
	ks->procfs = d;
	d->dir = proc_mkdir(modname, kpf_root);
	for (int i = 0; i < ks->nslots; i++) {
		struct kprobe_slot *sl = &ks->slots[i];
		bool reading = sl->pt.kind == SVM_PROBE_PROCFS_READ;
		struct kpf_file *kf;
		if (!reading && sl->pt.kind != SVM_PROBE_PROCFS_WRITE)
			continue;
		if (!d->dir) {
			kpf_warn(ks, sl, "/proc/systemtap/MODULE exists");
			continue;
		}
		if (strchr(sl->pt.symbol, '/')) {
			kpf_warn(ks, sl, "stapvm.ko creates no procfs subdirectories");
			continue;
		}
		kf = kpf_find(d, sl->pt.symbol);
		if (!kf) {
			kf = &d->files[d->nfiles++];
			kf->ks = ks;
			kf->name = sl->pt.symbol;
			kf->read_probe = kf->write_probe = -1;
		}
		if ((reading ? kf->read_probe : kf->write_probe) >= 0) {
			kpf_warn(ks, sl, "another probe has this file");
			continue;
		}
		if (reading) {
			kf->read_probe = sl->probe;
			kf->read_cap = sl->pt.period ? (u32)min_t(u64, sl->pt.period, 64u << 20) : stapvm_max_string(ks->mod);
		} else {
			kf->write_probe = sl->probe;
		}
		kf->mode |= (umode_t)(sl->pt.address & 0777);
		sl->registered = true;
	}
	/* created once every probe of each file is known: its mode is the union of theirs (0600 for both) */
	for (int i = 0; d->dir && i < d->nfiles; i++) {
		struct kpf_file *kf = &d->files[i];
		kf->pde = proc_create_data(kf->name, S_IFREG | kf->mode, d->dir, &kpf_ops, kf);
	}
}

/* proc_remove waits for the file operations in flight: after this no procfs handler runs */
void kpf_unregister_all(struct ksession *ks)
{
	struct kpf_dir *d = ks->procfs;
	if (!d)
		return;
	ks->procfs = NULL;
	proc_remove(d->dir);
	kfree(d);
	mutex_lock(&kpf_root_mu);
	if (!--kpf_root_users) {
		proc_remove(kpf_root);
		kpf_root = NULL;
	}
	mutex_unlock(&kpf_root_mu);
}
