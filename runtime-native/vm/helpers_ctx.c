/* helpers_ctx.c: probe-context helpers (ids 100-139, task_current, kernel_string, user_string): arguments, return value,
 * registers, kernel and user memory, backtrace, syscalls, all read through the hit's svm_ctx, so kernel
 * probes and the userspace ptrace engine share them. */
#include "session.h"
#include "text.h"

#define FAIL(...) do { svm_errf(s->errmsg, sizeof s->errmsg, __VA_ARGS__); return -1; } while (0)

static const struct svm_probe *cur_probe(const struct svm_exec *s)
{
	return s->cur_probe >= 0 && (uint32_t)s->cur_probe < s->m->nprobes ? &s->m->probes[s->cur_probe] : 0;
}

/* what pp() prints, for error texts */
static const char *probe_point(const struct svm_exec *s)
{
	return cur_probe(s) ? s->m->strings[cur_probe(s)->pp] : "";
}

/* Argument n of the probed call, x86-64 SysV: six registers, then the caller's stack
 * (at the entry breakpoint [sp] is the return address, argument 7 sits above it) in the
 * address space the probe runs in. */
static int arg(struct svm_exec *s, int64_t n, uint64_t *v)
{
	const struct svm_ctx *c = s->ctx;
	uint64_t sp;
	if (!c || !c->regs) FAIL("cannot access function args in this context");
	if (n < 1 || n > 32) FAIL("cannot access arg(%lld)", (long long)n);
	if (n <= 6) {
		if (svm_host_arg(c, (int)n, v)) FAIL("cannot access arg(%lld)", (long long)n);
		return 0;
	}
	if (svm_host_register(c, "sp", &sp) || svm_host_read(c, c->space, sp + 8 * (uint64_t)(n - 6), v, 8))
		FAIL("cannot access arg(%lld)", (long long)n);
	return 0;
}

/* --skip-badvars: a memory fault of a $var, kernel_long & co or kernel_string reads 0 ("") */
static int skips_badvars(const struct svm_exec *s)
{
	return (s->m->limits.flags & SVM_LIM_SKIP_BADVARS) != 0;
}

/* A NUL-terminated string of at most max bytes at addr in space; a fault on the first byte is
 * stap's error for that space (the string then reads "<unknown>", as stap's catch would show). */
static int copy_str(struct svm_exec *s, enum svm_addr_space space, uint64_t addr, int64_t max, char *out)
{
	int64_t len = max + 1 < 1 ? 1 : max + 1 > (int64_t)s->maxstr - 1 ? (int64_t)s->maxstr - 1 : max + 1;
	int64_t i = 0;
	/* page by page: a string may end just before an unmapped page */
	while (i < len - 1) {
		uint64_t a = addr + (uint64_t)i;
		int64_t chunk = (int64_t)(4096 - (a & 4095));
		if (chunk > len - 1 - i) chunk = len - 1 - i;
		if (!s->ctx || svm_host_read(s->ctx, space, a, out + i, (size_t)chunk)) {
			if (i > 0) break;
			if (space == SVM_MEM_KERNEL && skips_badvars(s)) {
				out[0] = 0;
				return 0;
			}
			svm_errf(out, s->maxstr, "<unknown>");
			if (space == SVM_MEM_KERNEL)
				FAIL("kernel string copy fault at 0x%llx [man error::fault]", (unsigned long long)addr);
			FAIL("user string copy fault -14 at 0x%llx [man error::fault]", (unsigned long long)addr);
		}
		for (int64_t k = 0; k < chunk; k++)
			if (!out[i + k]) return 0;
		i += chunk;
	}
	out[i] = 0;
	return 0;
}

/* n bytes at addr of space, sign-extended to 64 bits; -1 when unreadable */
static int read_num(const struct svm_exec *s, enum svm_addr_space space, uint64_t addr, unsigned n, int64_t *out)
{
	uint8_t b[8] = { 0 };
	uint64_t v = 0;
	if (!s->ctx || svm_host_read(s->ctx, space, addr, b, n)) return -1;
	for (unsigned k = 0; k < n; k++) v |= (uint64_t)b[k] << (8 * k);
	if (n < 8 && (v >> (8 * n - 1) & 1)) v |= ~0ull << (8 * n);
	*out = (int64_t)v;
	return 0;
}

/* kernel_long/kernel_int: a bad address is stap's fault error */
static int kernel_num(struct svm_exec *s, uint64_t addr, unsigned n, const char *what, int64_t *v)
{
	if (read_num(s, SVM_MEM_KERNEL, addr, n, v)) {
		if (!skips_badvars(s))
			FAIL("kernel %s copy fault at 0x%llx [man error::fault]", what, (unsigned long long)addr);
		*v = 0;
	}
	return 0;
}

/* _target_deref (kernel) and _utarget_deref (the probed task): the loads of a $var member chain, with the
 * fault text of stap's loc2c deref */
static int target_deref(struct svm_exec *s, enum svm_addr_space space, uint64_t addr, int64_t n, int64_t *v)
{
	unsigned bytes = (unsigned)(n < 0 ? -n : n);
	if (bytes != 1 && bytes != 2 && bytes != 4 && bytes != 8) FAIL("invalid read size %lld", (long long)n);
	if (read_num(s, space, addr, bytes, v)) {
		if (!skips_badvars(s))
			FAIL("read fault [man error::fault] at 0x%llx", (unsigned long long)addr);   /* loc2c's STAP_MSG_LOC2C_01 */
		*v = 0;
	}
	if (n > 0 && bytes < 8) *v &= (int64_t)((1ull << (8 * bytes)) - 1);
	return 0;
}

/* user_long & co: 0 when unreadable (stap's versions catch the fault) */
static int64_t user_num(const struct svm_exec *s, uint64_t addr, unsigned n)
{
	int64_t v;
	return read_num(s, SVM_MEM_USER, addr, n, &v) ? 0 : v;
}

/* The user stack of the hit: by the module's unwind rows when it carries them (-d, --ldd, the probed
 * files), else by frame pointers: pcs[0] the user pc, then return addresses, at most max; 0 without
 * user registers. The rows' walk uses scratch2 for paths (print_ubacktrace fills it only afterwards).
 * Without rows, or where the pc's mapping is unknown (stapvm.ko's kprobes): a function entry has not pushed its own frame yet, its return address is at [sp] and
 * the walk continues from the caller's rbp. Every read is fault-safe. */
static int ustack(const struct svm_exec *s, uint64_t *pcs, int max)
{
	struct svm_ctx u;
	uint64_t ip, sp, fp, ret;
	int n = 0;
	if (!s->ctx || svm_host_user_ctx(s->ctx, &u))
		return 0;
	if (s->m->nunwind && (n = svm_unwind_user(s->m, s->ctx, &u, s->scratch2, s->maxstr, pcs, max)) >= 0)
		return n;       /* by the module's call frame information */
	n = 0;
	if (svm_host_register(&u, "ip", &ip) || svm_host_register(&u, "sp", &sp) || svm_host_register(&u, "rbp", &fp))
		return 0;
	pcs[n++] = ip;
	if (u.kind == SVM_CTX_ENTRY && n < max && svm_host_read(&u, SVM_MEM_USER, sp, &ret, 8) == 0 && ret)
		pcs[n++] = ret;
	while (n < max && fp && !(fp & 7)) {
		uint64_t frame[2];   /* saved rbp, return address */
		if (svm_host_read(&u, SVM_MEM_USER, fp, frame, sizeof frame) || !frame[1]) break;
		pcs[n++] = frame[1];
		if (frame[0] <= fp) break;    /* stacks grow down: callers' frames lie above */
		fp = frame[0];
	}
	return n;
}

/* backtrace()/ubacktrace(): "0xPC 0xRET1 0xRET2 ", each address followed by a space as stap's
 * _STP_SYM_NONE prints them, cut at a whole address within maxstr */
static void hex_frames(const struct svm_exec *s, char *out, const uint64_t *pcs, int n)
{
	size_t len = 0;
	out[0] = 0;
	for (int k = 0; k < n && len + 20 < s->maxstr; k++)
		svm_appendf(out, s->maxstr, &len, "0x%llx ", (unsigned long long)pcs[k]);
}

static void ubacktrace(struct svm_exec *s, char *out)
{
	uint64_t pcs[SVM_BT_MAX];
	hex_frames(s, out, pcs, ustack(s, pcs, SVM_BT_MAX));
}

/* print_ubacktrace(): one line per frame in stap's _STP_SYM_FULL formats: with a symbol
 * " 0xADDR : sym+0xOFF/0xSIZE [/path]" (stap with -d), with only the mapping
 * " 0xADDR [/path+0xOFF/0xSIZE]" (offset and size within the mapping, stap without -d), else
 * " 0xADDR"; a hit without a user task prints stap's "<no user backtrace at PP>". */
static void print_ubacktrace(struct svm_exec *s, char *line)
{
	uint64_t pcs[SVM_BT_MAX], start, end, off, soff, size;
	char *path = s->scratch2, *sym = s->scratch2 + s->maxstr;   /* scratch2 holds 2 * maxstr */
	int n = ustack(s, pcs, SVM_BT_MAX);
	size_t len = 0;
	if (n == 0) {
		svm_appendf(line, s->maxstr, &len, "<no user backtrace at %s>\n", probe_point(s));
		svm_out(s, 0, line, len);
		return;
	}
	for (int k = 0; k < n; k++) {
		unsigned long long pc = (unsigned long long)pcs[k];
		len = 0;
		line[0] = 0;
		if (svm_host_umap(s->ctx, pcs[k], path, s->maxstr, &start, &end, &off))
			svm_appendf(line, s->maxstr, &len, " 0x%llx", pc);
		else if (svm_host_usym(path, off, sym, s->maxstr, &soff, &size) == 0)
			svm_appendf(line, s->maxstr, &len, " 0x%llx : %s+0x%llx/0x%llx [%s]", pc, sym,
				    (unsigned long long)soff, (unsigned long long)size, path);
		else
			svm_appendf(line, s->maxstr, &len, " 0x%llx [%s+0x%llx/0x%llx]", pc, path,
				    (unsigned long long)(pcs[k] - start), (unsigned long long)(end - start));
		if (len + 1 >= s->maxstr) len = s->maxstr - 2;
		line[len++] = '\n';
		svm_out(s, 0, line, len);
	}
}

/* the probe's function as stap's probefunc() takes it: its symbol up to an '@FILE' part; "" for a
 * probe without one */
static void probefunc(const struct svm_exec *s, char *out)
{
	const struct svm_probe *p = cur_probe(s);
	const char *sym = p && p->sym != SVM_NOSTR ? s->m->strings[p->sym] : "";
	size_t n = 0;
	while (sym[n] && sym[n] != '@' && n + 1 < s->maxstr) { out[n] = sym[n]; n++; }
	out[n] = 0;
}

/* backtrace(): the hit's kernel stack, as ubacktrace() */
static void kbacktrace(struct svm_exec *s, char *out)
{
	uint64_t pcs[SVM_BT_MAX];
	hex_frames(s, out, pcs, s->ctx ? svm_host_backtrace(s->ctx, pcs, SVM_BT_MAX) : -1);
}

/* print_backtrace(): one line per frame, stap's _STP_SYM_FULL format:
 * " 0xADDR : sym+0xOFF/0xSIZE [kernel]", or " 0xADDR" for an address no symbol covers. The probe
 * address of a function probe is named by the probed function: kallsyms may name an alias at the
 * same address instead (__do_sys_getpid for __x64_sys_getpid). */
static void print_kbacktrace(struct svm_exec *s, char *line)
{
	uint64_t pcs[SVM_BT_MAX];
	char *sym = s->scratch2, *fn = s->scratch2 + s->maxstr;   /* scratch2 holds 2 * maxstr */
	int n = s->ctx ? svm_host_backtrace(s->ctx, pcs, SVM_BT_MAX) : -1;
	for (int k = 0; k < n; k++) {
		size_t len = 0;
		line[0] = 0;
		if (svm_host_symbolize(pcs[k], sym, s->maxstr) == 0) {
			const char *rest = sym;
			fn[0] = 0;
			if (k == 0 && s->ctx->kind == SVM_CTX_ENTRY && s->ctx->space == SVM_MEM_KERNEL) {
				const char *p = sym;
				while (*p && *p != '+') p++;
				if (p[0] == '+' && p[1] == '0' && p[2] == 'x' && p[3] == '0' && p[4] == '/') {
					probefunc(s, fn);
					if (fn[0]) rest = p;
				}
			}
			svm_appendf(line, s->maxstr, &len, " 0x%llx : %s%s", (unsigned long long)pcs[k], fn, rest);
		} else {
			svm_appendf(line, s->maxstr, &len, " 0x%llx", (unsigned long long)pcs[k]);
		}
		line[len++] = '\n';
		svm_out(s, 0, line, len);
	}
}

int svm_helper_ctx(struct svm_exec *s, unsigned id, int64_t *iret, char *sret, const int64_t *iargs, const char *sargs)
{
	uint64_t v;
	switch (id) {
	case H_jiffies: *iret = svm_host_jiffies(); return 0;
	case H_uint_arg: if (arg(s, iargs[0], &v)) return -1; *iret = (int64_t)(uint32_t)v; return 0;
	case H_int_arg: if (arg(s, iargs[0], &v)) return -1; *iret = (int64_t)(int32_t)v; return 0;
	case H_long_arg: case H_ulong_arg: case H_pointer_arg:
		if (arg(s, iargs[0], &v)) return -1;
		*iret = (int64_t)v;
		return 0;
	case H_returnval:
		if (!s->ctx || s->ctx->kind != SVM_CTX_RETURN || svm_host_retval(s->ctx, &v))
			FAIL("returnval() not defined in this context %s", probe_point(s));
		*iret = (int64_t)v;
		return 0;
	case H_register:
		if (!s->ctx || !s->ctx->regs) FAIL("cannot access CPU registers in this context");
		if (svm_host_register(s->ctx, sargs, &v)) FAIL("Unknown register: %s", sargs);
		*iret = (int64_t)v;
		return 0;
	case H_probefunc: case H_ppfunc: probefunc(s, sret); return 0;
	case H_kernel_string: return copy_str(s, SVM_MEM_KERNEL, (uint64_t)iargs[0], (int64_t)s->maxstr, sret);
	case H_kernel_long: return kernel_num(s, (uint64_t)iargs[0], 8, "long", iret);
	case H_kernel_int: return kernel_num(s, (uint64_t)iargs[0], 4, "int", iret);
	case H__target_deref: return target_deref(s, SVM_MEM_KERNEL, (uint64_t)iargs[0], iargs[1], iret);
	case H__utarget_deref: return target_deref(s, SVM_MEM_USER, (uint64_t)iargs[0], iargs[1], iret);
	case H_kernel_short: return kernel_num(s, (uint64_t)iargs[0], 2, "short", iret);
	case H_kernel_char: return kernel_num(s, (uint64_t)iargs[0], 1, "char", iret);
	case H_kernel_string_n: return copy_str(s, SVM_MEM_KERNEL, (uint64_t)iargs[0], iargs[1], sret);
	case H__ctx_flag: {
		const struct svm_ctx *c = s->ctx;
		int has_regs = c && c->kind != SVM_CTX_NONE && c->regs;
		*iret = iargs[0] == 0 ? c && c->kind == SVM_CTX_RETURN
		      : iargs[0] == 1 ? has_regs && c->space == SVM_MEM_USER
		      : iargs[0] == 2 ? has_regs : 0;
		return 0;
	}
	case H_user_string: return copy_str(s, SVM_MEM_USER, (uint64_t)iargs[0], (int64_t)s->maxstr, sret);
	case H_user_string_n: return copy_str(s, SVM_MEM_USER, (uint64_t)iargs[0], iargs[1], sret);
	case H_user_long: *iret = user_num(s, (uint64_t)iargs[0], 8); return 0;
	case H_user_int: *iret = user_num(s, (uint64_t)iargs[0], 4); return 0;
	case H_user_short: *iret = user_num(s, (uint64_t)iargs[0], 2); return 0;
	case H_user_char: *iret = user_num(s, (uint64_t)iargs[0], 1); return 0;
	case H_ubacktrace: ubacktrace(s, sret); return 0;
	case H_print_ubacktrace: print_ubacktrace(s, sret); return 0;
	case H_backtrace: kbacktrace(s, sret); return 0;
	case H_print_backtrace: print_kbacktrace(s, sret); return 0;
	case H_uaddr:
		*iret = s->ctx && s->ctx->regs && svm_host_register(s->ctx, "ip", &v) == 0 ? (int64_t)v : 0;
		return 0;
	/* at a syscall stop: orig_rax is the number, the arguments are in the syscall registers */
	case H__utrace_syscall_nr:
		if (!s->ctx || !s->ctx->regs || svm_host_register(s->ctx, "orig_rax", &v)) FAIL("cannot access $syscall in this context");
		*iret = (int64_t)v;
		return 0;
	case H__tracepoint_arg: {
		const struct svm_ctx *c = s->ctx;
		if (!c || !c->tp_args || iargs[0] < 1 || iargs[0] > (int64_t)c->tp_nargs)
			FAIL("cannot access tracepoint argument %lld in this context", (long long)iargs[0]);
		*iret = (int64_t)c->tp_args[iargs[0] - 1];
		return 0;
	}
	case H__utrace_syscall_arg: {
		static const char *const regs[] = { "rdi", "rsi", "rdx", "r10", "r8", "r9" };
		if (iargs[0] < 1 || iargs[0] > 6 || !s->ctx || !s->ctx->regs || svm_host_register(s->ctx, regs[iargs[0] - 1], &v))
			FAIL("cannot access $arg%lld in this context", (long long)iargs[0]);
		*iret = (int64_t)v;
		return 0;
	}
	case H__utrace_syscall_return:
		if (!s->ctx || s->ctx->kind != SVM_CTX_RETURN || svm_host_retval(s->ctx, &v)) FAIL("cannot access $return in this context");
		*iret = (int64_t)v;
		return 0;
	case H__procfs_value: {
		const struct svm_procfs *f = s->ctx ? s->ctx->procfs : 0;
		uint32_t n;
		if (!f || f->reading) FAIL("procfs $value is not available in this context");
		n = f->len < s->maxstr - 1 ? f->len : (uint32_t)(s->maxstr - 1);
		svm_host_memcpy(sret, f->buf, n);
		sret[n] = 0;
		return 0;
	}
	case H__procfs_set:
	case H__procfs_append: {
		struct svm_procfs *f = s->ctx ? s->ctx->procfs : 0;
		size_t n = svm_strlen(sargs), k;
		if (!f || !f->reading) FAIL("procfs $value can be set only in a procfs read probe");
		if (id == H__procfs_set)
			f->len = 0;
		/* the buffer may be larger than MAXSTRINGLEN (.maxsize): appends accumulate up to its size */
		k = n < f->cap - f->len ? n : f->cap - f->len;
		svm_host_memcpy(f->buf + f->len, sargs, k);
		f->len += (uint32_t)k;
		if (sret != sargs)
			svm_host_memcpy(sret, sargs, n + 1);
		return 0;
	}
	case H_task_current:
		if (!(*iret = svm_host_task())) FAIL("task_current() needs the kernel runtime (stapvm.ko): the userspace runtime has no kernel task");
		return 0;
	case H_pid2task:
		if (svm_host_pid2task(iargs[0], iret)) FAIL("pid2task() needs the kernel runtime (stapvm.ko): the userspace runtime has no kernel task");
		return 0;
	}
	return svm_helper_sym(s, id, sret, iargs);
}
