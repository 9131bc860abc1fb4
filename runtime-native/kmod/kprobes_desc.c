/* kprobes_desc.c: parses the probe-point descriptors the compiler writes into the probe table. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/jiffies.h>
#include "kprobes_desc.h"

/* consumes lit at *p if present */
static bool eat(const char **p, const char *lit)
{
	size_t n = strlen(lit);
	if (strncmp(*p, lit, n))
		return false;
	*p += n;
	return true;
}

/* ("TEXT") into out, or only skipped when out is NULL (no escapes: symbol names and the compiler's
 * canonical paths have none) */
static bool quoted(const char **p, char *out, size_t cap)
{
	const char *q;
	if (!eat(p, "(\""))
		return false;
	q = strstr(*p, "\")");
	if (!q || q == *p || (out && (size_t)(q - *p) >= cap))
		return false;
	if (out) {
		memcpy(out, *p, q - *p);
		out[q - *p] = 0;
	}
	*p = q + 2;
	return true;
}

/* (NUMBER), decimal or 0x hex */
static bool number(const char **p, u64 *v)
{
	char buf[24];
	const char *q;
	if (!eat(p, "("))
		return false;
	q = strchr(*p, ')');
	if (!q || q == *p || q - *p >= (long)sizeof buf)
		return false;
	memcpy(buf, *p, q - *p);
	buf[q - *p] = 0;
	*p = q + 1;
	return kstrtou64(buf, 0, v) == 0;
}

static int timer(const char *p, struct kdesc *d)
{
	static const struct { const char *unit; u64 ns; } units[] = {
		{ "sec", NSEC_PER_SEC }, { "s", NSEC_PER_SEC }, { "msec", NSEC_PER_MSEC }, { "ms", NSEC_PER_MSEC },
		{ "usec", NSEC_PER_USEC }, { "us", NSEC_PER_USEC }, { "nsec", 1 }, { "ns", 1 },
	};
	u64 v;
	size_t i;
	d->kind = KD_TIMER;
	if (!strcmp(p, "profile")) {
		d->kind = KD_PROFILE;   /* every CPU at the tick rate */
		d->period_ns = NSEC_PER_SEC / HZ;
		return 0;
	}
	if (eat(&p, "hz"))
		return number(&p, &v) && v && !*p ? (d->period_ns = NSEC_PER_SEC / v, 0) : -EINVAL;
	if (eat(&p, "jiffies"))
		return number(&p, &v) && v && !*p ? (d->period_ns = v * (NSEC_PER_SEC / HZ), 0) : -EINVAL;
	for (i = 0; i < ARRAY_SIZE(units); i++) {
		const char *q = p;
		if (eat(&q, units[i].unit) && *q == '(')
			return number(&q, &v) && v && v <= U64_MAX / units[i].ns && !*q ? (d->period_ns = v * units[i].ns, 0) : -EINVAL;
	}
	return -EINVAL;
}

/* process("PATH").function("F")[.return] or .statement(ADDR)[.absolute]: the kernel keeps only PATH; the
 * loader resolves F or ADDR to the file offset (the kernel parses no ELF) */
static int process(const char *p, struct kdesc *d)
{
	u64 addr;
	if (!quoted(&p, d->sym, sizeof d->sym) || d->sym[0] != '/')
		return -EINVAL;
	d->kind = KD_UPROBE;
	if (eat(&p, ".statement"))
		return number(&p, &addr) && (!*p || !strcmp(p, ".absolute")) ? 0 : -EINVAL;
	if (!eat(&p, ".function") || !quoted(&p, NULL, 0))
		return -EINVAL;
	if (eat(&p, ".return"))
		d->kind = KD_URETPROBE;
	return *p ? -EINVAL : 0;
}

static int parse(const char *p, struct kdesc *d)
{
	char mod[MODULE_NAME_LEN] = "";
	if (!strcmp(p, "begin")) { d->kind = KD_BEGIN; return 0; }
	if (!strcmp(p, "end")) { d->kind = KD_END; return 0; }
	if (!strcmp(p, "error")) { d->kind = KD_ERROR; return 0; }
	if (!strcmp(p, "never")) { d->kind = KD_NEVER; return 0; }
	if (eat(&p, "timer."))
		return timer(p, d);
	if (eat(&p, "process"))
		return process(p, d);
	if (eat(&p, "kprobe.statement")) {
		d->kind = KD_KPROBE;
		return number(&p, &d->addr) && eat(&p, ".absolute") && !*p ? 0 : -EINVAL;
	}
	if (eat(&p, "kernel.trace")) {
		/* kernel.trace("SYSTEM:NAME"): the kernel knows tracepoints by NAME alone */
		const char *colon;
		if (!quoted(&p, d->sym, sizeof d->sym) || *p)
			return -EINVAL;
		colon = strrchr(d->sym, ':');
		if (colon)
			memmove(d->sym, colon + 1, strlen(colon + 1) + 1);
		d->kind = KD_TRACEPOINT;
		return d->sym[0] ? 0 : -EINVAL;
	}
	if (!eat(&p, "kernel.") && !eat(&p, "kprobe.") && strncmp(p, "module(", 7))
		return -EINVAL;
	if (eat(&p, "module") && (!quoted(&p, mod, sizeof mod) || !eat(&p, ".")))
		return -EINVAL;
	if (!eat(&p, "function") || !quoted(&p, d->sym, KSYM_NAME_LEN))
		return -EINVAL;
	if (mod[0]) {
		/* kallsyms_lookup_name (what register_kprobe uses) resolves "module:symbol" */
		char f[KSYM_NAME_LEN];
		strscpy(f, d->sym, sizeof f);
		snprintf(d->sym, sizeof d->sym, "%s:%s", mod, f);
	}
	d->kind = KD_KPROBE;
	eat(&p, ".call");
	if (eat(&p, ".return"))
		d->kind = KD_KRETPROBE;
	return *p ? -EINVAL : 0;
}

int kdesc_parse(char *text, struct kdesc *d, char *err, size_t errlen)
{
	size_t n = strlen(text);
	memset(d, 0, sizeof *d);
	if (n && text[n - 1] == '?') {
		d->optional = true;
		text[n - 1] = 0;
	}
	if (n && parse(text, d) == 0)
		return 0;
	snprintf(err, errlen, "probe point not supported by stapvm.ko: %s", text);
	return -EINVAL;
}
