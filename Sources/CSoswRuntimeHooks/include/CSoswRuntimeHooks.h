#ifndef CSOSW_RUNTIME_HOOKS_H
#define CSOSW_RUNTIME_HOOKS_H

#include <stdbool.h>

/// Decides about one job that the Swift runtime is about to send to the global concurrent executor.
/// Returns true when it took the job (a simulator adopted it), false to let the runtime schedule it as usual.
typedef bool (*sosw_global_job_observer)(void *_Nonnull context, void *_Nonnull job);

/// Installs, once per process, a hook on the runtime's global enqueue. The hook asks `observer` only on a
/// thread that has set a context with `sosw_set_thread_job_context`; every other thread is untouched.
void sosw_install_global_enqueue_hook(sosw_global_job_observer _Nonnull observer);

/// Sets (or, with NULL, clears) the calling thread's context: the simulator this thread is driving.
void sosw_set_thread_job_context(void *_Nullable context);

#endif
