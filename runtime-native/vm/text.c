/* text.c: freestanding string helpers and the integer/string formatter behind printf and error messages. */
#include "text.h"

size_t svm_strlen(const char *s) { size_t n = 0; while (s[n]) n++; return n; }

int svm_strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) { a++; b++; }
	return (unsigned char)*a - (unsigned char)*b;
}

static void put(char *buf, size_t cap, size_t *len, char c)
{
	if (*len + 1 < cap) { buf[*len] = c; buf[*len + 1] = 0; }
	if (*len + 1 < cap) (*len)++;
}

static void pad(char *buf, size_t cap, size_t *len, char c, int n)
{
	while (n-- > 0) put(buf, cap, len, c);
}

void svm_fmt_int(char *buf, size_t cap, size_t *len, int64_t v, char conv, int flags, int width, int prec)
{
	char digits[72];
	int nd = 0, base = 10, neg = 0, upper = conv == 'X';
	uint64_t u;
	const char *prefix = "";
	int plen, zeros, total;

	if (conv == 'c') {
		int w = width > 1 ? width - 1 : 0;
		if (!(flags & F_MINUS)) pad(buf, cap, len, ' ', w);
		put(buf, cap, len, (char)v);
		if (flags & F_MINUS) pad(buf, cap, len, ' ', w);
		return;
	}
	if (conv == 'd' || conv == 'i') {
		neg = v < 0;
		u = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	} else {
		u = (uint64_t)v;
	}
	if (conv == 'x' || conv == 'X' || conv == 'p') base = 16;
	if (conv == 'o') base = 8;
	if (conv == 'p') { flags |= F_HASH; }
	if (flags & F_HASH && base == 16) flags &= ~F_ZERO;   /* SystemTap pads %#0Nx with spaces */
	while (u) {
		unsigned d = (unsigned)(u % (unsigned)base);
		digits[nd++] = (char)(d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10);
		u /= (unsigned)base;
	}
	if (nd == 0) digits[nd++] = '0';   /* SystemTap prints 0 even with precision 0 */
	if (neg) prefix = "-";
	else if (flags & F_PLUS && (conv == 'd' || conv == 'i')) prefix = "+";
	else if (flags & F_SPACE && (conv == 'd' || conv == 'i')) prefix = " ";
	else if (flags & F_HASH && base == 16 && (v != 0 || conv == 'p')) prefix = upper ? "0X" : "0x";
	else if (flags & F_HASH && base == 8 && v != 0) prefix = "0";
	plen = (int)svm_strlen(prefix);
	zeros = prec > nd ? prec - nd : 0;
	total = plen + zeros + nd;
	if (prec < 0 && (flags & F_ZERO) && !(flags & F_MINUS) && width > total) {
		zeros += width - total;
		total = width;
	}
	if (!(flags & F_MINUS)) pad(buf, cap, len, ' ', width - total);
	while (*prefix) put(buf, cap, len, *prefix++);
	pad(buf, cap, len, '0', zeros);
	while (nd > 0) put(buf, cap, len, digits[--nd]);
	if (flags & F_MINUS) pad(buf, cap, len, ' ', width - total);
}

void svm_fmt_str(char *buf, size_t cap, size_t *len, const char *s, int flags, int width, int prec)
{
	int n = (int)svm_strlen(s);
	if (prec >= 0 && n > prec) n = prec;
	if (!(flags & F_MINUS)) pad(buf, cap, len, ' ', width - n);
	for (int i = 0; i < n; i++) put(buf, cap, len, s[i]);
	if (flags & F_MINUS) pad(buf, cap, len, ' ', width - n);
}

void svm_vappendf(char *buf, size_t cap, size_t *len, const char *fmt, va_list ap)
{
	if (cap == 0) return;
	if (*len < cap) buf[*len] = 0;
	for (; *fmt; fmt++) {
		int ll = 0;
		if (*fmt != '%') { put(buf, cap, len, *fmt); continue; }
		fmt++;
		while (*fmt == 'l') { ll++; fmt++; }
		switch (*fmt) {
		case 'd': svm_fmt_int(buf, cap, len, ll ? va_arg(ap, long long) : va_arg(ap, int), 'd', 0, 0, -1); break;
		case 'u': svm_fmt_int(buf, cap, len, ll ? (int64_t)va_arg(ap, unsigned long long) : (int64_t)va_arg(ap, unsigned), 'u', 0, 0, -1); break;
		case 'x': svm_fmt_int(buf, cap, len, ll ? (int64_t)va_arg(ap, unsigned long long) : (int64_t)va_arg(ap, unsigned), 'x', 0, 0, -1); break;
		case 's': svm_fmt_str(buf, cap, len, va_arg(ap, const char *), 0, 0, -1); break;
		case '%': put(buf, cap, len, '%'); break;
		case 0: return;
		default: put(buf, cap, len, *fmt); break;
		}
	}
}

void svm_appendf(char *buf, size_t cap, size_t *len, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	svm_vappendf(buf, cap, len, fmt, ap);
	va_end(ap);
}

void svm_errf(char *buf, size_t cap, const char *fmt, ...)
{
	size_t len = 0;
	va_list ap;
	if (!buf || cap == 0) return;
	buf[0] = 0;
	va_start(ap, fmt);
	svm_vappendf(buf, cap, &len, fmt, ap);
	va_end(ap);
}
