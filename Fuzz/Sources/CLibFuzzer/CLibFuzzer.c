// The declaration in include/CLibFuzzer.h is all this module holds; SwiftPM wants a source file per C target.
#include "CLibFuzzer.h"
