/* ptmem.h: tracee memory access through ptrace words (works on read-only text, as int3 needs). */
#ifndef STAPVM_PTMEM_H
#define STAPVM_PTMEM_H
#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>

int pt_read(pid_t tid, uint64_t addr, void *dst, size_t len);
int pt_write(pid_t tid, uint64_t addr, const void *src, size_t len);

#endif
