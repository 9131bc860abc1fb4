/* x86dec.c: x86-64 length decoder: prefixes, REX/VEX/EVEX/XOP, opcode maps, ModRM/SIB, immediates. */
#include "x86dec.h"
#include <string.h>

enum imm { I0, I8, IZ, I16, IENTER, IMOFFS, IV, IGRP3, REL8, RELZ, IXOP10 };

/* One-byte map: operand shape in 64-bit mode. Returns -1 for invalid, else 1 if ModRM. */
static int map0(uint8_t op, enum imm *imm, uint32_t *fl)
{
	*imm = I0;
	switch (op) {
	case 0x00 ... 0x3f:
		switch (op & 7) {
		case 0 ... 3: return 1;
		case 4: *imm = I8; return 0;
		case 5: *imm = IZ; return 0;
		default: return -1;          /* push/pop seg, daa..., prefixes handled earlier */
		}
	case 0x50 ... 0x5f: return 0;
	case 0x63: return 1;
	case 0x68: *imm = IZ; return 0;
	case 0x69: *imm = IZ; return 1;
	case 0x6a: *imm = I8; return 0;
	case 0x6b: *imm = I8; return 1;
	case 0x6c ... 0x6f: return 0;
	case 0x70 ... 0x7f: *imm = REL8; *fl |= X86_F_JCC; return 0;
	case 0x80: case 0x83: *imm = I8; return 1;
	case 0x81: *imm = IZ; return 1;
	case 0x84 ... 0x8f: return 1;
	case 0x90 ... 0x99: case 0x9b ... 0x9f: return 0;
	case 0xa0 ... 0xa3: *imm = IMOFFS; return 0;
	case 0xa4 ... 0xa7: case 0xaa ... 0xaf: return 0;
	case 0xa8: *imm = I8; return 0;
	case 0xa9: *imm = IZ; return 0;
	case 0xb0 ... 0xb7: *imm = I8; return 0;
	case 0xb8 ... 0xbf: *imm = IV; return 0;
	case 0xc0: case 0xc1: *imm = I8; return 1;
	case 0xc2: *imm = I16; *fl |= X86_F_RET; return 0;
	case 0xc3: *fl |= X86_F_RET; return 0;
	case 0xc6: *imm = I8; return 1;
	case 0xc7: *imm = IZ; return 1;
	case 0xc8: *imm = IENTER; return 0;
	case 0xc9: return 0;
	case 0xca: *imm = I16; *fl |= X86_F_RET | X86_F_NOSTEP; return 0;
	case 0xcb: case 0xcf: *fl |= X86_F_RET | X86_F_NOSTEP; return 0;
	case 0xcc: case 0xf1: *fl |= X86_F_NOSTEP; return 0;  /* int3 / int1 trap themselves */
	case 0xcd: *imm = I8; *fl |= X86_F_NOSTEP; return 0;  /* int n: a syscall gate */
	case 0xd0 ... 0xd3: return 1;
	case 0xd7: return 0;
	case 0xd8 ... 0xdf: return 1;
	case 0xe0 ... 0xe3: *imm = REL8; *fl |= X86_F_JCC; return 0;
	case 0xe4 ... 0xe7: *imm = I8; *fl |= X86_F_NOSTEP; return 0;  /* port I/O */
	case 0xe8: *imm = RELZ; *fl |= X86_F_CALL; return 0;
	case 0xe9: *imm = RELZ; return 0;
	case 0xeb: *imm = REL8; return 0;
	case 0xec ... 0xef: *fl |= X86_F_NOSTEP; return 0;
	case 0xf4: *fl |= X86_F_NOSTEP; return 0;            /* hlt */
	case 0xf5: case 0xf8 ... 0xfd: return 0;
	case 0xf6: case 0xf7: *imm = IGRP3; return 1;
	case 0xfe: case 0xff: return 1;
	default: return -1;  /* 06 07 0e 16 17 1e 1f 27 2f 37 3f 60-62 82 9a c4 c5 ce d4-d6 ea */
	}
}

/* Two-byte (0F) map. */
static int map1(uint8_t op, enum imm *imm, uint32_t *fl)
{
	*imm = I0;
	switch (op) {
	case 0x05: case 0x07: case 0x34: case 0x35:  /* syscall sysret sysenter sysexit */
		*fl |= X86_F_NOSTEP; return 0;
	case 0x06: case 0x08: case 0x09: case 0x30 ... 0x33: case 0x37: case 0xaa:
		*fl |= X86_F_NOSTEP; return 0;           /* privileged or serialising oddities */
	case 0x0b: *fl |= X86_F_NOSTEP; return 0;   /* ud2 */
	case 0x20 ... 0x23: *fl |= X86_F_NOSTEP; return 1;  /* mov cr/dr: privileged */
	case 0x0e: case 0x77: case 0xa0: case 0xa1: case 0xa2: case 0xa8: case 0xa9:
	case 0xc8 ... 0xcf: return 0;
	case 0x0f: *imm = I8; return 1;              /* 3DNow!: suffix opcode byte */
	case 0x04: case 0x0a: case 0x0c: case 0x24 ... 0x27: case 0x36: case 0x39:
	case 0x3b ... 0x3f: case 0x7a: case 0x7b:
		return -1;
	case 0x70 ... 0x73: case 0xa4: case 0xac: case 0xba: case 0xc2: case 0xc4 ... 0xc6:
		*imm = I8; return 1;
	case 0x80 ... 0x8f: *imm = RELZ; *fl |= X86_F_JCC; return 0;
	case 0xff: case 0xb9: *fl |= X86_F_NOSTEP; return 1; /* ud0/ud1 */
	default: return 1;
	}
}

static int fwait_pair(const uint8_t *p)
{
	int reg = (p[1] >> 3) & 7, mem = (p[1] >> 6) != 3;
	if ((p[0] == 0xd9 || p[0] == 0xdd) && mem && reg >= 6) return 1;  /* fstenv fstcw fsave fstsw */
	if (p[0] == 0xdb && (p[1] == 0xe2 || p[1] == 0xe3)) return 1;    /* fclex finit */
	if (p[0] == 0xdf && p[1] == 0xe0) return 1;                      /* fstsw ax */
	return 0;
}

static uint32_t rd32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }

int x86_decode(const uint8_t *b, size_t n, struct x86_insn *o)
{
	size_t i = 0;
	int has_modrm, w = 0, adsz32 = 0;
	enum imm imm = I0;

	memset(o, 0, sizeof *o);
#define NEED(k) do { if (i + (k) > n) goto trunc; } while (0)
	/* Legacy prefixes: any order, any count up to the 15-byte limit. */
	for (;; i++) {
		NEED(1);
		switch (b[i]) {
		case 0x66: o->opsize16 = 1; continue;
		case 0x67: adsz32 = 1; continue;
		case 0xf2: case 0xf3: o->rep = b[i]; continue;
		case 0xf0: case 0x26: case 0x2e: case 0x36: case 0x3e: case 0x64: case 0x65: continue;
		}
		break;
	}
	/* objdump folds fwait into the no-wait x87 control forms (fstcw, fstsw, finit...);
	 * do the same so lengths agree; stepping the pair is as safe as stepping each. */
	if (b[i] == 0x9b && i + 2 < n && fwait_pair(b + i + 1)) i++;
	o->npfx = i;
	/* REX only counts when it immediately precedes the opcode. */
	while (i < n && (b[i] & 0xf0) == 0x40) o->rex = b[i++];
	w = (o->rex >> 3) & 1;
	NEED(1);
	/* A REX followed by another prefix is dropped by the CPU; objdump ends the "insn" there. */
	if (o->rex && (b[i] == 0x66 || b[i] == 0x67 || b[i] == 0xf0 || b[i] == 0xf2 || b[i] == 0xf3 ||
	               b[i] == 0x26 || b[i] == 0x2e || b[i] == 0x36 || b[i] == 0x3e ||
	               b[i] == 0x64 || b[i] == 0x65)) {
		o->len = i; o->flags |= X86_F_BAD | X86_F_NOSTEP;
		return 0;
	}

	if (b[i] == 0xc4 || b[i] == 0xc5 || b[i] == 0x62 ||
	    (b[i] == 0x8f && i + 1 < n && (b[i + 1] & 0x1f) >= 8)) {
		uint8_t esc = b[i];
		o->flags |= X86_F_VEX;
		if (o->rex || o->opsize16 || o->rep) o->flags |= X86_F_BAD;
		if (esc == 0xc5) {
			NEED(2); o->map = 1; i += 2;
		} else if (esc == 0x62) {
			NEED(4); o->map = b[i + 1] & 7; w = b[i + 2] >> 7; i += 4;
		} else {
			NEED(3); o->map = b[i + 1] & 0x1f; w = b[i + 2] >> 7; i += 3;
		}
		NEED(1);
		o->op_off = i; o->op = b[i++];
		has_modrm = 1;
		switch (o->map) {
		case 1:
			if (o->op == 0x77) has_modrm = 0;    /* vzeroupper / vzeroall */
			if ((o->op >= 0x70 && o->op <= 0x73) || o->op == 0xc2 ||
			    (o->op >= 0xc4 && o->op <= 0xc6)) imm = I8;
			break;
		case 2: case 5: case 6: break;
		case 3: case 8: imm = I8; break;
		case 9: break;
		case 10: imm = IXOP10; break;
		default: o->flags |= X86_F_BAD; break;
		}
		(void)w;
	} else {
		int r;
		o->op = b[i];
		if (o->op == 0x0f) {
			i++; NEED(1);
			if (b[i] == 0x38 || b[i] == 0x3a) {
				o->map = b[i] == 0x38 ? 2 : 3;
				i++; NEED(1);
				o->op_off = i; o->op = b[i++];
				r = 1;
				imm = o->map == 3 ? I8 : I0;
			} else {
				o->map = 1;
				o->op_off = i; o->op = b[i++];
				r = map1(o->op, &imm, &o->flags);
			}
		} else {
			o->op_off = i; i++;
			r = map0(o->op, &imm, &o->flags);
		}
		if (r < 0) { o->flags |= X86_F_BAD; r = 0; }
		has_modrm = r;
	}

	if (has_modrm) {
		uint8_t mod, rm;
		NEED(1);
		o->flags |= X86_F_MODRM;
		o->modrm = b[i++];
		mod = o->modrm >> 6; rm = o->modrm & 7;
		if (o->map == 1 && o->op >= 0x20 && o->op <= 0x23) mod = 3;  /* mov cr/dr: always registers */
		if (mod != 3 && rm == 4) {          /* SIB */
			NEED(1);
			o->sib = b[i++];
			if (mod == 0 && (o->sib & 7) == 5) o->disp_len = 4;
		}
		if (mod == 0 && rm == 5) { o->disp_len = 4; o->flags |= X86_F_RIPREL; }
		if (mod == 1) o->disp_len = 1;
		if (mod == 2) o->disp_len = 4;
		o->disp_off = i;
		i += o->disp_len;
		/* Group-specific facts that live in ModRM.reg. */
		if (o->map == 0 && o->op == 0xff) {
			int reg = (o->modrm >> 3) & 7;
			if (reg == 2) o->flags |= X86_F_IND_CALL | X86_F_CALL;
			if (reg == 3) o->flags |= X86_F_IND_CALL | X86_F_CALL | X86_F_NOSTEP;
			if (reg == 4) o->flags |= X86_F_IND_JMP;
			if (reg == 5) o->flags |= X86_F_IND_JMP | X86_F_NOSTEP;
		}
		if (o->map == 0 && o->op == 0xc7 && o->modrm == 0xf8) {   /* xbegin rel32 */
			imm = RELZ; o->flags |= X86_F_JCC | X86_F_NOSTEP;
		}
		if (o->map == 0 && (o->op == 0xf6 || o->op == 0xf7)) {
			int reg = (o->modrm >> 3) & 7;
			imm = reg < 2 ? (o->op == 0xf6 ? I8 : IZ) : I0;
		}
	}

	o->imm_off = i;
	switch (imm) {
	case I0: case IGRP3: break;
	case I8: o->imm_len = 1; break;
	case I16: o->imm_len = 2; break;
	case IZ: o->imm_len = o->opsize16 && !w ? 2 : 4; break;
	case IENTER: o->imm_len = 3; break;
	case IMOFFS: o->imm_len = adsz32 ? 4 : 8; break;
	case IV: o->imm_len = w ? 8 : (o->opsize16 ? 2 : 4); break;
	case IXOP10: o->imm_len = 4; break;
	case REL8:
		NEED(1);
		o->flags |= X86_F_REL; o->disp_off = i; o->disp_len = 1;
		o->rel = (int8_t)b[i]; o->imm_len = 1; break;
	case RELZ:
		/* 0x66 on a near branch: rel16 on AMD (objdump's reading), ignored on Intel.
		 * Compilers never emit it; take objdump's length and refuse to step it. */
		if (o->opsize16 && !w) {
			NEED(2);
			o->flags |= X86_F_REL | X86_F_NOSTEP; o->disp_off = i; o->disp_len = 2;
			o->rel = (int16_t)(b[i] | b[i + 1] << 8); o->imm_len = 2; break;
		}
		NEED(4);
		o->flags |= X86_F_REL; o->disp_off = i; o->disp_len = 4;
		o->rel = (int32_t)rd32(b + i); o->imm_len = 4; break;
	}
	i += o->imm_len;
	if (o->map == 0 && o->op == 0xc7 && o->modrm == 0xf8) o->imm_len = 4;
	if (i > 15) o->flags |= X86_F_BAD;
	NEED(0);
	o->len = i;
	return (o->flags & X86_F_BAD) ? 0 : (int)i;
trunc:
	o->len = i;
	o->flags |= X86_F_BAD;
	return 0;
#undef NEED
}
