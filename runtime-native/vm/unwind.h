/* unwind.h: the user-stack unwind tables a module may carry (the unwind section: rows made at compile time
 * from a binary's call frame information by runtime-native/dwarf/unwind_rows.c), and the unwinder that
 * steps over them (unwind.c), so neither runtime parses ELF or DWARF. */
#ifndef STAPVM_UNWIND_H
#define STAPVM_UNWIND_H
#include "host.h"

/* where a frame's CFA (the caller's stack pointer) is */
enum svm_cfa_rule {
	SVM_CFA_NONE = 0,      /* unknown here (no CFI, a CFA expression, an outermost frame): the walk ends */
	SVM_CFA_SP = 1,        /* rsp + cfa_off */
	SVM_CFA_BP = 2,        /* rbp + cfa_off */
	SVM_CFA_DEREF_BP = 3,  /* the 8 bytes at rbp + cfa_off (gcc's realigned stacks) */
	SVM_CFA_MAX = 3
};

/* One row, 12 bytes little-endian in the section: from file offset off up to the next row's, the
 * return address is at CFA - 8 and the caller's rbp at CFA + bp_off (0: rbp is unchanged). */
struct svm_unwind_row {
	uint32_t off;
	int32_t cfa_off;
	int16_t bp_off;
	uint8_t rule, zero;
};
#define SVM_UNWIND_ROW_SIZE 12
/* bounds of one module's tables (a 7 MB binary such as python3.11 needs about 60,000 rows) */
#define SVM_UNWIND_MAX_FILES 64
#define SVM_UNWIND_MAX_ROWS (1u << 22)

/* the rows of one file, named by the path its mappings show (/proc/PID/maps, d_path) */
struct svm_unwind_file {
	char *path;
	uint32_t nrows;
	struct svm_unwind_row *rows;
};
struct svm_module;
struct svm_ctx;
/* The user stack of hit c by the module's unwind rows: pcs[0] the user pc of u (c's user-mode view),
 * then return addresses while each pc lies in a file with rows that cover it, at most max; path
 * (pathlen bytes) is scratch for the mappings' paths. Every read is fault-safe. The count (0 without
 * user registers); -1 when the mapping of the pc itself is unknown (stapvm.ko at a kprobe: the caller
 * walks frame pointers instead). */
int svm_unwind_user(const struct svm_module *m, const struct svm_ctx *c, const struct svm_ctx *u,
		    char *path, size_t pathlen, uint64_t *pcs, int max);
#endif
