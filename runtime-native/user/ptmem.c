/* ptmem.c: PEEKDATA/POKEDATA loops; a partial word is read back first so neighbours survive. */
#include "ptmem.h"
#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>

int pt_read(pid_t tid, uint64_t addr, void *dst, size_t len)
{
	for (size_t i = 0; i < len; i += 8) {
		long w;
		errno = 0;
		w = ptrace(PTRACE_PEEKDATA, tid, (void *)(addr + i), 0);
		if (errno) return -1;
		memcpy((char *)dst + i, &w, len - i < 8 ? len - i : 8);
	}
	return 0;
}

int pt_write(pid_t tid, uint64_t addr, const void *src, size_t len)
{
	for (size_t i = 0; i < len; i += 8) {
		long w = 0;
		size_t k = len - i < 8 ? len - i : 8;
		if (k < 8 && pt_read(tid, addr + i, &w, 8)) return -1;
		memcpy(&w, (const char *)src + i, k);
		if (ptrace(PTRACE_POKEDATA, tid, (void *)(addr + i), (void *)w)) return -1;
	}
	return 0;
}
