/* stapvm_dwarf.h: what the compiler asks a userspace binary's DWARF (through elfutils' libdw) about one
 * function, answered as one self-contained blob that Java decodes; nothing here runs at probe time. */
#ifndef STAPVM_DWARF_H
#define STAPVM_DWARF_H
#include <stddef.h>
#include <stdint.h>

/* Where the variables are evaluated: after the prologue (a .function probe, as stap places it), at
 * the function's first instruction (the entry of a .return probe, where @entry values are read), at a
 * statement's address, or at the entry pc of one inlined instance of the function (SVM_DWARF_INLINED:
 * the instance whose entry pc is pc; its own parameters and locals, the frame base of the function
 * it was inlined into). */
enum { SVM_DWARF_AFTER_PROLOGUE = 0, SVM_DWARF_AT_ENTRY = 1, SVM_DWARF_AT_PC = 2, SVM_DWARF_INLINED = 3 };

/*
 * Describes function func of the ELF file path at the place mode says (SVM_DWARF_AT_PC: at pc, a
 * statement probe's address; SVM_DWARF_INLINED: its inlined instance entered at pc), into out (cap bytes):
 *   "SVMD" u32 version(1)
 *   u64 low_pc, u64 pc (where the locations below hold), u32 return type (0: void), u32 decl line,
 *   str decl file, str CU name, u64 the function's DIE offset,
 *   u32 count, then per variable: u8 kind (1 parameter, 2 local, 3 local of a block inside, 4 a variable of the
 *       function's compilation unit: a global or file static), str name, u32 type,
 *       u32 nops (0xffffffff: no location at pc, optimized out), ops
 *   frame base ops (u32 nops, ops), CFA ops at pc (u32 nops, ops),
 *   u32 btf length, BTF blob (the types the ids above name; id 0 is void)
 * str = u32 length + bytes; op = u8 atom, u64 number, u64 number2 (libdw's Dwarf_Op).
 * Returns the blob's length, or -1 with a NUL-terminated reason in out.
 */
long svm_dwarf_function(const char *path, const char *func, int mode, uint64_t pc, uint8_t *out, size_t cap);

/*
 * The line-table rows of function func of path (statements: is_stmt rows inside its ranges), into out:
 *   "SVML" u32 version(1) u32 count, then per row: str file, u32 line, u64 address
 * in address order. Returns the length, or -1 with a reason in out.
 */
long svm_dwarf_lines(const char *path, const char *func, uint8_t *out, size_t cap);

/*
 * Every function of path that DWARF describes with code (a subprogram with a low_pc), into out:
 *   "SVMF" u32 version(1) u32 count, then per function: str name, str decl file, u32 decl line, u64 low_pc
 * Returns the length, or -1 with a reason in out (no DWARF: a file without debug information).
 */
long svm_dwarf_functions(const char *path, uint8_t *out, size_t cap);

/*
 * Every inlined instance of a function of path (an inlined_subroutine with code, whose origin DWARF names),
 * into out: "SVMI" u32 version(1) u32 count, then per instance: str the function's name, str its decl file,
 * u32 its decl line, u64 the instance's entry pc. Returns the length, or -1 with a reason in out.
 */
long svm_dwarf_inlines(const char *path, uint8_t *out, size_t cap);

/*
 * The unwind rows of path's call frame information (.eh_frame, else .debug_frame; DWARF debug information
 * is not needed), into out: "SVMU" u32 version(1) u32 count, then count rows of runtime-native/vm/unwind.h
 * (12 bytes each) in file-offset order. Returns the length, or -1 with a reason in out.
 */
long svm_dwarf_unwind(const char *path, uint8_t *out, size_t cap);

#endif
