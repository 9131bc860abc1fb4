#include <linux/cred.h>
#include <linux/uidgid.h>
