#ifndef C_LIB_FUZZER_H
#define C_LIB_FUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in clang's runtime, linked by `-sanitize=fuzzer`): parses libFuzzer's command line and
/// calls `test_one_input` once per input. Calling it from an ordinary `main` keeps the executables normal
/// SwiftPM executables instead of relying on libFuzzer's own `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test_one_input)(const uint8_t *data, size_t size));

#endif
