/* nofp_chain.c: main -> outer -> middle -> inner, built -O2 -fomit-frame-pointer (as Debian builds): only
 * call frame information can unwind it; middle keeps a frame of locals, so its CFA is not rsp + 8. */
#include <stdio.h>
#include <stdlib.h>
__attribute__((noinline)) long inner(long i) { printf("inner %ld\n", i); return 3 * i; }
__attribute__((noinline)) long middle(long i) { long a[8]; for (int k = 0; k < 8; k++) a[k] = i + k; return inner(a[i & 7]) + a[3]; }
__attribute__((noinline)) long outer(long i) { return middle(i) * 2 + 1; }
int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1;
	long sum = 0;
	for (long i = 0; i < n; i++) sum += outer(i);
	return (int)(sum & 1);
}
