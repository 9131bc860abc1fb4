/* run_runtime.c: --runtime for a module (stapvm_run.h): the user runtime, or stapvm.ko when it is loaded. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "../vm/stapvm.h"
#include "kernel_run.h"
#include "stapvm_run.h"

/* the first probe of the module stapvm.ko cannot place, or -1; *pp is its pp() text, *why says
 * what it lacks: a kind stapvm.ko does not place (probes.def), a process function placed after its
 * prologue (the userspace runtime only, probes.def), or @entry data on a uretprobe (the kernel's
 * uretprobes, Linux 6.1, have no per-instance data; kretprobes carry it) */
static int first_user_only(const stapvm_module *m, const char **pp, const char **why)
{
	for (int i = 0; i < stapvm_probe_count(m); i++) {
		struct stapvm_probe_point pt;
		if (stapvm_probe_point(m, i, &pt)) continue;
		*pp = pt.pp;
		*why = !(svm_probe_kinds[pt.kind].runtimes & PR_KERNEL)
			|| (pt.kind == SVM_PROBE_PROCESS_FUNCTION && pt.address) ? "is not available on the kernel runtime (stapvm.ko)"
			: stapvm_probe_entry_size(m, i) && pt.kind == SVM_PROBE_PROCESS_FUNCTION
			? "uses @entry, which the kernel runtime's uretprobes cannot carry (no per-call data)"
			: NULL;
		if (*why) return i;
	}
	return -1;
}

int stapvm_pick_runtime(const uint8_t *bytes, size_t len, const char *requested, char *err, size_t errlen)
{
	stapvm_module *m;
	char desc[PATH_MAX + 512];
	const char *why = NULL, *pp = "";
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
	user_only = first_user_only(m, &pp, &why) >= 0;
	snprintf(desc, sizeof desc, "%s", pp);   /* the module is freed next */
	stapvm_module_free(m);
	if (user_only && forced) {
		snprintf(err, errlen, "probe point '%s' %s; use --runtime=user", desc, why);
		return -1;
	}
	return user_only ? STAPVM_RUNTIME_USER : STAPVM_RUNTIME_KERNEL;
}
