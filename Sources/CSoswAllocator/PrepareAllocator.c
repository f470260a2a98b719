#include "CSoswAllocator.h"

// Defines __GLIBC__ where the C library is glibc.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void sosw_prepare_allocator_for_simulation(void) {
#if defined(__GLIBC__)
    // glibc gives each thread that allocates an arena of its own, and such an arena grows one page-rounded
    // mprotect at a time, with no padding (one run of the DynamoDB benchmark made 221,000 of those system
    // calls). The main arena grows by brk with M_TOP_PAD of slack, so one arena makes them a few dozen.
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_TOP_PAD, 64 << 20);
    // Without this the arena gives memory back whenever its top is free and asks for it again on the next
    // growth; a run's items come and go by the million.
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}
