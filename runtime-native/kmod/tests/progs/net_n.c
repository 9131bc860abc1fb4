/* net_n.c: N UDP datagrams of 1..N bytes from a socket connected to 127.0.0.1:7001 to one bound there,
 * each received, then one TCP connection to 127.0.0.1:7002 carrying 5 bytes: a known sequence for
 * the udp.*, tcp.* and netdev.* families. It brings the loopback device up first (the guest's
 * init leaves it down). */
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

static struct sockaddr_in loopback(int port)
{
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

static int lo_up(void)
{
	struct ifreq ifr;
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "lo");
	if (s < 0 || ioctl(s, SIOCGIFFLAGS, &ifr) < 0) return -1;
	ifr.ifr_flags |= IFF_UP;
	int r = ioctl(s, SIOCSIFFLAGS, &ifr);
	close(s);
	return r;
}

int main(int argc, char **argv)
{
	static char buf[256];
	long n = argc > 1 ? atol(argv[1]) : 0;
	if (lo_up() < 0) return 1;
	struct sockaddr_in u = loopback(7001), t = loopback(7002);
	int rx = socket(AF_INET, SOCK_DGRAM, 0), tx = socket(AF_INET, SOCK_DGRAM, 0);
	if (rx < 0 || tx < 0 || bind(rx, (struct sockaddr *)&u, sizeof u) < 0
	    || connect(tx, (struct sockaddr *)&u, sizeof u) < 0) return 1;
	for (long k = 1; k <= n && k <= (long)sizeof buf; k++)
		if (send(tx, buf, (size_t)k, 0) != k || recv(rx, buf, sizeof buf, 0) != k) return 1;
	int ls = socket(AF_INET, SOCK_STREAM, 0), c = socket(AF_INET, SOCK_STREAM, 0), one = 1;
	setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (ls < 0 || c < 0 || bind(ls, (struct sockaddr *)&t, sizeof t) < 0 || listen(ls, 1) < 0
	    || connect(c, (struct sockaddr *)&t, sizeof t) < 0) return 1;
	int a = accept(ls, NULL, NULL);
	if (a < 0 || send(c, "hello", 5, 0) != 5 || recv(a, buf, 5, MSG_WAITALL) != 5) return 1;
	return 0;
}
