/* fuzz_load.c: stapvm.ko's LOAD ioctl under mutated modules (runs in the guest): every input is either
 * rejected with a message or loads, starts, stops and reaches the end of its session in bounded time.
 * usage: fuzz_load SEED_DIR COUNT [RNG_SEED]; ends "fuzz_load: 1 passed, 0 failed" (the guest harness
 * checks dmesg for oops/BUG/WARN). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include "../../vm/tests/mutate.h"
#include "../stapvm_ioctl.h"

#define SESSION_END_MS 10000   /* START to EOF after STOP; longer is a hang */

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int failed(long i, const char *what)
{
	printf("fuzz_load: input %ld: %s\nfuzz_load: 0 passed, 1 failed\n", i, what);
	return 1;
}

/* 0: rejected cleanly; 1: loaded and ran to its end; -1: a failure (printed) */
static int one(long i, const uint8_t *buf, size_t n)
{
	static char out[1 << 20];
	char err[512] = "";
	struct stapvm_ioc_load l = { (uintptr_t)buf, n, (uintptr_t)err, sizeof err, 0 };
	int fd = open("/dev/stapvm", O_RDWR | O_CLOEXEC | O_NONBLOCK), rc = 1;
	int64_t deadline;
	if (fd < 0) return failed(i, "cannot open /dev/stapvm"), -1;
	if (ioctl(fd, STAPVM_IOC_LOAD, &l)) {
		rc = errno == EINVAL && err[0] ? 0 : -1;
		if (rc) failed(i, errno == EINVAL ? "rejected without a message" : strerror(errno));
		close(fd);
		return rc;
	}
	if (ioctl(fd, STAPVM_IOC_START) || ioctl(fd, STAPVM_IOC_STOP)) {
		close(fd);
		return failed(i, "START/STOP failed"), -1;
	}
	for (deadline = now_ms() + SESSION_END_MS;;) {
		struct pollfd p = { fd, POLLIN, 0 };
		ssize_t r;
		poll(&p, 1, 50);
		r = read(fd, out, sizeof out);
		if (r == 0) break;
		if (r < 0 && errno != EAGAIN && errno != EINTR) { rc = -1; failed(i, strerror(errno)); break; }
		if (now_ms() > deadline) { rc = -1; failed(i, "the session did not end within 10 s of STOP"); break; }
	}
	close(fd);
	return rc;
}

int main(int argc, char **argv)
{
	static uint8_t buf[MAXLEN];
	long count, loaded = 0;
	int64_t t0 = now_ms();
	if (argc < 3) { fprintf(stderr, "usage: fuzz_load SEED_DIR COUNT [RNG_SEED]\n"); return 2; }
	count = atol(argv[2]);
	if (argc > 3) rng ^= strtoull(argv[3], 0, 0) * 0x9e3779b97f4a7c15ull;
	load_seeds(argv[1]);
	if (!nseeds) return failed(0, "no seed modules");
	for (long i = 0; i < count; i++) {
		uint64_t at = rng;
		int r = one(i, buf, mutate(buf));
		if (r < 0) { printf("fuzz_load: rng state before it: 0x%llx\n", (unsigned long long)at); return 1; }
		loaded += r;
	}
	printf("fuzz_load: %ld inputs, %ld loaded and ran, %ld rejected, %d seeds, %lld ms\n", count, loaded,
	       count - loaded, nseeds, (long long)(now_ms() - t0));
	printf("fuzz_load: 1 passed, 0 failed\n");
	return 0;
}
