/* java_arm.h: stapvm-run arming the stapvm agent of a JVM for a module's java() probes (java_arm.c).
 * text/len: the module's java section ("agent\tJAR", "lib\tHOOKLIB", then the sites, a line each);
 * $STAPVM_JAVA_AGENT overrides the jar's path. 0, or -1 with why in err. */
#ifndef STAPVM_JAVA_ARM_H
#define STAPVM_JAVA_ARM_H
#include <stddef.h>
#include <sys/types.h>

int svm_java_arm(pid_t pid, const char *text, size_t len, char *err, size_t errlen);
int svm_java_disarm(pid_t pid, const char *text, size_t len, char *err, size_t errlen);

#endif
