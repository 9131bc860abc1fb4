/* helpers_sym.c: the symbol helpers _sym (kernel addresses) and _usym (addresses of the hit's user task):
 * an address named as stap's _stp_snprint_addr names it for the same _STP_SYM_* flags, so symname,
 * symdata, sprint_backtrace, usymname, usymdata, sprint_ubacktrace ... are tapset functions over them. */
#include "session.h"
#include "text.h"

/* stap's _STP_SYM_* flags (runtime/sym.h) and the combinations its functions pass */
enum {
	SYM_SYMBOL = 1, SYM_HEX_SYMBOL = 2, SYM_MODULE = 4, SYM_OFFSET = 8, SYM_SIZE = 16, SYM_INEXACT = 32,
	SYM_PRE_SPACE = 64, SYM_POST_SPACE = 128, SYM_NEWLINE = 256, SYM_MODULE_BASENAME = 512,
	SYM_BRIEF = SYM_SYMBOL | SYM_OFFSET | SYM_NEWLINE,
	SYM_FULL = SYM_SYMBOL | SYM_HEX_SYMBOL | SYM_MODULE | SYM_OFFSET | SYM_SIZE | SYM_PRE_SPACE | SYM_NEWLINE,
	SYM_SIMPLE = SYM_SYMBOL | SYM_MODULE | SYM_MODULE_BASENAME | SYM_OFFSET | SYM_NEWLINE,
	SYM_DATA = SYM_SYMBOL | SYM_MODULE | SYM_OFFSET | SYM_SIZE,
};

/* what is known of an address: a symbol (name, offset in it, its size) and/or a module (name); NULL unknown */
struct sym {
	const char *name, *mod;
	uint64_t off, size;
};

static uint64_t hex(const char **p)
{
	uint64_t v = 0;
	if ((*p)[0] == '0' && (*p)[1] == 'x') *p += 2;
	for (;; (*p)++) {
		char c = **p;
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (d < 0) return v;
		v = v * 16 + (uint64_t)d;
	}
}

/* svm_host_symbolize's "name+0xOFF/0xSIZE [module]" split in place in buf */
static int ksym(uint64_t pc, char *buf, size_t len, struct sym *y)
{
	char *plus = NULL, *p;
	const char *q;
	if (svm_host_symbolize(pc, buf, len)) return -1;
	for (p = buf; *p && *p != ' '; p++)
		if (*p == '+') plus = p;
	if (!plus || p[0] != ' ' || p[1] != '[') return -1;
	*plus = 0;
	q = plus + 1;
	y->name = buf;
	y->off = hex(&q);
	if (*q == '/') q++;
	y->size = hex(&q);
	y->mod = p + 2;
	for (p += 2; *p && *p != ']'; p++) {}
	*p = 0;
	return 0;
}

/* the mapping of the hit's task that covers pc (the module: its path) and, when the ELF file says, the
 * function symbol; without a symbol the offset and size are the mapping's, as print_ubacktrace shows them */
static int usym(const struct svm_exec *s, uint64_t pc, char *path, char *name, struct sym *y)
{
	uint64_t start, end, off;
	if (!s->ctx || svm_host_umap(s->ctx, pc, path, s->maxstr, &start, &end, &off)) return -1;
	y->mod = path;
	if (svm_host_usym(path, off, name, s->maxstr, &y->off, &y->size) == 0) {
		y->name = name;
	} else {
		y->off = pc - start;
		y->size = end - start;
	}
	return 0;
}

#define OUT(...) do { svm_appendf(out, cap, &n, __VA_ARGS__); return; } while (0)

/* _stp_snprint_addr: the formats of stap's flag combinations; anything else, or nothing known, is hex */
static void format_addr(char *out, size_t cap, uint64_t pc, int64_t flags, const struct sym *y)
{
	const char *pre = flags & SYM_PRE_SPACE ? " " : "";
	const char *post = flags & SYM_POST_SPACE ? " " : flags & SYM_NEWLINE ? "\n" : "";
	const char *name = y->name, *mod = y->mod;
	unsigned long long a = pc, off = y->off, size = y->size;
	size_t n = 0;
	out[0] = 0;
	if (mod && (flags & SYM_MODULE_BASENAME))
		for (const char *p = y->mod; *p; p++)
			if (*p == '/') mod = p + 1;
	switch (flags & ~(int64_t)SYM_INEXACT) {
	case SYM_SYMBOL:
		if (name) OUT("%s%s%s", pre, name, post);
		break;
	case SYM_BRIEF:
		if (name) OUT("%s%s+0x%llx%s", pre, name, off, post);
		break;
	case SYM_SIMPLE:
		if (name && mod) OUT("%s%s+0x%llx [%s]%s", pre, name, off, mod, post);
		if (name) OUT("%s%s+0x%llx%s", pre, name, off, post);
		if (mod) OUT("%s0x%llx [%s+0x%llx]%s", pre, a, mod, off, post);
		break;
	case SYM_DATA:
		if (name && mod) OUT("%s%s+0x%llx/0x%llx [%s]%s", pre, name, off, size, mod, post);
		if (name) OUT("%s%s+0x%llx/0x%llx%s", pre, name, off, size, post);
		if (mod) OUT("%s0x%llx [%s+0x%llx/0x%llx]%s", pre, a, mod, off, size, post);
		break;
	case SYM_FULL:
		if (name && mod)
			OUT("%s0x%llx : %s+0x%llx/0x%llx [%s]%s", pre, a, name, off, size, mod, post);
		if (name) OUT("%s0x%llx : %s+0x%llx/0x%llx%s", pre, a, name, off, size, post);
		if (mod) OUT("%s0x%llx [%s+0x%llx/0x%llx]%s", pre, a, mod, off, size, post);
		break;
	}
	svm_appendf(out, cap, &n, "%s0x%llx%s", pre, a, post);
}
#undef OUT

int svm_helper_sym(struct svm_exec *s, unsigned id, char *sret, const int64_t *iargs)
{
	struct sym y = { 0 };
	char *a = s->scratch2, *b = s->scratch2 + s->maxstr;   /* scratch2 holds 2 * maxstr */
	uint64_t pc = (uint64_t)iargs[0];
	switch (id) {
	case H__sym:
		if (ksym(pc, a, s->maxstr, &y)) y = (struct sym){ 0 };
		format_addr(sret, s->maxstr, pc, iargs[1], &y);
		return 0;
	case H__usym:
		if (usym(s, pc, a, b, &y)) y = (struct sym){ 0 };
		format_addr(sret, s->maxstr, pc, iargs[1], &y);
		return 0;
	}
	return 1;
}
