// Local shim so the module map names only system headers.
#include <sodium.h>
