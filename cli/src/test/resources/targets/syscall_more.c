/* syscall_more.c: a known sequence of socket, pipe, epoll, eventfd, fcntl and futex calls for
 * SyscallProbeCommandTest; each call's arguments are fixed, so argstr and retstr are known. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

static int word;   /* -static -no-pie: a fixed address in futex's argstr */

int main(void)
{
	int fds[2] = { -1, -1 };
	struct sockaddr_un un = { AF_UNIX, "/nonexistent/stapvm.sock" };
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(9), .sin_addr.s_addr = htonl(0x7f000001) };
	struct sockaddr_in6 in6 = { .sin6_family = AF_INET6, .sin6_port = htons(53) };
	int s = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0), e;
	in6.sin6_addr.s6_addr[15] = 1;
	sendto(s, "hello", 5, MSG_DONTWAIT, (struct sockaddr *)&un, sizeof un);
	connect(s, (struct sockaddr *)&in, sizeof in);
	connect(s, (struct sockaddr *)&in6, sizeof in6);
	shutdown(s, SHUT_RDWR);
	pipe2(fds, O_CLOEXEC);
	syscall(SYS_fcntl, fds[0], F_GETFD, 0);
	e = epoll_create1(EPOLL_CLOEXEC);
	epoll_ctl(e, EPOLL_CTL_DEL, fds[0], NULL);
	eventfd(3, EFD_NONBLOCK);
	syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	syscall(SYS_futex, &word, FUTEX_WAIT, 1, NULL, NULL, 0);
	return 0;
}
