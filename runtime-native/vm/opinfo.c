/* opinfo.c: the opcode and helper description tables, expanded from opcodes.def and helpers.def. */
#include "bytecode.h"

const struct svm_opinfo svm_opinfo[256] = {
#define OP(name, num, fmt, ka, kb, kc, kx, vc, doc) \
	[num] = { #name, { K_##ka, K_##kb, K_##kc, K_##kx }, V_##vc },
#include "opcodes.def"
#undef OP
};

const struct svm_helperinfo svm_helperinfo[SVM_MAX_HELPER] = {
#define HELPER(name, id, ret, ni, ns, impl, doc) [id] = { #name, R_##ret, ni, ns, impl },
#include "helpers.def"
#undef HELPER
};
