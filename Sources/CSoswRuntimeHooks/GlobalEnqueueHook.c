// The Swift runtime exports `swift_task_enqueueGlobal_hook` so that a host can see jobs headed for the global
// concurrent executor. A simulator uses it to catch `Task {}` and `Task.detached` started on its own thread:
// such a job is adopted into the simulator (and reported in strict mode) instead of escaping to a real thread.
#include "CSoswRuntimeHooks.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

typedef struct SwiftJob SwiftJob;
typedef void (*sosw_enqueue_global_original)(SwiftJob *job) __attribute__((swiftcall));
typedef void (*sosw_enqueue_global_hook)(SwiftJob *job, sosw_enqueue_global_original original)
    __attribute__((swiftcall));

extern sosw_enqueue_global_hook swift_task_enqueueGlobal_hook;

static _Atomic(sosw_global_job_observer) installed_observer;
static sosw_enqueue_global_hook previous_hook;
static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static _Thread_local void *thread_job_context;

__attribute__((swiftcall)) static void sosw_enqueue_global(SwiftJob *job, sosw_enqueue_global_original original) {
    void *context = thread_job_context;
    sosw_global_job_observer observer = atomic_load(&installed_observer);
    if (context != NULL && observer != NULL && observer(context, job)) {
        return;
    }
    if (previous_hook != NULL) {
        previous_hook(job, original);
    } else {
        original(job);
    }
}

static void install_hook(void) {
    previous_hook = swift_task_enqueueGlobal_hook;
    swift_task_enqueueGlobal_hook = sosw_enqueue_global;
}

void sosw_install_global_enqueue_hook(sosw_global_job_observer observer) {
    atomic_store(&installed_observer, observer);
    pthread_once(&install_once, install_hook);
}

void sosw_set_thread_job_context(void *context) {
    thread_job_context = context;
}
