/* run_runtime.c: --runtime for a module (stapvm_run.h): the user runtime, or stapvm.ko when it is loaded. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "../vm/stapvm.h"
#include "kernel_run.h"
#include "stapvm_run.h"

/* 1 when stapvm.ko places the probe point (kmod/kprobes_desc.c): every form but the process events
 * (process[("PATH")].begin, .end, .thread.*, .syscall*), which only the ptrace engine observes, and
 * the points placed at an address the compiler found (SDT marks, DWARF prologue ends) */
static int kernel_places(const char *desc)
{
	if (strncmp(desc, "process", 7))
		return 1;
	if (strstr(desc, "\");pc="))   /* a mark site, or a function placed after its prologue: not yet */
		return 0;
	return strstr(desc, "\").function(\"") || strstr(desc, "\").statement(");
}

/* 1 when stapvm.ko can run probe i with its @entry data: kretprobes carry it per instance, the
 * kernel's uretprobes (Linux 6.1) have no per-instance data, so a process .return with @entry cannot */
static int kernel_entry_data(const stapvm_module *m, int i, const char *desc)
{
	return stapvm_probe_entry_size(m, i) == 0 || strncmp(desc, "process", 7) != 0;
}

/* the first probe of the module stapvm.ko cannot place, or -1; *why says what it lacks */
static int first_user_only(const stapvm_module *m, char *desc, size_t len, const char **why)
{
	for (int i = 0; i < stapvm_probe_count(m); i++) {
		if (stapvm_probe_desc(m, i, desc, len) < 0) continue;
		*why = !kernel_places(desc) ? "is not available on the kernel runtime (stapvm.ko)"
			: !kernel_entry_data(m, i, desc) ? "uses @entry, which the kernel runtime's uretprobes cannot carry (no per-call data)"
			: NULL;
		if (*why) return i;
	}
	return -1;
}

int stapvm_pick_runtime(const uint8_t *bytes, size_t len, const char *requested, char *err, size_t errlen)
{
	stapvm_module *m;
	char desc[PATH_MAX + 512];
	const char *why = NULL;
	int forced = requested && *requested, user_only;
	if (forced && !strcmp(requested, "user"))
		return STAPVM_RUNTIME_USER;
	if (forced && strcmp(requested, "kernel")) {
		snprintf(err, errlen, "unknown runtime '%s' (kernel or user)", requested);
		return -1;
	}
	if (!stapvm_kernel_available()) {
		if (!forced)
			return STAPVM_RUNTIME_USER;
		snprintf(err, errlen, "the kernel runtime needs the stapvm.ko module (%s is missing); use --runtime=user",
			 STAPVM_DEVICE);
		return -1;
	}
	if (!(m = stapvm_load(bytes, len, err, errlen)))
		return forced ? STAPVM_RUNTIME_KERNEL : -1;   /* forced: stapvm.ko's verifier says why */
	user_only = first_user_only(m, desc, sizeof desc, &why) >= 0;
	stapvm_module_free(m);
	if (user_only && forced) {
		snprintf(err, errlen, "probe point '%s' %s; use --runtime=user", desc, why);
		return -1;
	}
	return user_only ? STAPVM_RUNTIME_USER : STAPVM_RUNTIME_KERNEL;
}
