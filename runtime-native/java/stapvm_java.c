/* The JNI hook of java() probes: the agent's rewritten methods call Hook.fire(slot, args, ret),
 * which fires SDT mark stapvm_java:method__SLOT with the arguments' toString() (and the return
 * value's) as C strings, so the ptrace engine and stapvm.ko fire java() probes as plain marks.
 * Each mark has a semaphore: Hook.armed(slot) reads it, so the JVM does no string work for a
 * slot no tracer is attached to. A typed argument (Hook.java: an integral one the point's
 * signature names) comes as a number instead: the mark passes the number itself. */
#define _SDT_HAS_SEMAPHORES 1
#include <jni.h>
#include <stdint.h>
#include <sys/sdt.h>
#include "stapvm_java.h"

/* one semaphore per mark, in the section sdt.h's notes point into */
#define SEMAPHORE(k) __extension__ unsigned short stapvm_java_method__##k##_semaphore __attribute__((unused, section(".probes")));
STAPVM_JAVA_SLOTS(SEMAPHORE)

static volatile unsigned short *const semaphores[STAPVM_JAVA_NSLOTS] = {
#define SEMAPHORE_REF(k) &stapvm_java_method__##k##_semaphore,
	STAPVM_JAVA_SLOTS(SEMAPHORE_REF)
};

JNIEXPORT jboolean JNICALL Java_org_stapvm_agent_Hook_armed(JNIEnv *env, jclass cls, jint slot)
{
	(void)env, (void)cls;
	return slot >= 0 && slot < STAPVM_JAVA_NSLOTS && *semaphores[slot] != 0;
}

JNIEXPORT void JNICALL Java_org_stapvm_agent_Hook_fire(JNIEnv *env, jclass cls, jint slot, jobjectArray args, jstring ret,
							 jlongArray numbers)
{
	const char *a[STAPVM_JAVA_NARGS], *r = "";
	jstring js[STAPVM_JAVA_NARGS] = { 0 };
	jlong num[STAPVM_JAVA_NARGS] = { 0 };
	jsize n = args ? (*env)->GetArrayLength(env, args) : 0;
	(void)cls;
	if (n > STAPVM_JAVA_NARGS)
		n = STAPVM_JAVA_NARGS;
	if (numbers && (*env)->GetArrayLength(env, numbers) >= STAPVM_JAVA_NARGS)
		(*env)->GetLongArrayRegion(env, numbers, 0, STAPVM_JAVA_NARGS, num);
	for (int i = 0; i < STAPVM_JAVA_NARGS; i++) {
		a[i] = "";
		if (i < n && (js[i] = (*env)->GetObjectArrayElement(env, args, i))) {
			if (!(a[i] = (*env)->GetStringUTFChars(env, js[i], 0)))
				a[i] = "";   /* out of memory: an OutOfMemoryError is pending, the probe still fires */
		} else if (i < n && numbers) {
			a[i] = (const char *)(intptr_t)num[i];   /* a typed argument: the number is the mark's argument */
		}
	}
	if (ret && !(r = (*env)->GetStringUTFChars(env, ret, 0)))
		r = "";
	switch (slot) {
#define FIRE(k) case k: STAP_PROBE11(stapvm_java, method__##k, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], r); break;
	STAPVM_JAVA_SLOTS(FIRE)
	default: break;
	}
	for (int i = 0; i < n; i++) {
		if (js[i] && *a[i])
			(*env)->ReleaseStringUTFChars(env, js[i], a[i]);
		if (js[i])
			(*env)->DeleteLocalRef(env, js[i]);
	}
	if (ret && *r)
		(*env)->ReleaseStringUTFChars(env, ret, r);
}
