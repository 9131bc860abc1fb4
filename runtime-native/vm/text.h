/* text.h: freestanding string and formatting routines shared by the verifier, interpreter and helpers. */
#ifndef STAPVM_TEXT_H
#define STAPVM_TEXT_H
#include "host.h"
#ifdef __KERNEL__
#include <linux/stdarg.h>
#else
#include <stdarg.h>
#endif

size_t svm_strlen(const char *s);
int svm_strcmp(const char *a, const char *b);
/* appends formatted text at buf+*len, never past cap-1; supports %d %u %s %lld %llu %x */
void svm_appendf(char *buf, size_t cap, size_t *len, const char *fmt, ...);
void svm_vappendf(char *buf, size_t cap, size_t *len, const char *fmt, va_list ap);
void svm_errf(char *buf, size_t cap, const char *fmt, ...);
/* appends one printf conversion of an int64 (conv is d i u x X o c p) with flags/width/precision */
void svm_fmt_int(char *buf, size_t cap, size_t *len, int64_t v, char conv, int flags, int width, int prec);
void svm_fmt_str(char *buf, size_t cap, size_t *len, const char *s, int flags, int width, int prec);
enum { F_MINUS = 1, F_ZERO = 2, F_PLUS = 4, F_SPACE = 8, F_HASH = 16 };
#endif
