/* elfsyms.h: ELF64 function symbols, segment mapping and load bias, without libelf. */
#ifndef STAPVM_ELFSYMS_H
#define STAPVM_ELFSYMS_H
#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>
#include <elf.h>

struct elf_sym {
	const char *name;   /* points into the mapped file */
	uint64_t value;     /* link-time virtual address */
	uint64_t size;
	uint8_t bind;       /* STB_GLOBAL / STB_LOCAL / STB_WEAK */
	uint8_t dynamic;    /* came from .dynsym */
};

struct elf_file {
	const uint8_t *map;
	size_t size;
	const Elf64_Ehdr *eh;
	const Elf64_Phdr *ph;
	int pie;            /* ET_DYN: addresses are relative to a load bias */
	struct elf_sym *syms;   /* functions from .symtab and .dynsym, deduplicated, sorted by value */
	size_t nsyms;
};

/* Map and index path; 0 on success, -1 with errno (EINVAL for a malformed or non-x86-64 file). */
int elf_open(struct elf_file *f, const char *path);
void elf_close(struct elf_file *f);

/* First function symbol named name (a .symtab entry wins over .dynsym), or NULL. */
const struct elf_sym *elf_lookup(const struct elf_file *f, const char *name);
/* Function symbol containing vaddr, or NULL. */
const struct elf_sym *elf_symbolize(const struct elf_file *f, uint64_t vaddr);

/* Link-time vaddr <-> file offset through the PT_LOAD headers; 0 on success, -1 if unmapped. */
int elf_vaddr_to_off(const struct elf_file *f, uint64_t vaddr, uint64_t *off);
int elf_off_to_vaddr(const struct elf_file *f, uint64_t off, uint64_t *vaddr);

/* Load bias of path in process pid (runtime address = vaddr + bias), from /proc/PID/maps,
 * matching the file by device and inode. 0 on success, -1 if not mapped. */
int elf_load_bias(const struct elf_file *f, const char *path, pid_t pid, uint64_t *bias);

#endif
