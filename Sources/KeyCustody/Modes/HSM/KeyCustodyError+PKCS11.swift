internal import CPKCS11

extension KeyCustodyError {
    /// Maps a failed PKCS#11 call to the custody error a caller can act on: PIN problems become
    /// `authenticationFailed` or `lockedOut`, a vanished device `backendUnavailable`, and
    /// everything else `backendFailure`.
    /// - Parameters:
    ///   - function: the PKCS#11 function that failed, e.g. `C_Sign`.
    ///   - rv: its return value.
    ///   - context: what was being done, for the reason sentence.
    init(pkcs11 function: String, _ rv: CK_RV, _ context: String, file: String = #fileID, line: Int = #line) {
        let name = Self.pkcs11Names[rv] ?? "0x" + String(rv, radix: 16)
        let code: Code = switch rv {
        case CKR_PIN_INCORRECT, CKR_PIN_INVALID, CKR_PIN_LEN_RANGE, CKR_PIN_EXPIRED, CKR_USER_PIN_NOT_INITIALIZED:
            .authenticationFailed
        case CKR_PIN_LOCKED:
            .lockedOut
        case CKR_DEVICE_REMOVED, CKR_TOKEN_NOT_PRESENT, CKR_TOKEN_NOT_RECOGNIZED, CKR_SLOT_ID_INVALID,
             CKR_DEVICE_ERROR, CKR_DEVICE_MEMORY, CKR_CRYPTOKI_NOT_INITIALIZED:
            .backendUnavailable
        default:
            .backendFailure
        }
        self.init(code, "\(context) failed: \(function) returned \(name).", file: file, line: line)
    }

    /// Names of the return values an operator is likely to meet, so reasons read `CKR_PIN_LOCKED`
    /// rather than a number.
    private static let pkcs11Names: [CK_RV: String] = [
        CKR_PIN_INCORRECT: "CKR_PIN_INCORRECT", CKR_PIN_INVALID: "CKR_PIN_INVALID",
        CKR_PIN_LEN_RANGE: "CKR_PIN_LEN_RANGE", CKR_PIN_EXPIRED: "CKR_PIN_EXPIRED",
        CKR_PIN_LOCKED: "CKR_PIN_LOCKED", CKR_USER_PIN_NOT_INITIALIZED: "CKR_USER_PIN_NOT_INITIALIZED",
        CKR_USER_ALREADY_LOGGED_IN: "CKR_USER_ALREADY_LOGGED_IN", CKR_USER_NOT_LOGGED_IN: "CKR_USER_NOT_LOGGED_IN",
        CKR_DEVICE_REMOVED: "CKR_DEVICE_REMOVED", CKR_DEVICE_ERROR: "CKR_DEVICE_ERROR",
        CKR_DEVICE_MEMORY: "CKR_DEVICE_MEMORY", CKR_TOKEN_NOT_PRESENT: "CKR_TOKEN_NOT_PRESENT",
        CKR_TOKEN_NOT_RECOGNIZED: "CKR_TOKEN_NOT_RECOGNIZED", CKR_SLOT_ID_INVALID: "CKR_SLOT_ID_INVALID",
        CKR_CRYPTOKI_NOT_INITIALIZED: "CKR_CRYPTOKI_NOT_INITIALIZED", CKR_GENERAL_ERROR: "CKR_GENERAL_ERROR",
        CKR_FUNCTION_FAILED: "CKR_FUNCTION_FAILED", CKR_ARGUMENTS_BAD: "CKR_ARGUMENTS_BAD",
        CKR_ATTRIBUTE_SENSITIVE: "CKR_ATTRIBUTE_SENSITIVE", CKR_ATTRIBUTE_TYPE_INVALID: "CKR_ATTRIBUTE_TYPE_INVALID",
        CKR_ATTRIBUTE_VALUE_INVALID: "CKR_ATTRIBUTE_VALUE_INVALID", CKR_TEMPLATE_INCOMPLETE: "CKR_TEMPLATE_INCOMPLETE",
        CKR_TEMPLATE_INCONSISTENT: "CKR_TEMPLATE_INCONSISTENT", CKR_DOMAIN_PARAMS_INVALID: "CKR_DOMAIN_PARAMS_INVALID",
        CKR_CURVE_NOT_SUPPORTED: "CKR_CURVE_NOT_SUPPORTED", CKR_MECHANISM_INVALID: "CKR_MECHANISM_INVALID",
        CKR_KEY_HANDLE_INVALID: "CKR_KEY_HANDLE_INVALID", CKR_OBJECT_HANDLE_INVALID: "CKR_OBJECT_HANDLE_INVALID",
        CKR_KEY_TYPE_INCONSISTENT: "CKR_KEY_TYPE_INCONSISTENT", CKR_KEY_FUNCTION_NOT_PERMITTED: "CKR_KEY_FUNCTION_NOT_PERMITTED",
        CKR_SESSION_HANDLE_INVALID: "CKR_SESSION_HANDLE_INVALID", CKR_SESSION_COUNT: "CKR_SESSION_COUNT",
        CKR_SESSION_READ_ONLY: "CKR_SESSION_READ_ONLY", CKR_TOKEN_WRITE_PROTECTED: "CKR_TOKEN_WRITE_PROTECTED",
        CKR_BUFFER_TOO_SMALL: "CKR_BUFFER_TOO_SMALL", CKR_DATA_LEN_RANGE: "CKR_DATA_LEN_RANGE",
        CKR_FUNCTION_NOT_SUPPORTED: "CKR_FUNCTION_NOT_SUPPORTED", CKR_CRYPTOKI_ALREADY_INITIALIZED: "CKR_CRYPTOKI_ALREADY_INITIALIZED",
    ]
}
