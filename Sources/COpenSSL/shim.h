// Local shim so the module map names only system headers (OpenSSL 3's libcrypto: EVP for SM2
// and SM3, EC and BN for SM2 points and scalars).
#include <openssl/evp.h>
#include <openssl/ec.h>
#include <openssl/bn.h>
#include <openssl/params.h>
#include <openssl/obj_mac.h>
#include <openssl/err.h>
