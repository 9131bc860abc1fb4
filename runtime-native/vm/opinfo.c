/* opinfo.c: the opcode, helper and probe kind tables, expanded from opcodes.def, helpers.def and probes.def. */
#include "bytecode.h"
#include "probes.h"

const struct svm_opinfo svm_opinfo[256] = {
#define OP(name, num, fmt, ka, kb, kc, kx, vc, doc) \
	[num] = { #name, { K_##ka, K_##kb, K_##kc, K_##kx }, V_##vc },
#include "opcodes.def"
#undef OP
};

const struct svm_helperinfo svm_helperinfo[SVM_MAX_HELPER] = {
#define HELPER(name, id, ret, params, impl, priv, doc) [id] = { #name, params, R_##ret, impl, SVM_PRIV_##priv },
#include "helpers.def"
#undef HELPER
};

const struct svm_probe_kind_info svm_probe_kinds[SVM_PROBE_MAX] = {
#define PROBE_BIT(name, value, doc)
#define PROBE(name, num, rt, needs, may, flags, ctx, doc) [num] = { #name, rt, needs, may, flags, ctx },
#include "probes.def"
#undef PROBE
#undef PROBE_BIT
};

void svm_helper_arity(const struct svm_helperinfo *h, unsigned *nint, unsigned *nstr, int *variadic)
{
	*nint = *nstr = 0;
	*variadic = 0;
	for (const char *p = h->params; *p; p++) {
		if (*p == 'L') (*nint)++;
		else if (*p == 'S') (*nstr)++;
		else *variadic = 1;
	}
}
