/* elfsyms.c: parse ELF64 headers, .symtab/.dynsym function symbols, PT_LOAD mapping, load bias. */
#include "elfsyms.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

/* Bounds check: [off, off+len) inside the file, without overflow. */
static int inside(const struct elf_file *f, uint64_t off, uint64_t len)
{
	return off <= f->size && len <= f->size - off;
}

static int by_value(const void *a, const void *b)
{
	const struct elf_sym *x = a, *y = b;
	if (x->value != y->value) return x->value < y->value ? -1 : 1;
	if (x->dynamic != y->dynamic) return x->dynamic - y->dynamic;  /* .symtab first */
	return strcmp(x->name, y->name);
}

static int add_table(struct elf_file *f, const Elf64_Shdr *sh, const Elf64_Shdr *shs, int dynamic)
{
	const Elf64_Shdr *strs;
	size_t n, cap;
	if (sh->sh_entsize != sizeof(Elf64_Sym) || !inside(f, sh->sh_offset, sh->sh_size) ||
	    sh->sh_link >= f->eh->e_shnum) return -1;
	strs = &shs[sh->sh_link];
	if (!inside(f, strs->sh_offset, strs->sh_size) || strs->sh_size == 0) return -1;
	n = sh->sh_size / sizeof(Elf64_Sym);
	cap = f->nsyms + n;
	f->syms = realloc(f->syms, (cap ? cap : 1) * sizeof *f->syms);
	for (size_t i = 0; i < n; i++) {
		const Elf64_Sym *s = (const Elf64_Sym *)(f->map + sh->sh_offset) + i;
		int t = ELF64_ST_TYPE(s->st_info);
		const char *name;
		if ((t != STT_FUNC && t != STT_GNU_IFUNC) || s->st_shndx == SHN_UNDEF || s->st_name >= strs->sh_size)
			continue;
		name = (const char *)f->map + strs->sh_offset + s->st_name;
		if (!memchr(name, 0, strs->sh_size - s->st_name) || !*name) continue;  /* unterminated */
		f->syms[f->nsyms++] = (struct elf_sym){ name, s->st_value, s->st_size,
		                                        ELF64_ST_BIND(s->st_info), dynamic };
	}
	return 0;
}

int elf_open(struct elf_file *f, const char *path)
{
	struct stat st;
	const Elf64_Shdr *shs;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	memset(f, 0, sizeof *f);
	if (fd < 0) return -1;
	if (fstat(fd, &st) || st.st_size < (off_t)sizeof(Elf64_Ehdr)) { close(fd); errno = EINVAL; return -1; }
	f->size = st.st_size;
	f->map = mmap(0, f->size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (f->map == MAP_FAILED) { f->map = 0; return -1; }
	f->eh = (const Elf64_Ehdr *)f->map;
	if (memcmp(f->eh->e_ident, ELFMAG, SELFMAG) || f->eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    f->eh->e_machine != EM_X86_64 || (f->eh->e_type != ET_EXEC && f->eh->e_type != ET_DYN) ||
	    f->eh->e_phentsize != sizeof(Elf64_Phdr) ||
	    !inside(f, f->eh->e_phoff, (uint64_t)f->eh->e_phnum * sizeof(Elf64_Phdr)) ||
	    (f->eh->e_shnum && (f->eh->e_shentsize != sizeof(Elf64_Shdr) ||
	     !inside(f, f->eh->e_shoff, (uint64_t)f->eh->e_shnum * sizeof(Elf64_Shdr))))) {
		elf_close(f); errno = EINVAL; return -1;
	}
	f->ph = (const Elf64_Phdr *)(f->map + f->eh->e_phoff);
	f->pie = f->eh->e_type == ET_DYN;
	shs = (const Elf64_Shdr *)(f->map + f->eh->e_shoff);
	for (int i = 0; i < f->eh->e_shnum; i++)
		if (shs[i].sh_type == SHT_SYMTAB || shs[i].sh_type == SHT_DYNSYM)
			add_table(f, &shs[i], shs, shs[i].sh_type == SHT_DYNSYM);
	/* Sort, then drop a .dynsym entry duplicating a .symtab one (same name and value). */
	if (f->nsyms) {
		size_t o = 0;
		qsort(f->syms, f->nsyms, sizeof *f->syms, by_value);
		for (size_t i = 0; i < f->nsyms; i++) {
			int dup = 0;
			for (size_t j = o; j-- > 0 && f->syms[j].value == f->syms[i].value;)
				if (!strcmp(f->syms[j].name, f->syms[i].name)) { dup = 1; break; }
			if (!dup) f->syms[o++] = f->syms[i];
		}
		f->nsyms = o;
	}
	return 0;
}

void elf_close(struct elf_file *f)
{
	if (f->map) munmap((void *)f->map, f->size);
	free(f->syms);
	memset(f, 0, sizeof *f);
}

const struct elf_sym *elf_lookup(const struct elf_file *f, const char *name)
{
	const struct elf_sym *best = NULL;
	for (size_t i = 0; i < f->nsyms; i++)
		if (!strcmp(f->syms[i].name, name) && (!best || (best->dynamic && !f->syms[i].dynamic)))
			best = &f->syms[i];
	return best;
}

const struct elf_sym *elf_symbolize(const struct elf_file *f, uint64_t vaddr)
{
	size_t lo = 0, hi = f->nsyms;
	while (lo < hi) {   /* last symbol with value <= vaddr */
		size_t mid = (lo + hi) / 2;
		if (f->syms[mid].value <= vaddr) lo = mid + 1; else hi = mid;
	}
	while (lo-- > 0) {
		const struct elf_sym *s = &f->syms[lo];
		if (vaddr < s->value + (s->size ? s->size : 1)) return s;
		if (s->value + 0x100000 < vaddr) break;
	}
	return NULL;
}

int elf_vaddr_to_off(const struct elf_file *f, uint64_t vaddr, uint64_t *off)
{
	for (int i = 0; i < f->eh->e_phnum; i++) {
		const Elf64_Phdr *p = &f->ph[i];
		if (p->p_type == PT_LOAD && vaddr >= p->p_vaddr && vaddr - p->p_vaddr < p->p_filesz) {
			*off = p->p_offset + (vaddr - p->p_vaddr);
			return 0;
		}
	}
	return -1;
}

int elf_off_to_vaddr(const struct elf_file *f, uint64_t off, uint64_t *vaddr)
{
	for (int i = 0; i < f->eh->e_phnum; i++) {
		const Elf64_Phdr *p = &f->ph[i];
		if (p->p_type == PT_LOAD && off >= p->p_offset && off - p->p_offset < p->p_filesz) {
			*vaddr = p->p_vaddr + (off - p->p_offset);
			return 0;
		}
	}
	return -1;
}

int elf_load_bias(const struct elf_file *f, const char *path, pid_t pid, uint64_t *bias)
{
	char fn[64], line[4096];
	char real[4096];
	struct stat st;
	FILE *m;
	int rc = -1;

	if (stat(path, &st) || !realpath(path, real)) return -1;
	snprintf(fn, sizeof fn, "/proc/%d/maps", (int)pid);
	if (!(m = fopen(fn, "re"))) return -1;
	while (fgets(line, sizeof line, m)) {
		unsigned long long lo, hi, off, ino;
		unsigned maj, mn;
		int name_at = 0;
		char perm[8];
		uint64_t va;
		if (sscanf(line, "%llx-%llx %7s %llx %x:%x %llu %n", &lo, &hi, perm, &off, &maj, &mn, &ino, &name_at) != 7)
			continue;
		/* Only an executable mapping counts: a plain mmap of the file (a reader like us)
		 * is not where the loader put the code. */
		if (perm[2] != 'x') continue;
		line[strcspn(line, "\n")] = 0;
		/* overlayfs reports the lower device in maps, so the path may have to vouch instead */
		if (ino != st.st_ino || (makedev(maj, mn) != st.st_dev && strcmp(line + name_at, real))) continue;
		/* A mapping at lo holds file offset off; its link-time address is off's vaddr. */
		if (elf_off_to_vaddr(f, off, &va)) continue;
		*bias = lo - (va & ~0xfffull);
		rc = 0;
		break;
	}
	fclose(m);
	if (rc == 0 && !f->pie && *bias != 0) rc = -1;   /* ET_EXEC must sit at its link address */
	return rc;
}
