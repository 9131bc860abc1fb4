/* target.c: structs, a linked list, parameters and locals for the DWARF $var tests (built -O0 and -O2 with -g).
 * Each probed function prints what it was given, so a trace can be compared with the program's own account. */
#include <stdio.h>
#include <stdlib.h>

struct point { int x; long y; unsigned flags : 3; unsigned wide : 9; const char *label; };
struct node { int value; struct node *next; struct point *where; };

__attribute__((noinline)) long walk(struct node *head, int limit)
{
	long sum = 0;
	int count = 0;
	for (struct node *n = head; n && count < limit; n = n->next) {
		sum += n->value;
		count++;
	}
	printf("walk %d %d %d %ld\n", head->value, head->next->value, limit, sum);
	return sum;
}

__attribute__((noinline)) int score(struct point *p, int bonus)
{
	int s = p->x * 10 + bonus;
	printf("score %d %ld %u %u %s %d\n", p->x, p->y, p->flags, p->wide, p->label, bonus);
	return s;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 3;
	struct point pts[2] = { { 3, -40000000000L, 5, 300, "north" }, { -7, 12, 2, 1, "south" } };
	struct node *head = NULL;
	for (int i = n; i > 0; i--) {
		struct node *e = malloc(sizeof *e);
		e->value = i * 11;
		e->next = head;
		e->where = &pts[i % 2];
		head = e;
	}
	for (int i = 1; i <= n; i++) printf("= %ld\n", walk(head, i));
	printf("= %d\n", score(&pts[0], 5));
	printf("= %d\n", score(head->next->where, -2));
	return 0;
}
