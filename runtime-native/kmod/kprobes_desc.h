/* kprobes_desc.h: what a probe-point descriptor of the module's probe table asks stapvm.ko for. */
#ifndef STAPVM_KPROBES_DESC_H
#define STAPVM_KPROBES_DESC_H
#include <linux/types.h>
#include <linux/module.h>
#include <linux/kallsyms.h>

enum kdesc_kind { KD_BEGIN, KD_END, KD_ERROR, KD_NEVER, KD_TIMER, KD_PROFILE, KD_KPROBE, KD_KRETPROBE, KD_UPROBE, KD_URETPROBE, KD_TRACEPOINT };

struct kdesc {
	enum kdesc_kind kind;
	bool optional;                                   /* trailing '?': a failed registration is silent */
	char sym[MODULE_NAME_LEN + KSYM_NAME_LEN + 2];   /* "func" or "module:func"; uprobes: the file's path; tracepoints: the name */
	u64 addr;                                        /* kprobe.statement(ADDR).absolute */
	u64 offset;                                      /* uprobes: file offset, from the loader (STAPVM_IOC_UPROBE) */
	bool has_offset;
	u64 period_ns;                                   /* timers */
};

/* parses one descriptor (docs/bytecode.md "probe-point descriptors"; a trailing '?' is cut off in place);
 * 0, or -EINVAL with why in err */
int kdesc_parse(char *text, struct kdesc *d, char *err, size_t errlen);
#endif
