#include <linux/compat.h>

struct compat_utimbuf tb;
