// Local shim so the module map names only system headers.
#include <p11-kit/pkcs11.h>
