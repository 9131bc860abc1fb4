/* count.c: probe target: calls noinline functions N times each and prints N and checksums. */
#include <stdio.h>
#include <stdlib.h>

long counter;

/* -O2 prologue: lea (emulated) */
__attribute__((noinline)) long work(long i) { asm volatile(""); return i * 3 + 1; }
/* push rbp; mov rbp,rsp (emulated) */
__attribute__((noinline, optimize("no-omit-frame-pointer"))) long framed(long i)
{
	volatile long x = i ^ 0x55;
	return x + 1;
}
/* add QWORD PTR [rip+counter],1: RIP-relative, needs XOL or stepping */
__attribute__((noinline)) void bump(void) { counter++; asm volatile(""); }

/* First instructions that leave by themselves: the XOL slot's jump back is never reached
 * (jmp/ret), or the pushed return address must be repaired (call). */
long (*fnptr)(long) = work;
long tailjmp(long), icall(long), retfirst(long);
asm(".text\n"
    ".globl tailjmp\n.type tailjmp,@function\ntailjmp: jmp *fnptr(%rip)\n.size tailjmp,.-tailjmp\n"
    ".globl icall\n.type icall,@function\nicall: call *fnptr(%rip)\n ret\n.size icall,.-icall\n"
    ".globl retfirst\n.type retfirst,@function\nretfirst: ret\n.size retfirst,.-retfirst\n");

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000, s = 0;
	if (argc > 2 && argv[2][0] == 'w') getchar();   /* let a tracer attach first */
	for (long i = 0; i < n; i++) {
		s += work(i);
		s ^= framed(i);
		bump();
		s += tailjmp(i) + icall(i);
		retfirst(i);
	}
	printf("n=%ld sum=%ld counter=%ld\n", n, s, counter);
	return 0;
}
