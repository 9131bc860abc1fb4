/* kdev.c: stapvm.ko's entry: the /dev/stapvm misc device; each open file is one session (ksession.c). */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/capability.h>
#include <linux/uaccess.h>
#include <linux/poll.h>
#include "ksession.h"
#include "ksig.h"

/* who may open is the device's mode and group (0660: root and the group udev gives it, stapusr:
 * 60-stapvm.rules); what the opener may load is decided at load from its file's credentials */
static int sv_open(struct inode *ino, struct file *f)
{
	f->private_data = ks_new(file_ns_capable(f, &init_user_ns, CAP_SYS_ADMIN), f->f_cred->uid);
	return f->private_data ? 0 : -ENOMEM;
}

static int sv_release(struct inode *ino, struct file *f)
{
	ks_release(f->private_data);
	return 0;
}

static long sv_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct ksession *ks = f->private_data;
	void __user *uarg = (void __user *)arg;
	switch (cmd) {
	case STAPVM_IOC_LOAD: {
		struct stapvm_ioc_load l;
		if (copy_from_user(&l, uarg, sizeof l))
			return -EFAULT;
		return ks_load(ks, u64_to_user_ptr(l.bytes), l.len, u64_to_user_ptr(l.err), l.errlen, l.target);
	}
	case STAPVM_IOC_UPROBE: {
		struct stapvm_ioc_uprobe u;
		if (copy_from_user(&u, uarg, sizeof u))
			return -EFAULT;
		return ks_set_uprobe(ks, u.probe, u.offset, u.semaphore);
	}
	case STAPVM_IOC_START:
		return ks_start(ks);
	case STAPVM_IOC_STOP:
		ks_stop(ks);
		return 0;
	case STAPVM_IOC_STATUS: {
		struct stapvm_ioc_status st;
		ks_status(ks, &st);
		return copy_to_user(uarg, &st, sizeof st) ? -EFAULT : 0;
	}
	default:
		return -ENOTTY;
	}
}

static ssize_t sv_read(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	return ks_read(f->private_data, buf, count, f->f_flags & O_NONBLOCK);
}

static __poll_t sv_poll(struct file *f, poll_table *wait)
{
	return ks_poll(f->private_data, f, wait);
}

/* .owner pins the module while any session file is open, so rmmod is refused (EBUSY) until then */
static const struct file_operations sv_fops = {
	.owner = THIS_MODULE,
	.open = sv_open,
	.release = sv_release,
	.unlocked_ioctl = sv_ioctl,
	.read = sv_read,
	.poll = sv_poll,
	.llseek = noop_llseek,
};

static struct miscdevice sv_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "stapvm",
	.fops = &sv_fops,
	.mode = 0660,
};

static int __init sv_init(void)
{
	int rc = ksig_init();
	if (rc)
		return rc;
	rc = misc_register(&sv_dev);
	if (rc)
		ksig_exit();
	return rc;
}

static void __exit sv_exit(void)
{
	misc_deregister(&sv_dev);
	ksig_exit();
}

module_init(sv_init);
module_exit(sv_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("stapvm: runs verified SystemTap-compatible bytecode from kprobes, kretprobes, uprobes and timers");
