/* opens_n.c: opens known paths with known flags (static: no loader opens of its own), for the
 * kernel $var tests on do_sys_openat2: /dev/null read-only, /dev/null append + close-on-exec, and a
 * path that does not exist. */
#include <fcntl.h>

int main(void)
{
	int a = open("/dev/null", O_RDONLY);
	int b = open("/dev/null", O_WRONLY | O_APPEND | O_CLOEXEC);
	int c = openat(AT_FDCWD, "/nonexistent-stapvm", O_RDONLY);
	return a == 3 && b == 4 && c == -1 ? 0 : 1;
}
