/* test_emulate.c: each emulated instruction against the CPU single-stepping it in a traced child. */
#include "../emulate.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#define STK 256
static uint8_t stack_area[2 * STK] __attribute__((aligned(16)));
static pid_t child;
static uint8_t *code;

static int peek_rd(void *ctx, uint64_t addr, void *dst, size_t len)
{
	(void)ctx;
	for (size_t i = 0; i < len; i += 8) {
		errno = 0;
		long w = ptrace(PTRACE_PEEKDATA, child, addr + i, 0);
		if (errno) return -1;
		memcpy((char *)dst + i, &w, len - i < 8 ? len - i : 8);
	}
	return 0;
}

static int poke_wr(void *ctx, uint64_t addr, const void *src, size_t len)
{
	for (size_t i = 0; i < len; i += 8) {
		long w = 0;
		size_t k = len - i < 8 ? len - i : 8;
		if (k < 8 && peek_rd(ctx, addr + i, &w, 8)) return -1;
		memcpy(&w, (const char *)src + i, k);
		if (ptrace(PTRACE_POKEDATA, child, addr + i, w)) return -1;
	}
	return 0;
}

static uint64_t rnd(void)
{
	static uint64_t s = 0x9e3779b97f4a7c15ull;
	s ^= s << 13; s ^= s >> 7; s ^= s << 17;
	return s;
}

static void fill_stack(uint8_t *pat) { poke_wr(0, (uint64_t)stack_area, pat, sizeof stack_area); }

/* Random registers (small values half the time so flags like ZF/CF get exercised). */
static void setup(struct user_regs_struct *r, const struct user_regs_struct *base)
{
	*r = *base;
	for (int n = 0; n < 16; n++) {
		uint64_t v = rnd();
		switch (rnd() % 5) { case 0: v &= 0xff; break; case 1: v = (uint32_t)v; break; case 3: v &= 3; break;
		case 2: v = -(v & 3); break; }
		*emu_gpr(r, n) = v;
	}
	r->rsp = (uint64_t)stack_area + STK;
	r->rip = (uint64_t)code;
	r->eflags = (base->eflags & ~0x8d5ull) | (rnd() & 0x8d5);
}

static int one_case(const char *hex, int rounds, const struct user_regs_struct *base)
{
	uint8_t b[16], pat[sizeof stack_area], s1[sizeof stack_area], s2[sizeof stack_area];
	int n = 0; unsigned v;
	const char *h = hex;
	struct x86_insn in;
	struct emu_mem mem = { peek_rd, poke_wr, 0 };

	while (sscanf(h, "%2x", &v) == 1) { b[n++] = v; h += 2; while (*h == ' ') h++; }
	if (x86_decode(b, n, &in) != n || !emu_can(&in, b)) {
		fprintf(stderr, "FAIL %s: not decodable/emulable\n", hex); return 0;
	}
	poke_wr(0, (uint64_t)code, b, 16);
	for (int k = 0; k < rounds; k++) {
		struct user_regs_struct r0, cpu, emu;
		int st;
		for (size_t i = 0; i < sizeof pat; i++) pat[i] = rnd();
		setup(&r0, base);
		/* CPU */
		fill_stack(pat);
		ptrace(PTRACE_SETREGS, child, 0, &r0);
		ptrace(PTRACE_SINGLESTEP, child, 0, 0);
		waitpid(child, &st, 0);
		if (!WIFSTOPPED(st) || WSTOPSIG(st) != SIGTRAP) { fprintf(stderr, "FAIL %s: child %x\n", hex, st); return 0; }
		ptrace(PTRACE_GETREGS, child, 0, &cpu);
		peek_rd(0, (uint64_t)stack_area, s1, sizeof s1);
		/* emulator */
		fill_stack(pat);
		emu = r0;
		if (emu_step(&in, b, &emu, &mem)) { fprintf(stderr, "FAIL %s: emu_step\n", hex); return 0; }
		peek_rd(0, (uint64_t)stack_area, s2, sizeof s2);
		cpu.eflags &= 0x8d5; emu.eflags &= 0x8d5;
		for (int g = 0; g < 16; g++)
			if (*emu_gpr(&cpu, g) != *emu_gpr(&emu, g)) {
				fprintf(stderr, "FAIL %s: gpr %d cpu %llx emu %llx\n", hex, g, *emu_gpr(&cpu, g), *emu_gpr(&emu, g));
				return 0;
			}
		if (cpu.rip != emu.rip || cpu.eflags != emu.eflags || memcmp(s1, s2, sizeof s1)) {
			fprintf(stderr, "FAIL %s: rip %llx/%llx flags %llx/%llx stack %s\n", hex, cpu.rip, emu.rip,
			        cpu.eflags, emu.eflags, memcmp(s1, s2, sizeof s1) ? "differs" : "same");
			return 0;
		}
	}
	return 1;
}

static const char *cases[] = {
	"f3 0f 1e fa", "90", "0f 1f 00", "0f 1f 40 00", "0f 1f 44 00 00", "66 0f 1f 44 00 00",
	"66 2e 0f 1f 84 00 00 00 00 00", "66 66 2e 0f 1f 84 00 00 00 00 00", "66 90", "0f 1f c0",
	"48 90", "3e 0f 1f 40 00",
	"55", "53", "41 54", "41 57", "5b", "5d", "41 5d", "5c",
	"48 89 e5", "49 89 fc", "89 f8", "4c 89 ef", "48 8b c3", "44 8b c7",
	"48 83 ec 08", "48 81 ec 00 10 00 00", "48 83 c4 18", "83 e8 01", "49 83 c1 ff",
	"81 ef ff ff ff 7f", "48 81 c7 00 00 00 80", "83 c0 7f",
	"48 8d 6c 24 10", "48 8d 05 34 12 00 00", "4c 8d 44 b7 f8", "8d 47 01",
	"48 8d 04 dd 10 00 00 00", "4d 8d 6d 00", "4d 8d 24 24", "4a 8d 04 20", "48 8d 04 25 78 56 34 12",
	"31 c0", "45 31 d2", "48 31 ca", "33 c1", "4d 31 c0",
	"eb 10", "eb f0", "e9 00 01 00 00", "e9 f0 fe ff ff", "e8 00 02 00 00", "e8 f0 ff ff ff",
};
static const char *refused[] = { "41 90", "48 89 18", "66 55", "0f 05", "c3", "ff d0", "48 8b 05 00 00 00 00", "f0 48 83 00 01", "f0 0f 1f 00", "f3 90", "0f 1f 48 00" };

int main(void)
{
	int pass = 0, fail = 0, st;
	struct user_regs_struct base;

	code = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	child = fork();
	if (child == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);
		for (;;) pause();
	}
	waitpid(child, &st, 0);
	ptrace(PTRACE_SETOPTIONS, child, 0, PTRACE_O_EXITKILL);
	ptrace(PTRACE_GETREGS, child, 0, &base);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		one_case(cases[i], 200, &base) ? pass++ : fail++;
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
		uint8_t b[16]; int n = 0; unsigned v; const char *h = refused[i]; struct x86_insn in;
		while (sscanf(h, "%2x", &v) == 1) { b[n++] = v; h += 2; while (*h == ' ') h++; }
		x86_decode(b, n, &in);
		if (emu_can(&in, b)) { fail++; fprintf(stderr, "FAIL %s should be refused\n", refused[i]); }
		else pass++;
	}
	kill(child, SIGKILL);
	waitpid(child, &st, 0);
	printf("  %zu instructions x 200 random register sets vs the CPU, %zu refusals\n",
	       sizeof cases / sizeof *cases, sizeof refused / sizeof *refused);
	printf("emulate: %d passed, %d failed\n", pass, fail);
	return fail != 0;
}
