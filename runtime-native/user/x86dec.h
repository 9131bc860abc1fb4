/* x86dec.h: x86-64 instruction length decoder with the facts a breakpoint engine needs. */
#ifndef STAPVM_X86DEC_H
#define STAPVM_X86DEC_H
#include <stdint.h>
#include <stddef.h>

enum x86_flag {
	X86_F_MODRM    = 1 << 0,  /* has a ModRM byte */
	X86_F_RIPREL   = 1 << 1,  /* memory operand is [rip+disp32] */
	X86_F_REL      = 1 << 2,  /* relative branch or call (rel8/rel32) */
	X86_F_CALL     = 1 << 3,  /* call (relative or indirect) */
	X86_F_JCC      = 1 << 4,  /* conditional relative branch, loop, jrcxz */
	X86_F_RET      = 1 << 5,  /* near or far return, iret */
	X86_F_IND_JMP  = 1 << 6,  /* jmp r/m */
	X86_F_IND_CALL = 1 << 7,  /* call r/m */
	X86_F_NOSTEP   = 1 << 8,  /* must not be single-stepped or executed out of line */
	X86_F_VEX      = 1 << 9,  /* VEX, EVEX or XOP encoded */
	X86_F_BAD      = 1 << 10, /* invalid in 64-bit mode or truncated */
};

struct x86_insn {
	uint8_t len;        /* total length in bytes */
	uint8_t npfx;       /* legacy prefix bytes */
	uint8_t rex;        /* REX byte or 0 */
	uint8_t opsize16;   /* 0x66 prefix seen */
	uint8_t rep;        /* 0xF3 / 0xF2 prefix seen (last one), 0 if none */
	uint8_t map;        /* 0: one-byte, 1: 0F, 2: 0F38, 3: 0F3A, 5/6: EVEX, 8-10: XOP */
	uint8_t op;         /* opcode byte within its map */
	uint8_t op_off;     /* offset of the opcode byte */
	uint8_t modrm;      /* ModRM byte when X86_F_MODRM */
	uint8_t sib;        /* SIB byte or 0 */
	uint8_t disp_off, disp_len;  /* displacement (or rel8/rel32) position and size */
	uint8_t imm_off, imm_len;    /* immediate position and size (bytes in total) */
	uint32_t flags;
	int32_t rel;        /* branch displacement when X86_F_REL: target = addr + len + rel */
};

/* Decode one instruction from buf (at most n bytes). Returns its length, or 0 on failure
 * (X86_F_BAD set in out->flags; out->len still holds the best guess when the bytes ran out). */
int x86_decode(const uint8_t *buf, size_t n, struct x86_insn *out);

/* Position of the RIP-relative disp32 within the instruction, or -1 if none. */
static inline int x86_riprel_off(const struct x86_insn *in)
{
	return (in->flags & X86_F_RIPREL) ? in->disp_off : -1;
}

/* REX-extended ModRM fields. */
static inline int x86_modrm_mod(const struct x86_insn *in) { return in->modrm >> 6; }
static inline int x86_modrm_reg(const struct x86_insn *in)
{ return ((in->modrm >> 3) & 7) | ((in->rex & 4) << 1); }
static inline int x86_modrm_rm(const struct x86_insn *in)
{ return (in->modrm & 7) | ((in->rex & 1) << 3); }

#endif
