/* bpunwind.c: the unwinder entry points guarded for .return probes (see bp_ret_unwind). */
#include "bptask.h"
#include "elfsyms.h"
#include "emulate.h"

static const struct { const char *name; enum bp_unwind how; } guards[] = {
	{ "_Unwind_RaiseException", BP_UNWIND_START },     /* throw: search phase, then cleanups */
	{ "_Unwind_Resume", BP_UNWIND_START },             /* unwinding goes on after a cleanup */
	{ "_Unwind_Resume_or_Rethrow", BP_UNWIND_START },  /* rethrow */
	{ "_Unwind_ForcedUnwind", BP_UNWIND_START },       /* pthread_exit, pthread_cancel */
	{ "__cxa_begin_catch", BP_UNWIND_CAUGHT },         /* a C++ handler: this unwinding is over */
};

int bp_unwind_watch(struct bp_engine *e, const char *path)
{
	struct elf_file f;
	uint64_t bias;
	int n = 0;
	if (elf_open(&f, path)) return 0;
	if (elf_load_bias(&f, path, e->pid, &bias) == 0)
		for (size_t i = 0; i < sizeof guards / sizeof guards[0]; i++) {
			const struct elf_sym *s = elf_lookup(&f, guards[i].name);
			struct bp_probe *p = s ? bp_find(e, s->value + bias) : NULL;
			if (s && !p) p = bp_add_addr(e, s->value + bias, NULL, NULL);
			if (!p) continue;
			/* A guard missed by a sibling thread (STEP re-inserts the int3 racily, and XOL is
			 * out of reach of the libraries) ends in std::terminate: emulate where possible. */
			if (p->how == BP_STEP && emu_can(&p->in, p->orig)) p->how = BP_EMULATE;
			p->unwind = guards[i].how;
			n++;
		}
	elf_close(&f);
	return n;
}
