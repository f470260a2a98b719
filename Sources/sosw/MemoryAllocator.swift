import CSoswAllocator

/// The C allocator's settings for this process, made before any command runs: a simulation allocates millions
/// of small objects from one thread that is not the main one, which glibc serves badly by default (see
/// `sosw_prepare_allocator_for_simulation`). Measured on the DynamoDB benchmark: 221,000 `mprotect` calls
/// during a million puts before, a few dozen `brk` calls after.
enum MemoryAllocator {
    static func prepareForSimulation() {
        sosw_prepare_allocator_for_simulation()
    }
}
