/* opinfo.c: the opcode and helper description tables, expanded from opcodes.def and helpers.def. */
#include "bytecode.h"

const struct svm_opinfo svm_opinfo[256] = {
#define OP(name, num, fmt, ka, kb, kc, kx, vc, doc) \
	[num] = { #name, { K_##ka, K_##kb, K_##kc, K_##kx }, V_##vc },
#include "opcodes.def"
#undef OP
};

const struct svm_helperinfo svm_helperinfo[SVM_MAX_HELPER] = {
#define HELPER(name, id, ret, params, impl, doc) [id] = { #name, params, R_##ret, impl },
#include "helpers.def"
#undef HELPER
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
