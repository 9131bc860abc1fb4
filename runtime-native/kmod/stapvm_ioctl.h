/* stapvm_ioctl.h: the /dev/stapvm ABI shared by stapvm.ko and the loaders (kernel_run.c). */
#ifndef STAPVM_IOCTL_H
#define STAPVM_IOCTL_H
#include <linux/types.h>
#include <linux/ioctl.h>

/* LOAD: the kernel decodes and verifies the module; on rejection the ioctl fails with EINVAL and
 * the reason is written NUL-terminated into err (errlen bytes at most) */
struct stapvm_ioc_load {
	__u64 bytes;    /* user pointer to the module file's bytes */
	__u64 len;
	__u64 err;      /* user buffer for the reason */
	__u32 errlen;
	__s32 target;   /* target(): -x PID or the -c command's pid; 0 none */
};

struct stapvm_ioc_status {
	__u64 lost_bytes;   /* output dropped because the session's buffer was full */
	__u64 skipped;      /* hits not run: the session was busy on another CPU past the wait bound, or nested */
	__u64 missed;       /* hits the kernel's kprobes/kretprobes could not deliver */
	__u32 errors;       /* runtime errors so far */
	__u32 state;        /* STAPVM_STATE_* */
	__u32 exit_requested;
	__u32 aborted;      /* errors went past MAXERRORS */
};

enum { STAPVM_STATE_EMPTY, STAPVM_STATE_LOADED, STAPVM_STATE_RUNNING, STAPVM_STATE_ENDING, STAPVM_STATE_DONE };

#define STAPVM_IOC_LOAD   _IOW('S', 1, struct stapvm_ioc_load)
/* START: registers the probes (failures are warnings on the error stream, as stap's), runs begin
 * probes in the caller's context, then arms the probes and timers */
#define STAPVM_IOC_START  _IO('S', 2)
/* STOP: disarms and unregisters everything, then end (or error) probes run in a kernel worker;
 * read() returns 0 once their output has been read */
#define STAPVM_IOC_STOP   _IO('S', 3)
#define STAPVM_IOC_STATUS _IOR('S', 4, struct stapvm_ioc_status)

/* UPROBE (after LOAD, before START): where probe's process("PATH").function/.statement/.mark point is,
 * as a file offset in PATH; the loader reads it from PATH's ELF headers, since the kernel parses no ELF.
 * PATH and .return come from the verified descriptor. A uprobe given no offset is not placed. A mark
 * with a semaphore also gets the semaphore's file offset: the kernel raises it while the uprobe is in. */
struct stapvm_ioc_uprobe {
	__u32 probe;    /* index in the module's probe table */
	__u32 pad;
	__u64 offset;
	__u64 semaphore;   /* file offset of a mark's semaphore, 0: none */
};
#define STAPVM_IOC_UPROBE _IOW('S', 5, struct stapvm_ioc_uprobe)

/* read() returns whole records: this header, then len bytes of stream (0 output, 1 errors/warnings,
 * 2 a system() command for the loader to run) */
struct stapvm_rec {
	__u32 len;
	__u32 stream;
};
#endif
