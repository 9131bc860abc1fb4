#include <linux/uaccess.h>

