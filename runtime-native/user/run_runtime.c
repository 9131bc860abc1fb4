/* run_runtime.c: --runtime for a module (stapvm_run.h): the user runtime, or stapvm.ko when it is loaded. */
#include <stdio.h>
#include <string.h>
#include "../vm/stapvm.h"
#include "kernel_run.h"
#include "stapvm_run.h"

/* 1 when a probe of the module is a process(...) probe, which only the userspace runtime places */
static int has_process_probes(const stapvm_module *m)
{
	char desc[512];
	for (int i = 0; i < stapvm_probe_count(m); i++) {
		stapvm_probe_desc(m, i, desc, sizeof desc);
		if (!strncmp(desc, "process", 7))
			return 1;
	}
	return 0;
}

int stapvm_pick_runtime(const uint8_t *bytes, size_t len, const char *requested, char *err, size_t errlen)
{
	stapvm_module *m;
	int kernel;
	if (requested && *requested) {
		if (!strcmp(requested, "user"))
			return STAPVM_RUNTIME_USER;
		if (strcmp(requested, "kernel")) {
			snprintf(err, errlen, "unknown runtime '%s' (kernel or user)", requested);
			return -1;
		}
		if (!stapvm_kernel_available()) {
			snprintf(err, errlen, "the kernel runtime needs the stapvm.ko module (%s is missing); use --runtime=user",
				 STAPVM_DEVICE);
			return -1;
		}
		return STAPVM_RUNTIME_KERNEL;
	}
	if (!stapvm_kernel_available())
		return STAPVM_RUNTIME_USER;
	if (!(m = stapvm_load(bytes, len, err, errlen)))
		return -1;
	kernel = !has_process_probes(m);
	stapvm_module_free(m);
	return kernel ? STAPVM_RUNTIME_KERNEL : STAPVM_RUNTIME_USER;
}
