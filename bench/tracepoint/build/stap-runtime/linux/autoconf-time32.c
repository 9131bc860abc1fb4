#include <linux/time32.h>

struct compat_timeval tv;
