/* emulate.c: prologue instruction emulation on user_regs_struct: push/pop/mov/add/sub/lea/xor/jmp/call/nop. */
#include "emulate.h"
#include <string.h>

enum { CF = 1 << 0, PF = 1 << 2, AF = 1 << 4, ZF = 1 << 6, SF = 1 << 7, OF = 1 << 11 };
#define ARITH (CF | PF | AF | ZF | SF | OF)

enum kind { K_NONE, K_NOP, K_PUSH, K_POP, K_MOV, K_ADDSUB, K_LEA, K_XOR, K_JMP, K_CALL };

unsigned long long *emu_gpr(struct user_regs_struct *r, int n)
{
	switch (n) {
	case 0: return &r->rax;  case 1: return &r->rcx;  case 2: return &r->rdx;  case 3: return &r->rbx;
	case 4: return &r->rsp;  case 5: return &r->rbp;  case 6: return &r->rsi;  case 7: return &r->rdi;
	case 8: return &r->r8;   case 9: return &r->r9;   case 10: return &r->r10; case 11: return &r->r11;
	case 12: return &r->r12; case 13: return &r->r13; case 14: return &r->r14; default: return &r->r15;
	}
}

/* Classify; anything with a prefix we do not model (0x66, 0x67, lock, segment) is refused. */
static enum kind classify(const struct x86_insn *in, const uint8_t *b)
{
	int w = (in->rex >> 3) & 1, reg = (in->modrm >> 3) & 7, mod = in->modrm >> 6;
	int only_rep = 1, pad = 1;
	if (in->flags & (X86_F_BAD | X86_F_VEX)) return K_NONE;
	for (int i = 0; i < in->npfx; i++) {
		if (b[i] != 0xf3 || in->npfx != 1) only_rep = 0;
		if (b[i] != 0x66 && b[i] != 0x2e && b[i] != 0x3e) pad = 0;   /* never lock or rep */
	}
	/* endbr64 is one prefixed form we accept; nops may carry 66/2e/3e padding. */
	if (in->map == 1 && in->op == 0x1e && in->rep == 0xf3 && in->modrm == 0xfa && only_rep) return K_NOP;
	if (in->map == 1 && in->op == 0x1f && reg == 0 && pad) return K_NOP;
	if (in->map == 0 && in->op == 0x90 && !(in->rex & 1) && pad) return K_NOP;  /* 41 90 is xchg r8,rax */
	if (in->npfx) return K_NONE;
	if (in->map != 0) return K_NONE;
	switch (in->op) {
	case 0x50 ... 0x57: return w ? K_NONE : K_PUSH;     /* REX.W push is legal but odd */
	case 0x58 ... 0x5f: return w ? K_NONE : K_POP;
	case 0x89: case 0x8b: return mod == 3 ? K_MOV : K_NONE;
	case 0x31: case 0x33: return mod == 3 ? K_XOR : K_NONE;
	case 0x81: case 0x83: return mod == 3 && (reg == 0 || reg == 5) ? K_ADDSUB : K_NONE;
	case 0x8d: return mod != 3 ? K_LEA : K_NONE;
	case 0xeb: case 0xe9: return K_JMP;
	case 0xe8: return K_CALL;
	}
	return K_NONE;
}

int emu_can(const struct x86_insn *in, const uint8_t *bytes)
{
	return classify(in, bytes) != K_NONE;
}

static int parity(uint64_t v)
{
	return !__builtin_parity((unsigned)(v & 0xff));
}

/* Flags after a+b or a-b at 32 or 64 bits, as the CPU computes them. */
static uint64_t addsub_flags(uint64_t fl, uint64_t a, uint64_t b, uint64_t res, int sub, int bits)
{
	uint64_t msb = 1ull << (bits - 1), mask = bits == 64 ? ~0ull : 0xffffffffull;
	a &= mask; b &= mask; res &= mask;
	fl &= ~(uint64_t)ARITH;
	if (sub ? a < b : res < a) fl |= CF;
	if (sub ? ((a ^ b) & (a ^ res) & msb) : ((a ^ res) & (b ^ res) & msb)) fl |= OF;
	if ((a ^ b ^ res) & 0x10) fl |= AF;
	if (res & msb) fl |= SF;
	if (res == 0) fl |= ZF;
	if (parity(res)) fl |= PF;
	return fl;
}

static uint64_t ea(const struct x86_insn *in, const uint8_t *b, struct user_regs_struct *r)
{
	int32_t disp = 0;
	uint64_t a = 0;
	if (in->disp_len == 1) disp = (int8_t)b[in->disp_off];
	if (in->disp_len == 4) memcpy(&disp, b + in->disp_off, 4);
	if (in->flags & X86_F_RIPREL) return r->rip + in->len + disp;
	if ((in->modrm & 7) == 4) {
		int base = (in->sib & 7) | ((in->rex & 1) << 3);
		int idx = ((in->sib >> 3) & 7) | ((in->rex & 2) << 2);
		if (!((in->sib & 7) == 5 && (in->modrm >> 6) == 0)) a = *emu_gpr(r, base);
		if (idx != 4) a += *emu_gpr(r, idx) << (in->sib >> 6);
	} else {
		a = *emu_gpr(r, x86_modrm_rm(in));
	}
	return a + (int64_t)disp;
}

int emu_step(const struct x86_insn *in, const uint8_t *b,
             struct user_regs_struct *regs, const struct emu_mem *mem)
{
	struct user_regs_struct r = *regs;
	uint64_t next = r.rip + in->len, v;
	int w = (in->rex >> 3) & 1;
	int opreg = (in->op & 7) | ((in->rex & 1) << 3);

	switch (classify(in, b)) {
	case K_NONE:
		return -1;
	case K_NOP:
		break;
	case K_PUSH:
		v = *emu_gpr(&r, opreg);
		if (mem->write(mem->ctx, r.rsp - 8, &v, 8)) return -1;
		r.rsp -= 8;
		break;
	case K_POP:
		if (mem->read(mem->ctx, r.rsp, &v, 8)) return -1;
		r.rsp += 8;                    /* pop rsp: the loaded value wins, so assign after */
		*emu_gpr(&r, opreg) = v;
		break;
	case K_MOV: {
		int dst = in->op == 0x89 ? x86_modrm_rm(in) : x86_modrm_reg(in);
		int src = in->op == 0x89 ? x86_modrm_reg(in) : x86_modrm_rm(in);
		v = *emu_gpr(&r, src);
		*emu_gpr(&r, dst) = w ? v : (uint32_t)v;   /* 32-bit writes zero the top half */
		break;
	}
	case K_XOR: {
		int bits = w ? 64 : 32;
		unsigned long long *d = emu_gpr(&r, in->op == 0x31 ? x86_modrm_rm(in) : x86_modrm_reg(in));
		v = *d ^ *emu_gpr(&r, in->op == 0x31 ? x86_modrm_reg(in) : x86_modrm_rm(in));
		if (!w) v = (uint32_t)v;
		*d = v;
		/* CF=OF=0; AF is architecturally undefined, real CPUs clear it. */
		r.eflags &= ~(uint64_t)ARITH;
		if (v & (1ull << (bits - 1))) r.eflags |= SF;
		if (v == 0) r.eflags |= ZF;
		if (parity(v)) r.eflags |= PF;
		break;
	}
	case K_ADDSUB: {
		int sub = ((in->modrm >> 3) & 7) == 5;
		int64_t imm = in->op == 0x83 ? (int8_t)b[in->imm_off] : 0;
		unsigned long long *d = emu_gpr(&r, x86_modrm_rm(in));
		uint64_t a = *d, res;
		if (in->op == 0x81) { int32_t i32; memcpy(&i32, b + in->imm_off, 4); imm = i32; }
		res = sub ? a - (uint64_t)imm : a + (uint64_t)imm;
		r.eflags = addsub_flags(r.eflags, a, (uint64_t)imm, res, sub, w ? 64 : 32);
		*d = w ? res : (uint32_t)res;
		break;
	}
	case K_LEA:
		v = ea(in, b, &r);
		*emu_gpr(&r, x86_modrm_reg(in)) = w ? v : (uint32_t)v;
		break;
	case K_JMP:
		next += in->rel;
		break;
	case K_CALL:
		if (mem->write(mem->ctx, r.rsp - 8, &next, 8)) return -1;
		r.rsp -= 8;
		next += in->rel;
		break;
	}
	r.rip = next;
	*regs = r;
	return 0;
}
