/* elfinsn.c: is a link-time address an instruction boundary in an executable segment? (statement probes: an int3
 * anywhere else corrupts data or splits an instruction) */
#include <stdio.h>
#include <string.h>
#include "elfinsn.h"
#include "x86dec.h"

/* Is vaddr the start of a PLT stub (a 16-byte slot of .plt or .plt.sec, where .plt("NAME") probes sit)? Stubs
 * have no function symbol, but every slot starts an instruction. */
static int plt_stub(const struct elf_file *f, uint64_t vaddr)
{
	const Elf64_Shdr *shs, *names;
	if (!f->eh->e_shnum || f->eh->e_shstrndx >= f->eh->e_shnum) return 0;
	shs = (const Elf64_Shdr *)(f->map + f->eh->e_shoff);
	names = &shs[f->eh->e_shstrndx];
	for (int i = 0; i < f->eh->e_shnum; i++) {
		const Elf64_Shdr *sh = &shs[i];
		const char *name;
		if (sh->sh_name >= names->sh_size || names->sh_offset + names->sh_size > f->size) continue;
		name = (const char *)f->map + names->sh_offset + sh->sh_name;
		if (strnlen(name, names->sh_size - sh->sh_name) == names->sh_size - sh->sh_name) continue;
		if ((strcmp(name, ".plt") == 0 || strcmp(name, ".plt.sec") == 0) && vaddr >= sh->sh_addr &&
		    vaddr - sh->sh_addr < sh->sh_size && (vaddr - sh->sh_addr) % 16 == 0)
			return 1;
	}
	return 0;
}

int elf_insn_boundary(const struct elf_file *f, uint64_t vaddr, char *why, size_t whylen)
{
	const struct elf_sym *sym;
	uint64_t at, off;
	int exec = 0;
	for (int i = 0; i < f->eh->e_phnum; i++) {
		const Elf64_Phdr *p = &f->ph[i];
		if (p->p_type == PT_LOAD && vaddr >= p->p_vaddr && vaddr - p->p_vaddr < p->p_filesz)
			exec = (p->p_flags & PF_X) != 0;
	}
	if (!exec) {
		snprintf(why, whylen, "0x%llx is not in an executable segment", (unsigned long long)vaddr);
		return -1;
	}
	if (plt_stub(f, vaddr)) return 0;
	if (!(sym = elf_symbolize(f, vaddr))) {
		snprintf(why, whylen, "no function contains 0x%llx, so its instruction boundaries are unknown", (unsigned long long)vaddr);
		return -1;
	}
	/* decode from the function's first instruction up to vaddr */
	for (at = sym->value; at < vaddr;) {
		struct x86_insn in;
		if (elf_vaddr_to_off(f, at, &off) || off >= f->size || !x86_decode(f->map + off, f->size - off, &in)) {
			snprintf(why, whylen, "the instruction at 0x%llx in %s cannot be decoded", (unsigned long long)at, sym->name);
			return -1;
		}
		if (at + in.len > vaddr) {
			snprintf(why, whylen, "0x%llx is inside the instruction at 0x%llx (%s+0x%llx, %u bytes)", (unsigned long long)vaddr,
				 (unsigned long long)at, sym->name, (unsigned long long)(at - sym->value), in.len);
			return -1;
		}
		at += in.len;
	}
	return 0;
}
