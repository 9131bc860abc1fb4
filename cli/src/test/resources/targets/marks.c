/* marks.c: SDT markers (<sys/sdt.h>) for the mark() probe tests. Prints, for each marker hit, the
 * values it hands the marker, so a trace can be compared with the program's own account. Built
 * -O0 (arguments in stack slots: -20(%rbp)) and -O2 (in registers), with -DWITH_SEMAPHORES (every
 * marker has a semaphore; "guarded" fires only while a tracer has raised it) and without. */
#include <stdio.h>
#include <stdlib.h>
#ifdef WITH_SEMAPHORES
#define _SDT_HAS_SEMAPHORES 1
#define SEMAPHORE(name) unsigned short demo_##name##_semaphore __attribute__((section(".probes")))
SEMAPHORE(widths); SEMAPHORE(item); SEMAPHORE(guarded); SEMAPHORE(done);
#define ENABLED(name) (demo_##name##_semaphore != 0)
#else
#define ENABLED(name) 1
#endif
#include <sys/sdt.h>

struct item { int id; long weight; const char *name; };

static struct item items[] = { { 7, -70000000000L, "seven" }, { 8, 80, "eight" }, { 9, 0, "nine" } };

static void __attribute__((noinline)) visit(const struct item *it)
{
	STAP_PROBE3(demo, item, it->id, it->weight, it->name);
	printf("item %d %ld %s\n", it->id, it->weight, it->name);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 3, guarded = 0;
	for (int i = 0; i < n; i++) {
		signed char c = (signed char)-i;
		short s = (short)(-1000 * i);
		unsigned int u = 4000000000u + (unsigned)i;
		long l = -(1L << 40) * i;
		STAP_PROBE4(demo, widths, c, s, u, l);
		printf("widths %d %d %u %ld\n", c, s, u, l);
		if (ENABLED(guarded)) {
			guarded++;
			STAP_PROBE1(demo, guarded, i);
		}
		visit(&items[i % 3]);
	}
	STAP_PROBE(demo, done);
	printf("guarded %d\n", guarded);
	return 0;
}
