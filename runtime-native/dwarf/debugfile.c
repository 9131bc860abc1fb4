/* debugfile.c: a binary's DWARF, in the file itself or in the debug file its build-id or .gnu_debuglink
 * names (Debian's -dbg/-dbgsym packages under /usr/lib/debug), found by libdwfl along stap's
 * SYSTEMTAP_DEBUGINFO_PATH when it is set. */
#define _GNU_SOURCE
#include "debugfile.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int say(uint8_t *out, size_t cap, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (cap) vsnprintf((char *)out, cap, fmt, ap);
	va_end(ap);
	return -1;
}

static char *debuginfo_path;
static const Dwfl_Callbacks callbacks = {
	.find_elf = dwfl_build_id_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.debuginfo_path = &debuginfo_path,
};

/* 0, or -1 with the reason in out; need_dwarf 0: the ELF file is enough (its call frame information) */
int dbg_open_for(struct dbg *d, const char *path, int need_dwarf, uint8_t *out, size_t cap)
{
	Dwfl_Module *m;
	Dwarf_Addr bias;   /* DWARF's own addresses are used, never dwfl's: the bias does not matter */
	memset(d, 0, sizeof *d);
	if (!debuginfo_path) {
		const char *env = getenv("SYSTEMTAP_DEBUGINFO_PATH");
		debuginfo_path = strdup(env && *env ? env : "-:.debug:/usr/lib/debug");
	}
	if (access(path, R_OK)) return say(out, cap, "cannot open %s: %s", path, strerror(errno));
	if (!(d->dwfl = dwfl_begin(&callbacks))) return say(out, cap, "out of memory");
	m = dwfl_report_offline(d->dwfl, path, path, -1);
	dwfl_report_end(d->dwfl, NULL, NULL);
	if (!m || !(d->elf = dwfl_module_getelf(m, &bias))) {
		dwfl_end(d->dwfl);
		return say(out, cap, "%s is not an ELF file", path);
	}
	if (!(d->dw = dwfl_module_getdwarf(m, &bias)) && need_dwarf) {
		dwfl_end(d->dwfl);
		return say(out, cap, "no DWARF information in %s", path);
	}
	return 0;
}

int dbg_open(struct dbg *d, const char *path, uint8_t *out, size_t cap)
{
	return dbg_open_for(d, path, 1, out, cap);
}

void dbg_close(struct dbg *d)
{
	dwfl_end(d->dwfl);
}

/* the call frame information of the file: .eh_frame, else .debug_frame (perhaps in the debug file) */
Dwarf_CFI *dbg_cfi(struct dbg *d)
{
	Dwarf_CFI *c = dwarf_getcfi_elf(d->elf);
	return c || !d->dw ? c : dwarf_getcfi(d->dw);
}

