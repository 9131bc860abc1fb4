/* stapvm_dwarf.c: a function's parameters, locals, their locations at the probe address and their C types
 * (re-encoded as BTF, the type format the compiler's target lowering already reads), from libdw. */
#define _GNU_SOURCE
#include "stapvm_dwarf.h"
#include "debugfile.h"
#include <dwarf.h>
#include <elfutils/libdw.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- an output buffer that remembers overflow */

struct buf { uint8_t *p; size_t len, cap; int over; };

static void put(struct buf *b, const void *v, size_t n)
{
	if (b->over || n > b->cap - b->len) { b->over = 1; return; }
	memcpy(b->p + b->len, v, n);
	b->len += n;
}
static void u8(struct buf *b, uint8_t v) { put(b, &v, 1); }
static void u32(struct buf *b, uint32_t v) { put(b, &v, 4); }
static void u64(struct buf *b, uint64_t v) { put(b, &v, 8); }
static void str(struct buf *b, const char *s) { s = s ? s : ""; u32(b, (uint32_t)strlen(s)); put(b, s, strlen(s)); }

static void growing(struct buf *b, const void *v, size_t n)
{
	if (b->over) return;
	if (n > b->cap - b->len) {
		size_t cap = (b->cap + n) * 2;
		uint8_t *p = realloc(b->p, cap);
		if (!p) { b->over = 1; return; }
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, v, n);
	b->len += n;
}
static void gu32(struct buf *b, uint32_t v) { growing(b, &v, 4); }

/* ---- DWARF types as BTF (kernel's include/uapi/linux/btf.h layout) */

enum { BTF_INT = 1, BTF_PTR, BTF_ARRAY, BTF_STRUCT, BTF_UNION, BTF_ENUM, BTF_FWD, BTF_TYPEDEF, BTF_VOLATILE,
       BTF_CONST, BTF_RESTRICT, BTF_FUNC, BTF_FUNC_PROTO };

#define MAX_TYPES 4096

struct btf {
	struct buf types, strings;
	Dwarf_Off die[MAX_TYPES];     /* the DIE of each id (index id - 1) */
	uint32_t n;
	uint32_t index_type;          /* the int arrays are indexed by */
	int full;
};

/* offset of name in the string section, which starts with the empty string (written at the end) */
static uint32_t name_off(struct btf *t, const char *name)
{
	uint32_t off = (uint32_t)t->strings.len + 1;
	if (!name || !*name) return 0;
	growing(&t->strings, name, strlen(name) + 1);
	return off;
}

static void record(struct btf *t, const char *name, int kind, int vlen, int kflag, uint32_t size_or_type)
{
	gu32(&t->types, name_off(t, name));
	gu32(&t->types, (uint32_t)vlen | (uint32_t)kind << 24 | (uint32_t)kflag << 31);
	gu32(&t->types, size_or_type);
}

static uint32_t type_id(struct btf *t, Dwarf_Die *die);

/* the type a DIE's DW_AT_type names (through abstract origins), 0 for void */
static uint32_t ref(struct btf *t, Dwarf_Die *die)
{
	Dwarf_Attribute a;
	Dwarf_Die ty;
	if (!dwarf_attr_integrate(die, DW_AT_type, &a) || !dwarf_formref_die(&a, &ty)) return 0;
	return type_id(t, &ty);
}

static Dwarf_Word uattr(Dwarf_Die *die, int name, Dwarf_Word dflt)
{
	Dwarf_Attribute a;
	Dwarf_Word v;
	return dwarf_attr_integrate(die, name, &a) && dwarf_formudata(&a, &v) == 0 ? v : dflt;
}

/* The id of a type DIE. A new type only gets its id here; its record is written later, by emit() in id
 * order (a struct may point to itself, and members' types get ids as the struct's record is written). */
static uint32_t type_id(struct btf *t, Dwarf_Die *die)
{
	Dwarf_Off off = dwarf_dieoffset(die);
	for (uint32_t i = 0; i < t->n; i++) if (t->die[i] == off) return i + 1;
	switch (dwarf_tag(die)) {
	case DW_TAG_base_type: case DW_TAG_pointer_type: case DW_TAG_reference_type: case DW_TAG_rvalue_reference_type:
	case DW_TAG_array_type: case DW_TAG_structure_type: case DW_TAG_union_type: case DW_TAG_class_type:
	case DW_TAG_enumeration_type: case DW_TAG_typedef: case DW_TAG_volatile_type: case DW_TAG_const_type:
	case DW_TAG_restrict_type: case DW_TAG_subroutine_type:
		break;
	default:
		return 0;   /* unspecified types, atomics, ...: void to the script */
	}
	if (t->n == MAX_TYPES) { t->full = 1; return 0; }
	t->die[t->n++] = off;
	return t->n;
}

/* writes the record of id (DIE die), then returns; called in id order so records line up with ids */
static void emit(struct btf *t, Dwarf_Die *die)
{
	const char *name = dwarf_diename(die);
	Dwarf_Word size = uattr(die, DW_AT_byte_size, 0);
	Dwarf_Die child;
	switch (dwarf_tag(die)) {
	case DW_TAG_base_type: {
		Dwarf_Word enc = uattr(die, DW_AT_encoding, 0);
		uint32_t bits = (uint32_t)size * 8, e = 0;
		if (enc == DW_ATE_signed || enc == DW_ATE_signed_char) e |= 1;
		if (enc == DW_ATE_signed_char || enc == DW_ATE_unsigned_char) e |= 2;
		if (enc == DW_ATE_boolean) e |= 4;
		if (enc == DW_ATE_float || enc == DW_ATE_complex_float) {
			record(t, name, BTF_STRUCT, 0, 0, (uint32_t)size);   /* a float: an opaque object of its size */
			return;
		}
		record(t, name, BTF_INT, 0, 0, (uint32_t)size);
		gu32(&t->types, e << 24 | bits);
		return;
	}
	case DW_TAG_pointer_type: case DW_TAG_reference_type: case DW_TAG_rvalue_reference_type:
		record(t, NULL, BTF_PTR, 0, 0, ref(t, die));
		return;
	case DW_TAG_typedef: record(t, name, BTF_TYPEDEF, 0, 0, ref(t, die)); return;
	case DW_TAG_volatile_type: record(t, NULL, BTF_VOLATILE, 0, 0, ref(t, die)); return;
	case DW_TAG_const_type: record(t, NULL, BTF_CONST, 0, 0, ref(t, die)); return;
	case DW_TAG_restrict_type: record(t, NULL, BTF_RESTRICT, 0, 0, ref(t, die)); return;
	case DW_TAG_subroutine_type: record(t, NULL, BTF_FUNC_PROTO, 0, 0, ref(t, die)); return;
	case DW_TAG_array_type: {
		uint32_t elem = ref(t, die), count = 0;
		if (dwarf_child(die, &child) == 0 && dwarf_tag(&child) == DW_TAG_subrange_type) {
			Dwarf_Word c = uattr(&child, DW_AT_count, 0), ub = uattr(&child, DW_AT_upper_bound, (Dwarf_Word)-1);
			count = (uint32_t)(c ? c : ub != (Dwarf_Word)-1 ? ub + 1 : 0);
		}
		record(t, NULL, BTF_ARRAY, 0, 0, 0);
		gu32(&t->types, elem);
		gu32(&t->types, t->index_type);
		gu32(&t->types, count);
		return;
	}
	case DW_TAG_enumeration_type: {
		int n = 0;
		if (dwarf_child(die, &child) == 0)
			do n += dwarf_tag(&child) == DW_TAG_enumerator; while (dwarf_siblingof(&child, &child) == 0);
		record(t, name, BTF_ENUM, n > 0xffff ? 0xffff : n, 0, (uint32_t)size);
		if (n && dwarf_child(die, &child) == 0) {
			int k = 0;
			do {
				Dwarf_Attribute a;
				Dwarf_Sword v = 0;
				if (dwarf_tag(&child) != DW_TAG_enumerator || k++ >= 0xffff) continue;
				if (dwarf_attr(&child, DW_AT_const_value, &a)) dwarf_formsdata(&a, &v);
				gu32(&t->types, name_off(t, dwarf_diename(&child)));
				gu32(&t->types, (uint32_t)v);
			} while (dwarf_siblingof(&child, &child) == 0);
		}
		return;
	}
	case DW_TAG_structure_type: case DW_TAG_union_type: case DW_TAG_class_type: {
		int kind = dwarf_tag(die) == DW_TAG_union_type ? BTF_UNION : BTF_STRUCT, n = 0;
		if (dwarf_hasattr(die, DW_AT_declaration)) { record(t, name, BTF_FWD, 0, kind == BTF_UNION, 0); return; }
		if (dwarf_child(die, &child) == 0)
			do n += dwarf_tag(&child) == DW_TAG_member; while (dwarf_siblingof(&child, &child) == 0);
		record(t, name, kind, n > 0xffff ? 0xffff : n, 1, (uint32_t)size);
		if (n && dwarf_child(die, &child) == 0) {
			int k = 0;
			do {
				Dwarf_Word bits, at;
				if (dwarf_tag(&child) != DW_TAG_member || k++ >= 0xffff) continue;
				bits = uattr(&child, DW_AT_bit_size, 0);
				at = dwarf_hasattr(&child, DW_AT_data_bit_offset) ? uattr(&child, DW_AT_data_bit_offset, 0)
				   : uattr(&child, DW_AT_data_member_location, 0) * 8;
				gu32(&t->types, name_off(t, dwarf_diename(&child)));
				gu32(&t->types, ref(t, &child));
				gu32(&t->types, (uint32_t)(bits << 24 | (at & 0xffffff)));
			} while (dwarf_siblingof(&child, &child) == 0);
		}
		return;
	}
	}
}

/* ---- the function and its variables */

struct find { const char *name; Dwarf_Die die; int found; };

/* a function's entry: DW_AT_entry_pc or DW_AT_low_pc, else the start of its first range (hot/cold split) */
static int entry(Dwarf_Die *die, Dwarf_Addr *pc)
{
	Dwarf_Addr base, start, end;
	if (dwarf_entrypc(die, pc) == 0) return 0;
	if (dwarf_ranges(die, 0, &base, &start, &end) > 0) { *pc = start; return 0; }
	return -1;
}

static int match_func(Dwarf_Die *die, void *arg)
{
	struct find *f = arg;
	Dwarf_Addr lo;
	const char *n = dwarf_diename(die);
	if (n && strcmp(n, f->name) == 0 && entry(die, &lo) == 0) {
		f->die = *die;
		f->found = 1;
		return DWARF_CB_ABORT;
	}
	return DWARF_CB_OK;
}

/* stap's prologue end: the address of the first line-table row past low_pc whose line differs from
 * the entry's (gcc marks no prologue_end); low_pc when there is none inside the function */
static Dwarf_Addr after_prologue(Dwarf_Die *cu, Dwarf_Addr lo, Dwarf_Addr hi)
{
	Dwarf_Lines *lines;
	size_t n;
	int entry_line = -1;
	Dwarf_Addr best = 0;
	if (dwarf_getsrclines(cu, &lines, &n)) return lo;
	for (size_t i = 0; i < n; i++) {
		Dwarf_Line *l = dwarf_onesrcline(lines, i);
		Dwarf_Addr a;
		int line;
		if (dwarf_lineaddr(l, &a) || dwarf_lineno(l, &line) || a != lo) continue;
		entry_line = line;
		break;
	}
	for (size_t i = 0; i < n; i++) {
		Dwarf_Line *l = dwarf_onesrcline(lines, i);
		Dwarf_Addr a;
		int line;
		bool end;
		if (dwarf_lineaddr(l, &a) || dwarf_lineno(l, &line) || a <= lo || a >= hi) continue;
		if (dwarf_lineendsequence(l, &end) == 0 && end) continue;
		if (line != entry_line && (!best || a < best)) best = a;
	}
	return best ? best : lo;
}

static void ops(struct buf *b, const Dwarf_Op *op, size_t n)
{
	u32(b, (uint32_t)n);
	for (size_t i = 0; i < n; i++) { u8(b, op[i].atom); u64(b, op[i].number); u64(b, op[i].number2); }
}

/* the location of die at pc, or "none" (optimized out there) */
static void location(struct buf *b, Dwarf_Die *die, Dwarf_Addr pc)
{
	Dwarf_Attribute a;
	Dwarf_Op *expr;
	size_t len;
	if (!dwarf_attr(die, DW_AT_location, &a) || dwarf_getlocation_addr(&a, pc, &expr, &len, 1) != 1) {
		u32(b, 0xffffffffu);
		return;
	}
	ops(b, expr, len);
}

/* does scope (a lexical block) cover pc? */
static int covers(Dwarf_Die *scope, Dwarf_Addr pc)
{
	return dwarf_haspc(scope, pc) == 1;
}

/* parameters, then the locals of every scope covering pc, outermost first, in declaration order */
static int variables(struct buf *b, struct btf *t, Dwarf_Die *scope, Dwarf_Addr pc, int params, int depth)
{
	Dwarf_Die c;
	int n = 0;
	if (depth > 16 || dwarf_child(scope, &c)) return 0;
	do {
		int tag = dwarf_tag(&c);
		if ((tag == DW_TAG_formal_parameter && params) || (tag == DW_TAG_variable && !params)) {
			const char *name = dwarf_diename(&c);
			if (!name) continue;
			u8(b, tag == DW_TAG_formal_parameter ? 1 : depth ? 3 : 2);
			str(b, name);
			u32(b, ref(t, &c));
			location(b, &c, pc);
			n++;
		} else if (tag == DW_TAG_lexical_block && !params && covers(&c, pc)) {
			n += variables(b, t, &c, pc, 0, depth + 1);
		}
	} while (dwarf_siblingof(&c, &c) == 0);
	return n;
}

/* the variables of the function's compilation unit with a location (its globals and file statics: @var), kind 4 */
static int cu_variables(struct buf *b, struct btf *t, Dwarf_Die *cu, Dwarf_Addr pc)
{
	Dwarf_Die c;
	Dwarf_Attribute a;
	int n = 0;
	if (dwarf_child(cu, &c)) return 0;
	do {
		const char *name = dwarf_diename(&c);
		if (dwarf_tag(&c) != DW_TAG_variable || !name || !dwarf_attr(&c, DW_AT_location, &a)) continue;
		u8(b, 4);
		str(b, name);
		u32(b, ref(t, &c));
		location(b, &c, pc);
		n++;
	} while (dwarf_siblingof(&c, &c) == 0);
	return n;
}

/* the inlined instance of func entered at pc among scope's descendants (into *inst) and the out-of-line
 * function it sits in, whose frame base its variables' locations use (into *outer); 1 when found. A walk
 * of the tree: dwarf_getscopes gives an instance's abstract origin's scopes, not its caller's, and misses
 * an instance whose ranges do not hold its entry pc. */
static int find_inlined(Dwarf_Die *scope, const char *func, Dwarf_Addr pc, Dwarf_Die *sub, Dwarf_Die *inst,
			Dwarf_Die *outer, int depth)
{
	Dwarf_Die c;
	if (depth > 64 || dwarf_child(scope, &c)) return 0;
	do {
		int tag = dwarf_tag(&c);
		Dwarf_Addr e;
		const char *name;
		if (tag == DW_TAG_inlined_subroutine && sub && (name = dwarf_diename(&c)) && !strcmp(name, func)
		    && entry(&c, &e) == 0 && e == pc) {
			*inst = c;
			*outer = *sub;
			return 1;
		}
		if (tag == DW_TAG_subprogram || tag == DW_TAG_inlined_subroutine || tag == DW_TAG_lexical_block
		    || tag == DW_TAG_namespace || tag == DW_TAG_class_type || tag == DW_TAG_structure_type) {
			Dwarf_Die here = c;
			if (find_inlined(&here, func, pc, tag == DW_TAG_subprogram ? &here : sub, inst, outer, depth + 1))
				return 1;
		}
	} while (dwarf_siblingof(&c, &c) == 0);
	return 0;
}

static int inlined_at(Dwarf *dw, const char *func, Dwarf_Addr pc, Dwarf_Die *inst, Dwarf_Die *outer)
{
	Dwarf_Off off = 0, next;
	size_t hsize;
	Dwarf_Die cu;
	/* the unit whose ranges hold pc first, then (no aranges) every unit */
	if (dwarf_addrdie(dw, pc, &cu) && find_inlined(&cu, func, pc, NULL, inst, outer, 0)) return 1;
	while (dwarf_nextcu(dw, off, &next, &hsize, NULL, NULL, NULL) == 0) {
		if (dwarf_offdie(dw, off + hsize, &cu) && find_inlined(&cu, func, pc, NULL, inst, outer, 0)) return 1;
		off = next;
	}
	return 0;
}

static long fail(uint8_t *out, size_t cap, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (cap) vsnprintf((char *)out, cap, fmt, ap);
	va_end(ap);
	return -1;
}

long svm_dwarf_function(const char *path, const char *func, int mode, uint64_t at_pc, uint8_t *out, size_t cap)
{
	struct buf b = { out, 0, cap, 0 }, vars = { 0 };
	struct btf *t = calloc(1, sizeof *t);
	struct find f = { func, { 0 }, 0 };
	Dwarf *dw;
	Dwarf_Die cu, outer;
	Dwarf_Off off = 0, next;
	size_t hsize;
	Dwarf_Addr lo, hi = 0, pc;
	Dwarf_Attribute a;
	Dwarf_Op *fb = NULL, *cfa = NULL;
	size_t nfb = 0, ncfa = 0;
	Dwarf_CFI *cfi;
	Dwarf_Frame *frame = NULL;
	struct dbg d;
	int nvars, line = 0;
	long rc;
	vars.cap = 1 << 20;
	if (!t || !(vars.p = malloc(vars.cap))) { free(t); return fail(out, cap, "out of memory"); }
	if (dbg_open(&d, path, out, cap)) { free(t); free(vars.p); return -1; }
	dw = d.dw;
	if (mode == SVM_DWARF_INLINED)
		f.found = inlined_at(dw, func, at_pc, &f.die, &outer);
	while (mode != SVM_DWARF_INLINED && !f.found && dwarf_nextcu(dw, off, &next, &hsize, NULL, NULL, NULL) == 0) {
		if (dwarf_offdie(dw, off + hsize, &cu)) dwarf_getfuncs(&cu, match_func, &f, 0);
		off = next;
	}
	if (!f.found) {
		dbg_close(&d); free(t); free(vars.p);
		if (mode == SVM_DWARF_INLINED)
			return fail(out, cap, "no DWARF for an instance of %s inlined at 0x%llx in %s", func,
				    (unsigned long long)at_pc, path);
		return fail(out, cap, "no DWARF for function %s in %s", func, path);
	}
	if (mode != SVM_DWARF_INLINED)
		outer = f.die;
	dwarf_diecu(&f.die, &cu, NULL, NULL);
	entry(&f.die, &lo);
	{
		/* the range holding the entry (a function split in hot and cold parts has several) */
		Dwarf_Addr base, start, end;
		ptrdiff_t r = 0;
		while ((r = dwarf_ranges(&f.die, r, &base, &start, &end)) > 0)
			if (start <= lo && lo < end) { hi = end; break; }
		if (!hi) hi = lo + 1;
	}
	pc = mode == SVM_DWARF_AT_ENTRY ? lo : mode == SVM_DWARF_AT_PC || mode == SVM_DWARF_INLINED ? at_pc
	   : after_prologue(&cu, lo, hi);
	/* an int to index arrays with, as BTF wants one */
	t->n = 1;
	t->die[0] = (Dwarf_Off)-1;
	record(t, "__ARRAY_SIZE_TYPE__", BTF_INT, 0, 0, 4);
	gu32(&t->types, 32);
	t->index_type = 1;
	/* the variables (their types get ids as they are met), then the records of those ids in order */
	nvars = variables(&vars, t, &f.die, pc, 1, 0);
	nvars += variables(&vars, t, &f.die, pc, 0, 0);
	nvars += cu_variables(&vars, t, &cu, pc);
	if (dwarf_attr_integrate(&outer, DW_AT_frame_base, &a)) dwarf_getlocation_addr(&a, pc, &fb, &nfb, 1);
	if ((cfi = dbg_cfi(&d)) && dwarf_cfi_addrframe(cfi, pc, &frame) == 0)
		dwarf_frame_cfa(frame, &cfa, &ncfa);
	u32(&b, 0x444d5653);   /* "SVMD" */
	u32(&b, 1);
	u64(&b, lo);
	u64(&b, pc);
	{
		uint32_t ret = ref(t, &f.die);
		Dwarf_Word dl = uattr(&f.die, DW_AT_decl_line, 0);
		line = (int)dl;
		u32(&b, ret);
		u32(&b, (uint32_t)line);
		str(&b, dwarf_decl_file(&f.die));
		str(&b, dwarf_diename(&cu));
		u64(&b, dwarf_dieoffset(&f.die));
	}
	u32(&b, (uint32_t)nvars);
	put(&b, vars.p, vars.len);
	ops(&b, fb, nfb);
	ops(&b, cfa, ncfa);
	/* emit records in id order; emitting may assign new ids (members' types), which the loop then reaches */
	for (uint32_t id = 2; id <= t->n && !t->full; id++) {
		Dwarf_Die d;
		if (!dwarf_offdie(dw, t->die[id - 1], &d)) { t->full = 1; break; }
		emit(t, &d);
	}
	if (t->full || vars.over || t->types.over || t->strings.over) {
		rc = fail(out, cap, "the types of %s are too many or too large for stapvm", func);
	} else {
		uint32_t hdr[6] = { 0x0001eb9f | 0u, 24, 0, (uint32_t)t->types.len, (uint32_t)t->types.len,
				    (uint32_t)t->strings.len + 1 };
		u32(&b, 24 + (uint32_t)t->types.len + (uint32_t)t->strings.len + 1);
		put(&b, hdr, sizeof hdr);
		put(&b, t->types.p, t->types.len);
		u8(&b, 0);                         /* string 0: "" */
		put(&b, t->strings.p, t->strings.len);
		rc = b.over ? fail(out, cap, "the description of %s does not fit in %zu bytes", func, cap) : (long)b.len;
	}
	free(frame);
	free(vars.p);
	free(t->types.p);
	free(t->strings.p);
	free(t);
	dbg_close(&d);
	return rc;
}

struct all { struct buf *b; uint32_t n; };

static int list_func(Dwarf_Die *die, void *arg)
{
	struct all *a = arg;
	Dwarf_Addr lo;
	const char *n = dwarf_diename(die);
	if (!n || entry(die, &lo)) return DWARF_CB_OK;
	str(a->b, n);
	str(a->b, dwarf_decl_file(die));
	u32(a->b, (uint32_t)uattr(die, DW_AT_decl_line, 0));
	u64(a->b, lo);
	a->n++;
	return DWARF_CB_OK;
}

long svm_dwarf_functions(const char *path, uint8_t *out, size_t cap)
{
	struct buf b = { out, 0, cap, 0 };
	struct all a = { &b, 0 };
	Dwarf *dw;
	Dwarf_Off off = 0, next;
	size_t hsize;
	struct dbg d;
	if (dbg_open(&d, path, out, cap)) return -1;
	dw = d.dw;
	u32(&b, 0x464d5653);   /* "SVMF" */
	u32(&b, 1);
	u32(&b, 0);             /* the count, written at the end */
	while (dwarf_nextcu(dw, off, &next, &hsize, NULL, NULL, NULL) == 0) {
		Dwarf_Die cu;
		if (dwarf_offdie(dw, off + hsize, &cu)) dwarf_getfuncs(&cu, list_func, &a, 0);
		off = next;
	}
	dbg_close(&d);
	if (b.over) return fail(out, cap, "the functions of %s do not fit in %zu bytes", path, cap);
	memcpy(out + 8, &a.n, 4);
	return (long)b.len;
}

long svm_dwarf_lines(const char *path, const char *func, uint8_t *out, size_t cap)
{
	struct buf b = { out, 0, cap, 0 };
	struct find f = { func, { 0 }, 0 };
	Dwarf *dw;
	Dwarf_Die cu;
	Dwarf_Off off = 0, next;
	size_t hsize, n;
	Dwarf_Lines *lines;
	uint32_t count = 0;
	struct dbg d;
	if (dbg_open(&d, path, out, cap)) return -1;
	dw = d.dw;
	while (!f.found && dwarf_nextcu(dw, off, &next, &hsize, NULL, NULL, NULL) == 0) {
		if (dwarf_offdie(dw, off + hsize, &cu)) dwarf_getfuncs(&cu, match_func, &f, 0);
		off = next;
	}
	if (!f.found || !dwarf_diecu(&f.die, &cu, NULL, NULL) || dwarf_getsrclines(&cu, &lines, &n)) {
		dbg_close(&d);
		return fail(out, cap, "no DWARF lines for function %s in %s", func, path);
	}
	u32(&b, 0x4c4d5653);   /* "SVML" */
	u32(&b, 1);
	u32(&b, 0);
	for (size_t i = 0; i < n; i++) {
		Dwarf_Line *l = dwarf_onesrcline(lines, i);
		Dwarf_Addr a;
		int line;
		bool stmt, end;
		if (dwarf_lineaddr(l, &a) || dwarf_lineno(l, &line) || dwarf_linebeginstatement(l, &stmt) || !stmt) continue;
		if (dwarf_lineendsequence(l, &end) == 0 && end) continue;
		if (dwarf_haspc(&f.die, a) != 1) continue;
		str(&b, dwarf_linesrc(l, NULL, NULL));
		u32(&b, (uint32_t)line);
		u64(&b, a);
		count++;
	}
	dbg_close(&d);
	if (b.over) return fail(out, cap, "the lines of %s do not fit in %zu bytes", func, cap);
	memcpy(out + 8, &count, 4);
	return (long)b.len;
}

struct inlined { struct all *a; Dwarf_Die *origin; };

static int list_instance(Dwarf_Die *inst, void *arg)
{
	struct inlined *in = arg;
	Dwarf_Addr pc;
	if (entry(inst, &pc)) return DWARF_CB_OK;  /* an instance with no code left */
	str(in->a->b, dwarf_diename(in->origin));
	str(in->a->b, dwarf_decl_file(in->origin));
	u32(in->a->b, (uint32_t)uattr(in->origin, DW_AT_decl_line, 0));
	u64(in->a->b, pc);
	in->a->n++;
	return DWARF_CB_OK;
}

static int list_inline(Dwarf_Die *die, void *arg)
{
	struct inlined in = { arg, die };
	if (dwarf_diename(die) && dwarf_func_inline(die)) dwarf_func_inline_instances(die, list_instance, &in);
	return DWARF_CB_OK;
}

long svm_dwarf_inlines(const char *path, uint8_t *out, size_t cap)
{
	struct buf b = { out, 0, cap, 0 };
	struct all a = { &b, 0 };
	Dwarf_Off off = 0, next;
	size_t hsize;
	struct dbg d;
	if (dbg_open(&d, path, out, cap)) return -1;
	u32(&b, 0x494d5653);   /* "SVMI" */
	u32(&b, 1);
	u32(&b, 0);             /* the count, written at the end */
	while (dwarf_nextcu(d.dw, off, &next, &hsize, NULL, NULL, NULL) == 0) {
		Dwarf_Die cu;
		if (dwarf_offdie(d.dw, off + hsize, &cu)) dwarf_getfuncs(&cu, list_inline, &a, 0);
		off = next;
	}
	dbg_close(&d);
	if (b.over) return fail(out, cap, "the inlined functions of %s do not fit in %zu bytes", path, cap);
	memcpy(out + 8, &a.n, 4);
	return (long)b.len;
}
