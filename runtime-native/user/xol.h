/* xol.h: the execute-out-of-line area in a tracee: map it by injected mmap, relocate instructions into slots. */
#ifndef STAPVM_XOL_H
#define STAPVM_XOL_H
#include <stdint.h>
#include <sys/types.h>
#include "x86dec.h"

#define XOL_SLOT 32   /* bytes per slot: one instruction (<= 15) plus int3 padding */

/* With tid stopped at a ptrace stop, run mmap(hint, size, r-x, private|anon|fixed_noreplace)
 * inside it (a syscall instruction is written over rip and restored). Tries hints near
 * `near` so rel32 displacements reach. Returns the address, or 0. */
uint64_t xol_map_area(pid_t tid, uint64_t near, uint64_t size);

/* Bytes to place at slot for the instruction in (bytes orig, originally at addr): the
 * RIP-relative disp32 is re-based, and a `jmp addr+len` follows so a fall-through returns
 * to the original code by itself: no single-step, one stop per hit. Returns 0, or -1 if
 * the instruction cannot run out of line (relative branches, forbidden instructions,
 * displacement out of reach). */
int xol_relocate(const struct x86_insn *in, const uint8_t *orig, uint64_t addr, uint64_t slot,
                 uint8_t out[XOL_SLOT]);

#endif
