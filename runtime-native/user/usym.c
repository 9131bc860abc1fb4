/* usym.c: svm_host_usym for the userspace runtime: print_ubacktrace()'s function names from the ELF
 * symbol tables of the files the traced process maps (what stap shows with -d PATH / --ldd). */
#include <stdio.h>
#include <string.h>
#include "elfsyms.h"
#include "../vm/context.h"

/* Files stay open for the run: a backtrace names the same few files again and again. */
#define USYM_FILES 16
static struct { char path[4096]; struct elf_file f; int ok; } files[USYM_FILES];
static int nfiles;

static const struct elf_file *open_cached(const char *path)
{
	for (int i = 0; i < nfiles; i++)
		if (!strcmp(files[i].path, path)) return files[i].ok ? &files[i].f : NULL;
	if (nfiles == USYM_FILES || strlen(path) >= sizeof files[0].path) return NULL;
	snprintf(files[nfiles].path, sizeof files[nfiles].path, "%s", path);
	files[nfiles].ok = elf_open(&files[nfiles].f, path) == 0;
	nfiles++;
	return files[nfiles - 1].ok ? &files[nfiles - 1].f : NULL;
}

int svm_host_usym(const char *path, uint64_t file_off, char *name, size_t len, uint64_t *sym_off, uint64_t *size)
{
	const struct elf_file *f = open_cached(path);
	const struct elf_sym *s, *next;
	uint64_t vaddr;
	if (!len || !f || elf_off_to_vaddr(f, file_off, &vaddr) || !(s = elf_symbolize(f, vaddr))) return -1;
	snprintf(name, len, "%s", s->name);
	*sym_off = vaddr - s->value;
	/* stap's size is the distance to the next symbol (0 for the last), not st_size */
	for (next = s + 1; next < f->syms + f->nsyms && next->value == s->value; next++)
		;
	*size = next < f->syms + f->nsyms ? next->value - s->value : 0;
	return 0;
}
