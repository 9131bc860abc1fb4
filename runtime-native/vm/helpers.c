/* helpers.c: builtin helper functions, dispatched by the explicit ids of helpers.def. */
#include "session.h"
#include "text.h"
#include "stapvm.h"

#define SARG(k) (sargs + (size_t)(k) * s->maxstr)
#define FAIL(...) do { svm_errf(s->errmsg, sizeof s->errmsg, __VA_ARGS__); return -1; } while (0)

/* formats sargs[0] with the remaining int and string args into out (at most cap-1 bytes) */
/* a width or precision given by a * argument, clamped to [0, 10000] */
static int star(int64_t v) { return v < 0 ? 0 : v > 10000 ? 10000 : (int)v; }

/* formats into out; *outlen gets the length (%c and %b may write NUL bytes) */
static int format(struct svm_exec *s, char *out, size_t cap, size_t *outlen, const int64_t *iargs, unsigned ni,
		  const char *sargs, unsigned ns)
{
	const char *f = SARG(0);
	unsigned ii = 0, si = 1;
	size_t len = 0;
	out[0] = 0;
	*outlen = 0;
	while (*f) {
		int flags = 0, width = 0, prec = -1;
		if (*f != '%') { svm_fmt_str(out, cap, &len, (char[2]){ *f++, 0 }, 0, 0, -1); continue; }
		f++;
		/* one flag, as stap's translator reads a format ("%-05d" is '-' and width 05) */
		if (*f == '-') flags = F_MINUS; else if (*f == '0') flags = F_ZERO;
		else if (*f == '+') flags = F_PLUS; else if (*f == ' ') flags = F_SPACE;
		else if (*f == '#') flags = F_HASH;
		if (flags) f++;
		if (*f == '*') {
			/* width (and precision) from the next int argument, as SystemTap */
			if (ii >= ni) FAIL("printf: too few int arguments for the format");
			/* stap's translator passes the value to number() as the field width: a negative one pads nothing */
			width = star(iargs[ii++]);
			f++;
		}
		while (*f >= '0' && *f <= '9' && width < 10000) width = width * 10 + (*f++ - '0');
		if (*f == '.') {
			prec = 0; f++;
			if (*f == '*') {
				if (ii >= ni) FAIL("printf: too few int arguments for the format");
				prec = star(iargs[ii++]);
				f++;
			}
			while (*f >= '0' && *f <= '9' && prec < 10000) prec = prec * 10 + (*f++ - '0');
		}
		while (*f == 'l' || *f == 'h') f++;
		switch (*f) {
		case '%': svm_fmt_str(out, cap, &len, "%", 0, 0, -1); break;
		case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': case 'c': case 'p':
			if (ii >= ni) FAIL("printf: too few int arguments for the format");
			svm_fmt_int(out, cap, &len, iargs[ii++], *f, flags, width, prec);
			break;
		case 'b': {
			/* %b: the value's bytes, little endian; width 1, 2, 4 or 8 (default) bytes */
			int nb = width == 1 || width == 2 || width == 4 ? width : 8;
			uint64_t v;
			if (ii >= ni) FAIL("printf: too few int arguments for the format");
			v = (uint64_t)iargs[ii++];
			for (int k = 0; k < nb && len + 1 < cap; k++) { out[len++] = (char)(v >> (8 * k)); out[len] = 0; }
			break;
		}
		case 'm': case 'M': {
			/* %m: precision bytes (default 1) of kernel memory at the address, of the probed
			 * task's with '#'; %M the same bytes in hex; a bad address is stap's deref fault */
			int nb = prec > 0 ? prec : 1, shown = *f == 'M' ? 2 * nb : nb;
			enum svm_addr_space space = flags & F_HASH ? SVM_MEM_USER : SVM_MEM_KERNEL;
			uint64_t a;
			if (ii >= ni) FAIL("printf: too few int arguments for the format");
			a = (uint64_t)iargs[ii++];
			for (; !(flags & F_MINUS) && width > shown && len + 1 < cap; width--) { out[len++] = ' '; out[len] = 0; }
			for (int k = 0; k < nb; k++) {
				uint8_t b;
				if (!s->ctx || svm_host_read(s->ctx, space, a + (uint64_t)k, &b, 1))
					FAIL("read fault [man error::fault] at 0x%llx", (unsigned long long)(a + (uint64_t)k));
				if (*f == 'm' && len + 1 < cap) { out[len++] = (char)b; out[len] = 0; }
				if (*f == 'M' && len + 2 < cap) {
					out[len++] = "0123456789abcdef"[b >> 4]; out[len++] = "0123456789abcdef"[b & 15]; out[len] = 0;
				}
			}
			for (; width > shown && len + 1 < cap; width--) { out[len++] = ' '; out[len] = 0; }
			break;
		}
		case 's':
			if (si >= ns) FAIL("printf: too few string arguments for the format");
			svm_fmt_str(out, cap, &len, SARG(si++), flags, width, prec);
			/* stap's runtime reserves one byte more for a zero-padded %s and leaves it NUL */
			if ((flags & F_ZERO) && len + 1 < cap) { out[len++] = 0; out[len] = 0; }
			break;
		default:
			FAIL("printf: bad conversion '%%%s'", (char[2]){ *f, 0 });
		}
		if (*f) f++;
	}
	*outlen = len;
	return 0;
}

/* one UTF-8 character at in (at most size bytes) into *c; returns its length; anything not well formed is one byte */
static int utf8(const uint8_t *in, int size, int32_t *c)
{
	int n = (in[0] & 0xe0) == 0xc0 && size >= 2 ? 2 : (in[0] & 0xf0) == 0xe0 && size >= 3 ? 3 : (in[0] & 0xf8) == 0xf0 && size >= 4 ? 4 : 1;
	int32_t v = n == 2 ? in[0] & 0x1f : n == 3 ? in[0] & 0xf : in[0] & 7;
	for (int i = 1; i < n; i++) {
		if ((in[i] & 0xc0) != 0x80) n = 1;
		v = v << 6 | (in[i] & 0x3f);
		if (n == 1) break;
	}
	if (n == 1 || (v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff || v < 0x80 || (n == 3 && v < 0x800) || (n == 4 && v < 0x10000)) {
		*c = in[0];
		return 1;
	}
	*c = v;
	return n;
}

/* SystemTap's _stp_text_str: escapes into out (< maxstr bytes), at most outlen output bytes, optional quotes;
 * a UTF-8 character is \uXXXX / \UXXXXXXXX in upper-case hex (stp_string.h to_hex_digit) */
static void text_str(const char *in, char *out, int64_t outlen, int quoted, int maxstr)
{
	static const char hexd[] = "0123456789ABCDEF";
	const uint8_t *p = (const uint8_t *)in;
	int inlen = (int)svm_strlen(in), o = 0, esc = -1, esclen = 0;
	int32_t c = 0;
	if (inlen > maxstr - 1) inlen = maxstr - 1;
	if (outlen <= 0 || outlen > maxstr - 1) outlen = maxstr - 1;
	if (quoted) { outlen = (outlen > 5 ? outlen : 5) - 2; out[o++] = '"'; }
	while (inlen > 0) {
		int num = 1, n = utf8(p, inlen, &c);
		if (c == 0 || outlen <= 0) break;
		p += n; inlen -= n;
		if (n > 1) {
			num = c <= 0xffff ? 6 : 10;
			if (esc < 0 && outlen - 3 < num) { esc = o; esclen = num; }
			if (outlen < num) break;
			out[o++] = '\\';
			out[o++] = c <= 0xffff ? 'u' : 'U';
			for (int i = num - 3; i >= 0; i--) out[o++] = hexd[(c >> (i * 4)) & 0xf];
		} else if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
			out[o++] = (char)c;
		} else {
			static const char from[] = "\a\b\f\n\r\t\v\"\\", to[] = "abfnrtv\"\\";
			int k = 0;
			while (from[k] && from[k] != c) k++;
			num = from[k] ? 2 : 4;
			if (esc < 0 && outlen - 3 < num) { esc = o; esclen = num; }
			if (outlen < num) break;
			out[o++] = '\\';
			if (from[k]) {
				out[o++] = to[k];
			} else {
				out[o++] = (char)('0' + ((c >> 6) & 3));
				out[o++] = (char)('0' + ((c >> 3) & 7));
				out[o++] = (char)('0' + (c & 7));
			}
		}
		outlen -= num;
	}
	if (quoted) {
		if (c && inlen > 0) {
			int cut = o - 3 + (int)outlen;
			o = esc >= 0 && esc < cut && cut < esc + esclen ? esc : cut;
			out[o++] = '"'; out[o++] = '.'; out[o++] = '.'; out[o++] = '.';
		} else {
			out[o++] = '"';
		}
	}
	out[o] = 0;
}

/* warn(): 1 when a warning with this hash was printed already, else records it (0). Handlers on
 * several CPUs claim slots atomically; two racing first warnings may both print, never corrupt. */
static int warned_before(struct svm_session *sh, uint32_t hsh)
{
	uint32_t n = svm_atomic_get(&sh->nwarned), k;
	for (uint32_t i = 0; i < n && i < SVM_MAXWARN; i++) if (svm_atomic_get(&sh->warned[i]) == hsh) return 1;
	k = svm_atomic_inc(&sh->nwarned) - 1;   /* the slot this call claimed */
	if (k < SVM_MAXWARN) svm_atomic_set(&sh->warned[k], hsh);
	return 0;
}

int svm_helper(struct svm_exec *s, unsigned id, int64_t *iret, char *sret,
	       const int64_t *iargs, unsigned ni, const char *sargs, unsigned ns)
{
	switch (id) {
	case H_print:
		svm_out(s, 0, SARG(0), svm_strlen(SARG(0)));
		return 0;
	case H_println:
		svm_out(s, 0, SARG(0), svm_strlen(SARG(0)));
		svm_out(s, 0, "\n", 1);
		return 0;
	case H_printf: {
		/* formatted output may exceed MAXSTRINGLEN: format into the bigger scratch pair */
		size_t n;
		if (format(s, s->scratch2, (size_t)s->maxstr * 2, &n, iargs, ni, sargs, ns)) return -1;
		svm_out(s, 0, s->scratch2, n);
		return 0;
	}
	case H_display_printf: {
		size_t n;
		if (format(s, s->scratch2, (size_t)s->maxstr * 2, &n, iargs, ni, sargs, ns)) return -1;
		svm_out(s, STAPVM_STREAM_DISPLAY, s->scratch2, n);
		return 0;
	}
	case H_record_printf:
		if (svm_record_printf(s, iargs, ni, sargs, ns)) FAIL("record_printf: too few arguments for the format");
		return 0;
	case H_sprintf: {
		size_t n;
		return format(s, sret, s->maxstr, &n, iargs, ni, sargs, ns);
	}
	case H_warn: {
		uint32_t hsh = 2166136261u;
		for (const char *p = SARG(0); *p; p++) hsh = (hsh ^ (uint8_t)*p) * 16777619u;
		if (warned_before(s->sh, hsh)) return 0;
		svm_out(s, 1, "WARNING: ", 9);
		svm_out(s, 1, SARG(0), svm_strlen(SARG(0)));
		svm_out(s, 1, "\n", 1);
		return 0;
	}
	case H_system:
		svm_out(s, STAPVM_STREAM_SYSTEM, SARG(0), svm_strlen(SARG(0)));
		return 0;
	case H_strlen:
		*iret = (int64_t)svm_strlen(SARG(0));
		return 0;
	case H_substr: {
		int64_t n = (int64_t)svm_strlen(SARG(0)), st = iargs[0], ln = iargs[1], k = 0;
		if (st >= 0 && st < n && ln > 0 && ln != INT64_MAX)   /* SystemTap computes length + 1: MAX wraps to "" */
			for (; k < ln && st + k < n; k++) sret[k] = SARG(0)[st + k];
		sret[k] = 0;
		return 0;
	}
	case H_strpos: {
		const char *h = SARG(0), *nd = SARG(1);
		size_t hl = svm_strlen(h), nl = svm_strlen(nd);
		*iret = -1;
		for (size_t i = 0; i + nl <= hl; i++)
			if (!svm_host_memcmp(h + i, nd, nl)) { *iret = (int64_t)i; break; }
		return 0;
	}
	case H_isinstr: {
		const char *h = SARG(0), *nd = SARG(1);
		size_t hl = svm_strlen(h), nl = svm_strlen(nd);
		*iret = 0;
		for (size_t i = 0; i + nl <= hl; i++)
			if (!svm_host_memcmp(h + i, nd, nl)) { *iret = 1; break; }
		return 0;
	}
	case H_strtol: {
		/* as the kernel's simple_strtol, which SystemTap calls: an optional '-', base 0 guesses 0x / 0 / decimal,
		 * digits 0-9 a-f only, no blanks skipped, no error for an odd base */
		const uint8_t *p = (const uint8_t *)SARG(0);
		uint64_t base = (uint32_t)iargs[0], v = 0;
		int neg = *p == '-';
		p += neg;
		if (base == 0)
			base = p[0] != '0' ? 10 : (p[1] | 0x20) == 'x' && ((p[2] >= '0' && p[2] <= '9') || ((p[2] | 0x20) >= 'a' && (p[2] | 0x20) <= 'f')) ? 16 : 8;
		if (base == 16 && p[0] == '0' && (p[1] | 0x20) == 'x') p += 2;
		for (;; p++) {
			uint64_t d = *p >= '0' && *p <= '9' ? (uint64_t)(*p - '0') : (*p | 0x20) >= 'a' && (*p | 0x20) <= 'f' ? (uint64_t)((*p | 0x20) - 'a' + 10) : 99;
			if (d >= 16 || d >= base) break;
			v = v * base + d;
		}
		*iret = neg ? (int64_t)((uint64_t)0 - v) : (int64_t)v;
		return 0;
	}
	case H_stringat: {
		int64_t n = (int64_t)svm_strlen(SARG(0));
		if (iargs[0] < 0 || iargs[0] >= n) FAIL("Position out of bounds");
		*iret = (uint8_t)SARG(0)[iargs[0]];
		return 0;
	}
	case H_str_replace: {
		const char *p = SARG(0), *q = SARG(1), *rp = SARG(2);
		size_t ql = svm_strlen(q), rl = svm_strlen(rp), n = 0;
		while (*p) {
			size_t k = 0;
			if (ql && !svm_host_memcmp(p, q, ql < svm_strlen(p) ? ql : svm_strlen(p) + 1)) {
				for (; k < rl && n + 1 < s->maxstr; k++) sret[n++] = rp[k];
				p += ql;
			} else if (n + 1 < s->maxstr) {
				sret[n++] = *p++;
			} else {
				break;
			}
		}
		sret[n] = 0;
		return 0;
	}
	case H_text_str:
		text_str(SARG(0), sret, 0, 0, (int)s->maxstr);
		return 0;
	case H_text_strn:
		text_str(SARG(0), sret, iargs[0] < 0 ? 0 : iargs[0], iargs[1] != 0, (int)s->maxstr);
		return 0;
	case H_isdigit:
		*iret = SARG(0)[0] >= '0' && SARG(0)[0] <= '9';
		return 0;
	case H_matched: {
		int64_t n = iargs[0], a, b;
		if (!s->rxnslots) FAIL("Attempted to get subexpression %lld from failed match", (long long)n);
		if (n < 0 || (uint64_t)n * 2 + 1 >= s->rxnslots) FAIL("Attempted to get nonexistent subexpression %lld", (long long)n);
		a = s->rxslot[2 * n]; b = s->rxslot[2 * n + 1];
		if (a < 0 || b < 0 || a > b || b >= (int64_t)s->maxstr) a = b = 0;   /* took no part: "" */
		for (int64_t i = a; i < b; i++) sret[i - a] = s->rxsubj[i];
		sret[b - a] = 0;
		return 0;
	}
	case H_ngroups:
		if (!s->rxnslots) FAIL("Attempted to get subexpression count from failed match");
		*iret = s->rxnslots / 2;
		return 0;
	case H_tokenize: {
		/* as SystemTap: strsep over a saved copy, skipping empty tokens */
		const char *d = SARG(1);
		char *t;
		size_t k = 0;
		if (SARG(0)[0]) {
			size_t i = 0;
			for (; i + 1 < s->maxstr && SARG(0)[i]; i++) s->tokstr[i] = SARG(0)[i];
			s->tokstr[i] = 0;
			s->tokpos = 0;
		}
		sret[0] = 0;
		for (;;) {
			if (s->tokpos < 0) return 0;
			t = s->tokstr + s->tokpos;
			for (k = 0; t[k]; k++) {
				const char *c = d;
				while (*c && *c != t[k]) c++;
				if (*c) break;
			}
			s->tokpos = t[k] ? (int32_t)(t - s->tokstr + k + 1) : -1;
			if (k) break;
		}
		for (size_t i = 0; i < k; i++) sret[i] = t[i];
		sret[k] = 0;
		return 0;
	}
	case H_uid: case H_gid: case H_euid: case H_egid:
		*iret = svm_host_cred(id == H_uid ? 0 : id == H_gid ? 1 : id == H_euid ? 2 : 3);
		return 0;
	case H_ppid: *iret = s->ctx && s->ctx->pid >= 0 ? svm_host_ppid_of(s->ctx->pid) : svm_host_ppid(); return 0;
	case H_randint:
		if ((uint64_t)iargs[0] > 1024 * 1024) FAIL("range too wide");
		*iret = iargs[0] ? svm_host_random((uint32_t)iargs[0]) : 0;
		return 0;
	/* a hit in a traced process is about that task, not the tracer (ctx pid -1: the current task) */
	case H_pid: *iret = s->ctx && s->ctx->pid >= 0 ? s->ctx->pid : svm_host_pid(); return 0;
	case H_tid: *iret = s->ctx && s->ctx->tid >= 0 ? s->ctx->tid : svm_host_tid(); return 0;
	case H_cpu: *iret = svm_host_cpu(); return 0;
	case H_gettimeofday_ns: *iret = svm_host_time_ns(); return 0;
	case H_gettimeofday_us: *iret = svm_host_time_ns() / 1000; return 0;
	case H_gettimeofday_ms: *iret = svm_host_time_ns() / 1000000; return 0;
	case H_gettimeofday_s: *iret = svm_host_time_ns() / 1000000000; return 0;
	case H_local_clock_ns: *iret = svm_host_clock_ns(); return 0;
	case H_ktime_get_ns: *iret = svm_host_ktime_ns(); return 0;
	case H_get_cycles: *iret = svm_host_cycles(); return 0;
	case H__online_cpus: *iret = svm_host_online_cpus(); return 0;
	case H_tz_gmtoff: case H_tz_name: {
		int64_t west;
		char name[64];
		if (svm_host_tz(&west, id == H_tz_name ? sret : name, id == H_tz_name ? s->maxstr : sizeof name))
			FAIL("the time zone of the loader is not known to this runtime");
		if (id == H_tz_gmtoff) *iret = west;
		return 0;
	}
	case H_local_clock_us: *iret = svm_host_clock_ns() / 1000; return 0;
	case H_local_clock_ms: *iret = svm_host_clock_ns() / 1000000; return 0;
	case H_local_clock_s: *iret = svm_host_clock_ns() / 1000000000; return 0;
	case H_target: *iret = s->sh->target; return 0;
	case H__stdin_value: sret[0] = s->sh->stdin_value[0]; sret[1] = 0; return 0;
	case H_stp_pid: *iret = s->sh->loader_pid; return 0;
	case H_pp:
	case H_pn:
		if (s->cur_probe >= 0 && (uint32_t)s->cur_probe < s->m->nprobes)
			svm_errf(sret, s->maxstr, "%s", s->m->strings[id == H_pn && s->m->npn ? s->m->pn[s->cur_probe]
										   : s->m->probes[s->cur_probe].pp]);
		return 0;
	case H_execname:
		if (s->ctx && s->ctx->comm) svm_errf(sret, s->maxstr, "%s", s->ctx->comm);
		else svm_host_execname(sret, s->maxstr);
		return 0;
	default: {
		int rc = svm_helper_ctx(s, id, iret, sret, iargs, sargs);
		if (rc == 1) FAIL("helper %u is not implemented", id);
		return rc;
	}
	}
}
