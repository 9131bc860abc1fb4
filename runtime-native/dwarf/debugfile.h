/* debugfile.h: opening a binary's ELF and DWARF for the compiler's readers (debugfile.c). */
#ifndef STAPVM_DEBUGFILE_H
#define STAPVM_DEBUGFILE_H
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <stddef.h>
#include <stdint.h>

/* the ELF file itself (its program headers, .eh_frame) and its DWARF, wherever that was found (NULL: none) */
struct dbg { Dwfl *dwfl; Dwarf *dw; Elf *elf; };

/* 0, or -1 with a NUL-terminated reason in out; need_dwarf 0: a file without DWARF opens too */
int dbg_open_for(struct dbg *d, const char *path, int need_dwarf, uint8_t *out, size_t cap);
/* dbg_open_for(d, path, 1, out, cap) */
int dbg_open(struct dbg *d, const char *path, uint8_t *out, size_t cap);
void dbg_close(struct dbg *d);
/* the file's call frame information: .eh_frame, else .debug_frame (perhaps in the debug file); NULL: none */
Dwarf_CFI *dbg_cfi(struct dbg *d);
#endif
