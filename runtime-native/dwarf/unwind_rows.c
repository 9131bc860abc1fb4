/* unwind_rows.c: a binary's call frame information (.eh_frame, else .debug_frame), through libdw, as the
 * unwind rows of runtime-native/vm/unwind.h: per address range, where the CFA, the return address and
 * the caller's rbp are, keyed by file offset. */
#include "stapvm_dwarf.h"
#include "debugfile.h"
#include "../vm/unwind.h"
#include <dwarf.h>
#include <gelf.h>
#include <stdlib.h>
#include <string.h>

struct rows { struct svm_unwind_row *r; size_t n, cap; int over; };

/* appends r unless it says what the last row says */
static void add(struct rows *t, struct svm_unwind_row r)
{
	struct svm_unwind_row *last = t->n ? &t->r[t->n - 1] : NULL;
	if (last && last->rule == r.rule && last->cfa_off == r.cfa_off && last->bp_off == r.bp_off) return;
	if (last && last->off == r.off) { *last = r; return; }
	if (t->n == SVM_UNWIND_MAX_ROWS) { t->over = 1; return; }
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 4096;
		struct svm_unwind_row *p = realloc(t->r, cap * sizeof *p);
		if (!p) { t->over = 1; return; }
		t->r = p;
		t->cap = cap;
	}
	t->r[t->n++] = r;
}

/* the offset from the CFA that a register rule's location expression adds: 0, or -1 for another rule */
static int cfa_offset(const Dwarf_Op *ops, size_t n, int64_t *off)
{
	if (n == 0 || ops[0].atom != DW_OP_call_frame_cfa) return -1;
	if (n == 1) { *off = 0; return 0; }
	if (n == 2 && ops[1].atom == DW_OP_plus_uconst) { *off = (int64_t)ops[1].number; return 0; }
	if (n == 3 && ops[1].atom == DW_OP_consts && ops[2].atom == DW_OP_plus) { *off = (int64_t)ops[1].number; return 0; }
	return -1;
}

/* the row of frame f (starting at file offset off): SVM_CFA_NONE unless the return address is at CFA - 8
 * and the CFA is rsp or rbp plus a constant, or the word at rbp plus a constant */
static struct svm_unwind_row row_of(Dwarf_Frame *f, uint32_t off)
{
	struct svm_unwind_row r = { off, 0, 0, SVM_CFA_NONE, 0 };
	Dwarf_Op mem[3], *ops;
	size_t n;
	int64_t ra, bp;
	int reg, ra_reg = dwarf_frame_info(f, NULL, NULL, NULL);
	if (ra_reg < 0 || dwarf_frame_register(f, ra_reg, mem, &ops, &n) || cfa_offset(ops, n, &ra) || ra != -8) return r;
	if (dwarf_frame_cfa(f, &ops, &n) || n == 0 || n > 2) return r;
	if (ops[0].atom == DW_OP_bregx) reg = (int)ops[0].number, r.cfa_off = (int32_t)ops[0].number2;
	else if (ops[0].atom >= DW_OP_breg0 && ops[0].atom <= DW_OP_breg31) reg = ops[0].atom - DW_OP_breg0, r.cfa_off = (int32_t)ops[0].number;
	else return r;
	if (n == 2 && (ops[1].atom != DW_OP_deref || reg != 6)) return r;
	if (reg != 6 && reg != 7) return r;        /* DWARF's rbp and rsp */
	r.rule = n == 2 ? SVM_CFA_DEREF_BP : reg == 7 ? SVM_CFA_SP : SVM_CFA_BP;
	if (dwarf_frame_register(f, 6, mem, &ops, &n) == 0 && cfa_offset(ops, n, &bp) == 0 && bp && bp > -32768 && bp < 32768)
		r.bp_off = (int16_t)bp;
	return r;
}

static int by_addr(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* The start addresses of the FDEs, from .eh_frame_hdr's sorted search table when it has the layout
 * every toolchain writes (datarel sdata4 entries), sorted; NULL without one. */
static uint64_t *fde_starts(Elf *elf, size_t nph, size_t *count)
{
	for (size_t i = 0; i < nph; i++) {
		GElf_Phdr ph;
		Elf_Data *d;
		const uint8_t *p;
		uint32_t n;
		uint64_t *out;
		if (!gelf_getphdr(elf, (int)i, &ph) || ph.p_type != PT_GNU_EH_FRAME) continue;
		if (!(d = elf_getdata_rawchunk(elf, (int64_t)ph.p_offset, ph.p_filesz, ELF_T_BYTE)) || d->d_size < 12) return NULL;
		p = d->d_buf;
		if (p[0] != 1 || (p[1] & 0x0f) % 8 != 3 || p[2] != 0x03 || p[3] != 0x3b) return NULL;
		memcpy(&n, p + 8, 4);
		if ((uint64_t)n * 8 + 12 > d->d_size || !(out = malloc(((size_t)n + 1) * sizeof *out))) return NULL;
		for (uint32_t k = 0; k < n; k++) {
			int32_t rel;
			memcpy(&rel, p + 12 + 8 * (size_t)k, 4);
			out[k] = ph.p_vaddr + (uint64_t)(int64_t)rel;
		}
		qsort(out, n, sizeof *out, by_addr);
		*count = n;
		return out;
	}
	return NULL;
}

/* the first FDE start above addr, or 0 */
static uint64_t next_start(const uint64_t *s, size_t n, uint64_t addr)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s[mid] <= addr) lo = mid + 1; else hi = mid;
	}
	return lo < n ? s[lo] : 0;
}

long svm_dwarf_unwind(const char *path, uint8_t *out, size_t cap)
{
	struct dbg d;
	struct rows t = { 0 };
	Dwarf_CFI *cfi;
	uint64_t *starts;
	size_t nph, nstarts = 0;
	long rc;
	if (dbg_open_for(&d, path, 0, out, cap)) return -1;
	if (!(cfi = dbg_cfi(&d)) || elf_getphdrnum(d.elf, &nph)) {
		dbg_close(&d);
		snprintf((char *)out, cap, "no call frame information in %s", path);
		return -1;
	}
	starts = fde_starts(d.elf, nph, &nstarts);
	for (size_t i = 0; i < nph && !t.over; i++) {
		GElf_Phdr ph;
		uint64_t addr, end;
		if (!gelf_getphdr(d.elf, (int)i, &ph) || ph.p_type != PT_LOAD || !(ph.p_flags & PF_X)) continue;
		if (ph.p_offset + ph.p_filesz > UINT32_MAX) break;
		end = ph.p_vaddr + ph.p_filesz;
		for (addr = ph.p_vaddr; addr < end && !t.over;) {
			Dwarf_Frame *f;
			Dwarf_Addr from, to;
			uint32_t off = (uint32_t)(addr - ph.p_vaddr + ph.p_offset);
			if (dwarf_cfi_addrframe(cfi, addr, &f) == 0) {
				add(&t, row_of(f, off));
				to = addr + 1;
				dwarf_frame_info(f, &from, &to, NULL);
				free(f);
				addr = to > addr ? to : addr + 1;
			} else {
				add(&t, (struct svm_unwind_row){ off, 0, 0, SVM_CFA_NONE, 0 });
				addr = starts ? next_start(starts, nstarts, addr) : addr + 1;
				if (!addr) break;
			}
		}
		add(&t, (struct svm_unwind_row){ (uint32_t)(end - ph.p_vaddr + ph.p_offset), 0, 0, SVM_CFA_NONE, 0 });
	}
	free(starts);
	dbg_close(&d);
	if (t.over || 12 + t.n * SVM_UNWIND_ROW_SIZE > cap) {
		free(t.r);
		snprintf((char *)out, cap, "the call frame information of %s is too large for stapvm", path);
		return -1;
	}
	memcpy(out, "SVMU", 4);
	memcpy(out + 4, &(uint32_t){ 1 }, 4);
	memcpy(out + 8, &(uint32_t){ (uint32_t)t.n }, 4);
	for (size_t k = 0; k < t.n; k++) {
		uint8_t *w = out + 12 + k * SVM_UNWIND_ROW_SIZE;
		memcpy(w, &t.r[k].off, 4);
		memcpy(w + 4, &t.r[k].cfa_off, 4);
		memcpy(w + 8, &t.r[k].bp_off, 2);
		w[10] = t.r[k].rule;
		w[11] = 0;
	}
	rc = 12 + (long)(t.n * SVM_UNWIND_ROW_SIZE);
	free(t.r);
	return rc;
}
