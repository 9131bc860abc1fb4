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

/* SystemTap's number() (runtime/vsprintf.c): a sign or the # prefix ("0x", "0") is printed even
 * for 0, the precision is a minimum digit count, and a 0 flag pads with zeros between the
 * prefix and the digits whether or not a precision is given. */
void svm_fmt_int(char *buf, size_t cap, size_t *len, int64_t v, char conv, int flags, int width, int prec)
{
	char digits[72];
	int nd = 0, base = 10, upper = conv == 'X', size = width;
	uint64_t u = (uint64_t)v;
	char sign = 0, fill;
	const char *prefix = "";

	if (conv == 'c') {
		/* %#c (stap's pretty-printed chars, '%#c'): an escape for what is not printable, \ and ' */
		static const char from[] = "\a\b\f\n\r\t\v\\'", to[] = "abfnrtv\\'";
		char esc[5];
		int n = 0, k = 0, w;
		unsigned char ch = (unsigned char)v;
		if (flags & F_HASH && (ch < 0x20 || ch >= 0x7f || ch == '\\' || ch == '\'')) {
			while (from[k] && (unsigned char)from[k] != ch) k++;
			esc[n++] = '\\';
			if (from[k]) {
				esc[n++] = to[k];
			} else {
				esc[n++] = (char)('0' + ((ch >> 6) & 3));
				esc[n++] = (char)('0' + ((ch >> 3) & 7));
				esc[n++] = (char)('0' + (ch & 7));
			}
		} else {
			esc[n++] = (char)ch;
		}
		w = width > n ? width - n : 0;
		if (!(flags & F_MINUS)) pad(buf, cap, len, ' ', w);
		for (int i = 0; i < n; i++) put(buf, cap, len, esc[i]);
		if (flags & F_MINUS) pad(buf, cap, len, ' ', w);
		return;
	}
	if (conv == 'x' || conv == 'X' || conv == 'p') base = 16;
	if (conv == 'o') base = 8;
	if (conv == 'p') flags |= F_HASH;
	if (flags & F_MINUS) flags &= ~F_ZERO;
	fill = flags & F_ZERO ? '0' : ' ';
	if (conv == 'd' || conv == 'i') {
		if (v < 0) { sign = '-'; u = (uint64_t)0 - u; }
		else if (flags & F_PLUS) sign = '+';
		else if (flags & F_SPACE) sign = ' ';
		if (sign) size--;
	}
	if (flags & F_HASH && base != 10) {
		prefix = base == 8 ? "0" : upper ? "0X" : "0x";
		size -= (int)svm_strlen(prefix);
	}
	do {
		unsigned d = (unsigned)(u % (unsigned)base);
		digits[nd++] = (char)(d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10);
		u /= (unsigned)base;
	} while (u);
	if (prec < nd) prec = nd;
	size -= prec;
	if (!(flags & (F_ZERO | F_MINUS))) { pad(buf, cap, len, ' ', size); size = 0; }
	if (sign) put(buf, cap, len, sign);
	while (*prefix) put(buf, cap, len, *prefix++);
	if (!(flags & F_MINUS)) { pad(buf, cap, len, fill, size); size = 0; }
	pad(buf, cap, len, '0', prec - nd);
	while (nd > 0) put(buf, cap, len, digits[--nd]);
	pad(buf, cap, len, ' ', size);
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
