/* helpers_ctx.c: helpers that read the probe hit (arguments, registers, memory, the probed function) through context.h. */
#include "session.h"
#include "text.h"

#define FAIL(...) do { svm_errf(s->errmsg, sizeof s->errmsg, __VA_ARGS__); return -1; } while (0)

/* argument n of the hit; stap's errors when there are no registers or n is out of range */
static int arg(struct svm_session *s, int64_t n, uint64_t *v)
{
	if (!s->ctx || !s->ctx->regs) FAIL("cannot access function args in this context");
	if (n < 1 || n > 6 || svm_host_arg(s->ctx, (int)n, v)) FAIL("cannot access arg(%lld)", (long long)n);
	return 0;
}

/* copies a NUL-terminated string at addr into sret (at most maxstr-1 bytes); -1 when the first byte is unreadable */
static int read_string(struct svm_session *s, enum svm_addr_space sp, uint64_t addr, char *sret)
{
	uint32_t i = 0;
	/* byte-wise reads up to a page boundary would be faster; strings are short and this never over-reads */
	for (; i + 1 < s->maxstr; i++) {
		char c;
		if (svm_host_read(s->ctx, sp, addr + i, &c, 1)) {
			if (i == 0) return -1;
			break;
		}
		if (!c) break;
		sret[i] = c;
	}
	sret[i] = 0;
	return 0;
}

/* the NAME of function("NAME...") in the running probe's descriptor, without @file or a module prefix */
static void probed_function(struct svm_session *s, char *out)
{
	const char *d = "", *p;
	uint32_t n = 0;
	if (s->cur_probe >= 0 && (uint32_t)s->cur_probe < s->m->nprobes)
		d = s->m->strings[s->m->probes[s->cur_probe].desc];
	for (p = d; *p; p++) {
		const char *f = "function(\"";
		uint32_t k = 0;
		while (f[k] && p[k] == f[k]) k++;
		if (!f[k]) { p += k; break; }
	}
	for (; *p && *p != '"' && *p != '@' && n + 1 < s->maxstr; p++) out[n++] = *p;
	out[n] = 0;
}

int svm_helper_ctx(struct svm_session *s, unsigned id, int64_t *iret, char *sret, const int64_t *iargs, const char *sargs)
{
	uint64_t v = 0;
	switch (id) {
	case H_jiffies: *iret = svm_host_jiffies(); return 0;
	case H_probefunc: case H_ppfunc: probed_function(s, sret); return 0;
	case H_uint_arg: if (arg(s, iargs[0], &v)) return -1; *iret = (uint32_t)v; return 0;
	case H_int_arg: if (arg(s, iargs[0], &v)) return -1; *iret = (int32_t)(uint32_t)v; return 0;
	case H_long_arg: case H_ulong_arg: case H_pointer_arg:
		if (arg(s, iargs[0], &v)) return -1;
		*iret = (int64_t)v;
		return 0;
	case H_returnval:
		if (!s->ctx || !s->ctx->regs || svm_host_retval(s->ctx, &v)) {
			char pp[128] = "";
			if (s->cur_probe >= 0 && (uint32_t)s->cur_probe < s->m->nprobes)
				svm_errf(pp, sizeof pp, "%s", s->m->strings[s->m->probes[s->cur_probe].desc]);
			FAIL("returnval() not defined in this context %s", pp);
		}
		*iret = (int64_t)v;
		return 0;
	case H_register:
		if (!s->ctx || !s->ctx->regs) FAIL("cannot access CPU registers in this context");
		if (svm_host_register(s->ctx, sargs, &v)) FAIL("Unknown register: %s", sargs);
		*iret = (int64_t)v;
		return 0;
	case H_kernel_string:
		if (read_string(s, SVM_MEM_KERNEL, (uint64_t)iargs[0], sret))
			FAIL("kernel string copy fault at 0x%llx [man error::fault]", (unsigned long long)iargs[0]);
		return 0;
	case H_user_string:
		if (read_string(s, SVM_MEM_USER, (uint64_t)iargs[0], sret))
			FAIL("user string copy fault -14 at 0x%llx [man error::fault]", (unsigned long long)iargs[0]);
		return 0;
	case H_kernel_long:
		if (svm_host_read(s->ctx, SVM_MEM_KERNEL, (uint64_t)iargs[0], &v, 8))
			FAIL("kernel long copy fault at 0x%llx [man error::fault]", (unsigned long long)iargs[0]);
		*iret = (int64_t)v;
		return 0;
	case H_kernel_int: {
		uint32_t w = 0;
		if (svm_host_read(s->ctx, SVM_MEM_KERNEL, (uint64_t)iargs[0], &w, 4))
			FAIL("kernel int copy fault at 0x%llx [man error::fault]", (unsigned long long)iargs[0]);
		*iret = (int32_t)w;
		return 0;
	}
	case H_user_long:
		/* stap's user_long: try { user_long_error() } catch { 0 } */
		*iret = svm_host_read(s->ctx, SVM_MEM_USER, (uint64_t)iargs[0], &v, 8) ? 0 : (int64_t)v;
		return 0;
	case H_user_int: {
		uint32_t w = 0;
		*iret = svm_host_read(s->ctx, SVM_MEM_USER, (uint64_t)iargs[0], &w, 4) ? 0 : (int32_t)w;
		return 0;
	}
	default:
		return 1;
	}
}
