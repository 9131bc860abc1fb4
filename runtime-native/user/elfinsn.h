/* elfinsn.h: instruction boundaries of an ELF file's code, by the x86-64 length decoder. */
#ifndef STAPVM_ELFINSN_H
#define STAPVM_ELFINSN_H
#include "elfsyms.h"

/* 0 when vaddr (link-time) starts an instruction of a function in an executable PT_LOAD segment
 * (decoded from the function's start) or starts a PLT stub; else -1 with the reason in why */
int elf_insn_boundary(const struct elf_file *f, uint64_t vaddr, char *why, size_t whylen);
#endif
