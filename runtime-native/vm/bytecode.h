/* bytecode.h: instruction encoding, operand kinds, opcode and helper enums expanded from the .def files. */
#ifndef STAPVM_BYTECODE_H
#define STAPVM_BYTECODE_H
/*
 * Every instruction is one little-endian 64-bit word:
 *
 *   63                              32 31      24 23      16 15       8 7        0
 *  +----------------------------------+----------+----------+----------+----------+
 *  |          X (signed 32)           |    C     |    B     |    A     |  opcode  |
 *  +----------------------------------+----------+----------+----------+----------+
 *
 * A, B, C are 8-bit register (or small operand) fields; X is an immediate, a jump offset
 * (relative to the next instruction), or an index (constant, string, global, function, helper).
 * Integer registers r0..r255 (int64) and string registers s0..s255 (MAXSTRINGLEN-byte buffers)
 * are separate files; the operand kind of each field says which one it names.
 */
#include "host.h"

/* the file form: one 64-bit word per instruction, fields as in the diagram */
#define SVM_OP(i) ((unsigned)((i) & 0xff))
#define SVM_A(i)  ((unsigned)(((i) >> 8) & 0xff))
#define SVM_B(i)  ((unsigned)(((i) >> 16) & 0xff))
#define SVM_C(i)  ((unsigned)(((i) >> 24) & 0xff))
#define SVM_X(i)  ((int32_t)(uint32_t)((i) >> 32))
#define SVM_ENCODE(op, a, b, c, x) \
	((uint64_t)(op) | (uint64_t)(a) << 8 | (uint64_t)(b) << 16 | (uint64_t)(c) << 24 | \
	 (uint64_t)(uint32_t)(x) << 32)

/* the in-memory form: the loader splits each word into its fields once, so the interpreter reads
 * every operand with one byte (or one 32-bit) load instead of shifting and masking a word */
typedef struct svm_insn { uint8_t op, a, b, c; int32_t x; } svm_insn;

/* packed helper operand: id | int arg count << 16 | string arg count << 24 */
#define SVM_HLP_ID(x)   ((unsigned)(x) & 0xffff)
#define SVM_HLP_NI(x)   (((unsigned)(x) >> 16) & 0xff)
#define SVM_HLP_NS(x)   (((unsigned)(x) >> 24) & 0xff)

/* sort spec of ITINIT: bits 0-1 order (0 unsorted, 1 ascending, 2 descending),
 * bits 2-5 column (0 = value (@count of a statistic), k = key k, 1-based; 10-13 @sum @min @max @avg) */
#define SVM_SORT_DIR(c) ((c) & 3)
#define SVM_SORT_COL(c) (((c) >> 2) & 15)
/* columns from SVM_SORT_SUM on sort a statistic array by an aggregate other than @count (column 0) */
#define SVM_SORT_SUM 10
#define SVM_SORT_AVG 13

enum svm_kind {
	K_NONE, K_IR, K_SR, K_IMM, K_JMP, K_KON, K_STR, K_GLB, K_FN, K_HLP,
	K_IRW, K_SRW, K_AGW, K_ITR, K_SORT
};

enum svm_vclass {
	V_PLAIN, V_GOTO, V_BRANCH, V_CALL, V_RETURN, V_GINT, V_GSTR, V_AINT, V_ASTR, V_AANY,
	V_ACLR, V_ITINIT, V_ITNEXT, V_ITEND, V_SSTAT, V_ASTAT, V_SHIST, V_HELPER, V_THROW, V_AHIST, V_REGEX, V_TRY, V_ENTRY
};

enum svm_opcode {
#define OP(name, num, fmt, ka, kb, kc, kx, vc, doc) OP_##name = num,
#include "opcodes.def"
#undef OP
};

enum svm_helper_id {
#define HELPER(name, id, ret, params, impl, priv, doc) H_##name = id,
#include "helpers.def"
#undef HELPER
};

/* helpers.def's privilege column: USR stapusr may call it, DEV stap refuses a script's call for
 * stapusr, KMEM it reads kernel memory or state (the verifier refuses it in a stapusr module) */
enum svm_helper_priv { SVM_PRIV_USR = 0, SVM_PRIV_DEV = 1, SVM_PRIV_KMEM = 2 };

enum svm_rkind { R_VOID = 0, R_INT = 1, R_STR = 2 };
enum svm_vtype { T_INT = 0, T_STR = 1, T_STAT = 2 };

struct svm_opinfo {
	const char *name;   /* NULL: not an opcode */
	uint8_t kind[4];    /* A, B, C, X */
	uint8_t vclass;
};
extern const struct svm_opinfo svm_opinfo[256];

struct svm_helperinfo {
	const char *name;   /* NULL: no such helper */
	const char *params; /* helpers.def's parameter letters: L long, S string, trailing * variadic */
	int8_t ret, implemented;
	int8_t priv;        /* helpers.def's privilege column: SVM_PRIV_* */
};
#define SVM_MAX_HELPER 180
extern const struct svm_helperinfo svm_helperinfo[SVM_MAX_HELPER];
/* the int (L) and string (S) parameters of h; a variadic helper takes at least these */
void svm_helper_arity(const struct svm_helperinfo *h, unsigned *nint, unsigned *nstr, int *variadic);

#define SVM_MAXKEYS 9
#define SVM_NAGG 6
#endif
