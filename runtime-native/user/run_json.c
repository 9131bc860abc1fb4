/* run_json.c: --format=json's records (see run_json.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "run_json.h"

/* the length of the valid UTF-8 sequence at s (at most n bytes), 0 when it is not one */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t need = s[0] < 0x80 ? 1 : (s[0] & 0xe0) == 0xc0 ? 2 : (s[0] & 0xf0) == 0xe0 ? 3 : (s[0] & 0xf8) == 0xf0 ? 4 : 0;
	if (!need || need > n || (need == 2 && s[0] < 0xc2))
		return 0;
	for (size_t i = 1; i < need; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return need;
}

/* TEXT as a JSON string at p (at most 6 bytes a byte, plus the quotes); the end of what was written */
static char *put_string(char *p, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	*p++ = '"';
	for (size_t i = 0; i < len;) {
		unsigned char c = s[i];
		size_t u;
		if (c == '"' || c == '\\') {
			*p++ = '\\';
			*p++ = (char)c;
		} else if (c == '\n') {
			*p++ = '\\', *p++ = 'n';
		} else if (c == '\t') {
			*p++ = '\\', *p++ = 't';
		} else if (c == '\r') {
			*p++ = '\\', *p++ = 'r';
		} else if (c < 0x20 || c == 0x7f) {
			p += sprintf(p, "\\u%04x", c);
		} else if (c >= 0x80 && (u = utf8_len(s + i, len - i)) != 0) {
			memcpy(p, s + i, u);
			p += u;
			i += u;
			continue;
		} else if (c >= 0x80) {
			p += sprintf(p, "\\u%04x", c);   /* a byte that is not UTF-8: its value as a code point */
		} else {
			*p++ = (char)c;
		}
		i++;
	}
	*p++ = '"';
	return p;
}

char *run_json_string(const char *text, size_t len)
{
	char *out = malloc(len * 6 + 3);
	if (out)
		*put_string(out, text, len) = 0;
	return out;
}

char *run_json_print_record(const char *text, size_t len)
{
	static const char head[] = "{\"type\":\"print\",\"data\":", tail[] = "}\n";
	char *out = malloc(sizeof head + len * 6 + 2 + sizeof tail), *p = out;
	if (!out)
		return 0;
	memcpy(p, head, sizeof head - 1);
	p = put_string(p + sizeof head - 1, text, len);
	memcpy(p, tail, sizeof tail);
	return out;
}
