/* syscall_seq.c: a known sequence of system calls for the syscall.* tapset tests (kmod guest.sh, cli
 * SyscallProbeCommandTest): each call's arguments are fixed, so argstr and retstr are known. */
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct timespec ts = { 0, 1000000 };
	static char buf[64];   /* -static -no-pie: a fixed address in argstr */
	int fd = openat(AT_FDCWD, "/tmp/stapvm-syscall-seq", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(fd, "hello\n\tworld \"q\"\n", 17);
	close(fd);
	fd = open("/tmp/stapvm-syscall-seq", O_RDONLY | O_CLOEXEC);
	read(fd, buf, 5);
	close(fd);
	unlink("/tmp/stapvm-syscall-seq");
	open("/nonexistent/stapvm", O_RDONLY);
	nanosleep(&ts, NULL);
	clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL);
	void *p = mmap((void *)0x200000000, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	mprotect(p, 4096, PROT_READ);
	munmap(p, 8192);
	kill(-99999, SIGUSR1);
	access("/nonexistent/stapvm", R_OK | W_OK);
	dup2(1, 9);
	close(9);
	return 3;
}
