import Primitives

/// The password-to-key step of a keystore: Argon2id with the file's salt and cost, bounded so
/// that an altered file cannot make opening it allocate without limit.
struct KeystoreKDF: Sendable {
    static let algorithm = "argon2id"
    /// Passes a reader accepts; `.sensitive` uses 4.
    static let opsLimits = 1...16
    /// Memory a reader accepts, in bytes: libsodium's minimum up to `.sensitive`'s 1 GiB.
    static let memLimits = 8192...(1 << 30)

    let salt: [UInt8]
    let parameters: Argon2id.Parameters

    /// A fresh salt with the given cost, for a new keystore.
    /// - Throws: `KeyCustodyError.invalidInput` for a cost outside the limits a reader accepts.
    init(parameters: Argon2id.Parameters) throws {
        guard Self.accepts(opsLimit: parameters.opsLimit, memLimit: parameters.memLimit) else {
            throw KeyCustodyError(
                .invalidInput,
                "A keystore needs an Argon2id opsLimit from 1 to 16 and a memLimit from 8 KiB to 1 GiB in whole KiB.")
        }
        salt = SecureRandom.bytes(count: Argon2id.saltLength)
        self.parameters = parameters
    }

    /// Reads the `kdf` object of a keystore file.
    /// - Throws: the reader's error when a member is missing, malformed or out of bounds.
    init(_ json: StrictJSONObject, failure: (String) -> KeyCustodyError) throws {
        guard try json.string("algorithm") == Self.algorithm else { throw failure("the kdf algorithm is not argon2id") }
        salt = try json.hex("salt", count: Argon2id.saltLength)
        let ops = try json.integer("opsLimit", in: Self.opsLimits)
        let memory = try json.integer("memLimit", in: Self.memLimits)
        // Argon2id counts memory in KiB; a remainder would give two spellings of one key.
        guard Self.accepts(opsLimit: ops, memLimit: memory),
              let parameters = try? Argon2id.Parameters(opsLimit: ops, memLimit: memory) else {
            throw failure("the kdf memLimit is not a whole number of KiB")
        }
        self.parameters = parameters
    }

    static let members: Set<String> = ["algorithm", "salt", "opsLimit", "memLimit"]

    var json: JSONValue {
        .object(JSONObject([
            ("algorithm", .string(Self.algorithm)),
            ("salt", .string(Hex.encode(salt))),
            ("opsLimit", .number(Double(parameters.opsLimit))),
            ("memLimit", .number(Double(parameters.memLimit))),
        ]))
    }

    /// Derives the 32-byte file key.
    /// - Throws: `KeyCustodyError.invalidInput` for an over-long password,
    ///   `.backendFailure` when the memory cannot be allocated.
    func fileKey(password: SecureBytes) throws -> SecureBytes {
        do {
            return try password.withUnsafeBytes { password in
                try Argon2id.deriveKey(
                    password: password, salt: salt, outputLength: XChaCha20Poly1305.keyLength, parameters: parameters)
            }
        } catch let error as PrimitivesError where error.code == .invalidInput {
            throw KeyCustodyError(.invalidInput, "The keystore password is longer than Argon2id accepts.")
        } catch {
            throw KeyCustodyError(.backendFailure, "Argon2id could not derive the keystore key (out of memory?).")
        }
    }

    private static func accepts(opsLimit: Int, memLimit: Int) -> Bool {
        opsLimits.contains(opsLimit) && memLimits.contains(memLimit) && memLimit % 1024 == 0
    }
}
