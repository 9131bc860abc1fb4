/* add_key.c KEYRING < CERT: what `keyctl padd asymmetric "" KEYRING < CERT` does, by add_key(2), for
 * a guest whose root has no keyutils; prints the new key's serial. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	static char cert[65536];
	size_t n = fread(cert, 1, sizeof cert, stdin);
	long ring, id;
	char *end;
	if (argc != 2 || (ring = strtol(argv[1], &end, 10), *end) || n == 0 || n == sizeof cert) {
		fprintf(stderr, "usage: add_key KEYRING-SERIAL < CERT.x509\n");
		return 2;
	}
	id = syscall(SYS_add_key, "asymmetric", "", cert, n, (int)ring);
	if (id < 0) {
		perror("add_key");
		return 1;
	}
	printf("%ld\n", id);
	return 0;
}
