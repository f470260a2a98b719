#ifndef CSOSW_ALLOCATOR_H
#define CSOSW_ALLOCATOR_H

/// Sets the C allocator up for a process that allocates millions of small objects from one thread that is
/// not the main one (a simulation run in Swift concurrency): one arena, grown and trimmed in large steps.
/// Does nothing where the C library is not glibc. Call it before the process allocates much.
void sosw_prepare_allocator_for_simulation(void);

#endif
