/* An inlined function whose parameters live at its inlined instances, for $vars in .inline and in the
 * inlined copies a plain .function("F") takes: scale is inlined into run (once per round) and into main. */
#include <stdio.h>
#include <stdlib.h>

struct pt { int x, y; };

static inline int scale(struct pt *p, int k)
{
	int s = p->x * k;
	printf("scale %d %d %d\n", p->x, p->y, k);
	return s + p->y;
}

__attribute__((noinline)) int run(struct pt *p, int k)
{
	return scale(p, k) + 1;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 3;
	struct pt q = { 3, 4 };
	int s = 0;
	for (int i = 0; i < n; i++) {
		q.x += i;
		s += run(&q, i + 2);
	}
	s += scale(&q, n);
	printf("%d\n", s);
	return 0;
}
