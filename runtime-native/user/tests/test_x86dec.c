/* test_x86dec.c: x86dec lengths vs objdump's linear sweep of real .text sections, plus flag cases. */
#include "../x86dec.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <ctype.h>

static int failed;
#define CHECK(c) do { if (!(c)) { failed++; fprintf(stderr, "%s:%d: FAIL %s\n", __FILE__, __LINE__, #c); } } while (0)

/* Decode with objdump, gather the bytes and its boundaries, then sweep them with x86dec. */
static int sweep(const char *path)
{
	char cmd[512], line[1024];
	size_t cap = 1 << 20, n = 0, ni = 0, capi = 1 << 18;
	uint8_t *buf = malloc(cap);
	uint32_t *start = malloc(capi * sizeof *start);
	unsigned long bad_od = 0, mism = 0, ok = 0;
	FILE *f;

	if (access(path, R_OK)) { printf("  skip %s (absent)\n", path); return 0; }
	snprintf(cmd, sizeof cmd, "objdump -d -z -w --insn-width=16 -j .text '%s'", path);
	f = popen(cmd, "r");
	while (fgets(line, sizeof line, f)) {
		char *p = strchr(line, ':'), *tab;
				if (!p || line[0] != ' ' || p[1] != '\t') continue;
		tab = p + 2;
		if (ni == capi) start = realloc(start, (capi *= 2) * sizeof *start);
		start[ni++] = n;
		for (;;) {
			unsigned v;
			if (!isxdigit((unsigned char)tab[0]) || !isxdigit((unsigned char)tab[1]) ||
			    (tab[2] != ' ' && tab[2] != '\t') || sscanf(tab, "%2x", &v) != 1) break;
			if (n == cap) buf = realloc(buf, cap *= 2);
			buf[n++] = v;
			tab += 3;
			if (tab[-1] == '\t') break;
		}
		while (*tab == ' ' || *tab == '\t') tab++;
		if (strstr(tab, "(bad)") || !strncmp(tab, "rex", 3) || strstr(tab, " rex")) { bad_od++; start[ni - 1] |= 1u << 31; }
	}
	pclose(f);
	/* Sweep: every objdump boundary must be where x86dec lands. */
	for (size_t k = 0; k < ni; k++) {
		size_t a = start[k] & ~(1u << 31), want = (k + 1 < ni ? start[k + 1] & ~(1u << 31) : n) - a;
		struct x86_insn in;
		if (start[k] >> 31) continue;  /* data objdump could not decode: its length is arbitrary */
		x86_decode(buf + a, n - a, &in);
		if (in.len == want) { ok++; continue; }
		if (mism++ < 10) {
			fprintf(stderr, "  %s +%zu: x86dec %u objdump %zu:", path, a, in.len, want);
			for (size_t j = 0; j < want && j < 16; j++) fprintf(stderr, " %02x", buf[a + j]);
			fprintf(stderr, "\n");
		}
	}
	printf("  %-42s %7zu insns: %lu agree, %lu differ, %lu objdump (bad) skipped\n",
	       path, ni, ok, mism, bad_od);
	free(buf); free(start);
	return mism == 0 && ni > 0;
}

static struct x86_insn dec(const char *hex)
{
	uint8_t b[16]; int n = 0; unsigned v;
	struct x86_insn in;
	while (sscanf(hex, "%2x", &v) == 1) { b[n++] = v; hex += 2; while (*hex == ' ') hex++; }
	x86_decode(b, n, &in);
	return in;
}

static void flag_cases(void)
{
	struct x86_insn in;
	in = dec("48 8b 05 10 20 30 40");          /* mov rax,[rip+0x40302010] */
	CHECK(in.len == 7 && (in.flags & X86_F_RIPREL) && x86_riprel_off(&in) == 3);
	in = dec("c7 05 00 01 00 00 2a 00 00 00");  /* movl $42,[rip+0x100]: imm after disp */
	CHECK(in.len == 10 && x86_riprel_off(&in) == 2 && in.imm_off == 6);
	in = dec("e8 fb ff ff ff");
	CHECK(in.len == 5 && (in.flags & X86_F_CALL) && (in.flags & X86_F_REL) && in.rel == -5);
	in = dec("75 fe");
	CHECK(in.len == 2 && (in.flags & X86_F_JCC) && in.rel == -2);
	in = dec("0f 84 00 01 00 00");
	CHECK(in.len == 6 && (in.flags & X86_F_JCC) && in.rel == 0x100);
	in = dec("c3"); CHECK(in.flags & X86_F_RET);
	in = dec("ff e0"); CHECK(in.flags & X86_F_IND_JMP);
	in = dec("41 ff d3"); CHECK(in.flags & X86_F_IND_CALL);
	in = dec("ff 15 00 00 00 00"); CHECK((in.flags & X86_F_IND_CALL) && (in.flags & X86_F_RIPREL));
	in = dec("0f 05"); CHECK(in.flags & X86_F_NOSTEP);
	in = dec("cc"); CHECK(in.flags & X86_F_NOSTEP);
	in = dec("cd 80"); CHECK(in.flags & X86_F_NOSTEP);
	in = dec("48 b8 01 02 03 04 05 06 07 08"); CHECK(in.len == 10);
	in = dec("66 b8 01 02"); CHECK(in.len == 4);
	in = dec("c5 fd 6f 05 00 00 00 00");       /* vmovdqa ymm0,[rip] */
	CHECK(in.len == 8 && x86_riprel_off(&in) == 4);
	in = dec("62 f1 7c 48 28 05 00 00 00 00");  /* vmovaps zmm0,[rip] */
	CHECK(in.len == 10 && x86_riprel_off(&in) == 6);
	in = dec("f3 0f 1e fa"); CHECK(in.len == 4);
	in = dec("06"); CHECK(in.flags & X86_F_BAD);
	in = dec("48 8b"); CHECK(in.flags & X86_F_BAD);
}

int main(void)
{
	int pass = 0, fail = 0;
	const char *bins[] = { "/bin/ls", "/usr/lib/x86_64-linux-gnu/libc.so.6", "/bin/busybox",
	                       "/usr/lib/x86_64-linux-gnu/libcrypto.so.3", "/usr/lib/x86_64-linux-gnu/libm.so.6",
	                       "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/bin/python3.11" };
	flag_cases();
	if (failed) fail++; else pass++;
	for (size_t i = 0; i < sizeof bins / sizeof *bins; i++) {
		if (access(bins[i], R_OK)) { printf("  skip %s\n", bins[i]); continue; }
		/* libcrypto's hand-written asm embeds data in .text: there objdump's resync
		 * choices are arbitrary, so it is reported but not required. */
		if (sweep(bins[i])) pass++; else if (!strstr(bins[i], "libcrypto")) fail++;
	}
	printf("x86dec: %d passed, %d failed\n", pass, fail);
	return fail != 0;
}
