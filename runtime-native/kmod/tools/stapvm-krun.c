/* stapvm-krun.c: runs one compiled module on stapvm.ko (kernel_run.c); the kernel-only loader the guest tests use.
 * usage: stapvm-krun [-o FILE] [-T SECONDS] [-c CMD | -x PID] [-v] [-d DEVICE] MODULE.stpb */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "../../user/kernel_run.h"

static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *b = NULL;
	long n;
	if (!f) return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 && (b = malloc(n ? n : 1)))
		*len = fread(b, 1, n, f);
	fclose(f);
	return b;
}

int main(int argc, char **argv)
{
	struct krun_opts o = { 0 };
	uint8_t *bytes;
	size_t len = 0;
	int c;
	while ((c = getopt(argc, argv, "o:T:c:x:vd:")) != -1) {
		switch (c) {
		case 'o': o.output_file = optarg; break;
		case 'T': o.timeout_ms = strtoll(optarg, NULL, 10) * 1000; break;
		case 'c': o.target_cmd = optarg; break;
		case 'x': o.target_pid = atoi(optarg); break;
		case 'v': o.verbose++; break;
		case 'd': o.device = optarg; break;
		default: fprintf(stderr, "usage: %s [-o FILE] [-T SECONDS] [-c CMD | -x PID] [-v] [-d DEVICE] MODULE\n", argv[0]); return 2;
		}
	}
	if (optind != argc - 1) { fprintf(stderr, "usage: %s [options] MODULE\n", argv[0]); return 2; }
	if (!(bytes = slurp(argv[optind], &len))) { perror(argv[optind]); return 1; }
	c = stapvm_kernel_run(bytes, len, &o);
	free(bytes);
	return c;
}
