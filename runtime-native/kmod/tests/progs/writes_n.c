/* writes_n.c: writes 1, 2, ... N bytes to /dev/null, one write(2) each, so a kretprobe on ksys_write
 * sees each call's count at entry and the same count returned. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static char buf[4096];
	long n = argc > 1 ? atol(argv[1]) : 0;
	int fd = open("/dev/null", O_WRONLY);
	if (fd < 0) return 1;
	for (long k = 1; k <= n && k <= (long)sizeof buf; k++)
		if (write(fd, buf, (size_t)k) != k) return 1;
	return 0;
}
