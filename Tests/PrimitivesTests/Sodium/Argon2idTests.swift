import Primitives
import Testing
import TestVectors

struct Argon2idTests {
    struct DeriveFile: Decodable { let vectors: [DeriveVector] }
    struct DeriveVector: Decodable {
        let passwd_hex, salt_hex, group: String
        let outlen, opslimit, memlimit_bytes, index: Int
        let expected_hex: String?
    }

    struct VerifyFile: Decodable { let vectors: [VerifyVector] }
    struct VerifyVector: Decodable {
        let password, encoded: String
        let libsodium_str_verify_expected_ok: Bool
    }

    @Test("every libsodium crypto_pwhash Argon2id vector derives its key, or fails where expected")
    func libsodiumDeriveVectors() throws {
        let file: DeriveFile = try Vectors.json("argon2/libsodium-crypto_pwhash-argon2id-vectors.json")
        #expect(file.vectors.count == 10)
        for vector in file.vectors {
            let derive = {
                try Argon2id.deriveKey(
                    password: hex(vector.passwd_hex), salt: hex(vector.salt_hex),
                    outputLength: vector.outlen,
                    parameters: Argon2id.Parameters(opsLimit: vector.opslimit, memLimit: vector.memlimit_bytes))
            }
            if let expected = vector.expected_hex {
                #expect(Hex.encode(try derive().unsafeArray) == expected, "\(vector.group)[\(vector.index)]")
            } else {
                #expect(throws: PrimitivesError.invalidInput(""), "\(vector.group)[\(vector.index)]") { try derive() }
            }
        }
    }

    @Test("every libsodium Argon2id string vector verifies exactly when libsodium's test says so")
    func libsodiumStringVectors() throws {
        let file: VerifyFile = try Vectors.json("argon2/libsodium-argon2id-str-verify-vectors.json")
        #expect(file.vectors.count == 6)
        for vector in file.vectors {
            let verdict = Argon2id.verify(hashString: vector.encoded, password: Array(vector.password.utf8))
            #expect(verdict == vector.libsodium_str_verify_expected_ok, "\(vector.encoded)")
        }
    }

    @Test("a hash string made with the interactive preset verifies its password only")
    func hashStringRoundTrip() throws {
        let password: [UInt8] = Array("correct horse battery staple".utf8)
        let encoded = try Argon2id.hashString(password: password, parameters: .interactive)
        #expect(encoded.hasPrefix("$argon2id$v=19$m=65536,t=2,p=1$"))
        #expect(Argon2id.verify(hashString: encoded, password: password))
        #expect(!Argon2id.verify(hashString: encoded, password: password.dropLast()))
        #expect(!Argon2id.verify(hashString: encoded + "\u{0}x", password: password))
        #expect(!Argon2id.verify(hashString: "not a hash", password: password))
    }

    @Test("the presets are libsodium's documented Argon2id costs")
    func presets() {
        #expect(Argon2id.Parameters.interactive.opsLimit == 2 && Argon2id.Parameters.interactive.memLimit == 64 << 20)
        #expect(Argon2id.Parameters.moderate.opsLimit == 3 && Argon2id.Parameters.moderate.memLimit == 256 << 20)
        #expect(Argon2id.Parameters.sensitive.opsLimit == 4 && Argon2id.Parameters.sensitive.memLimit == 1 << 30)
    }

    @Test("bad salts, output lengths and costs are refused with invalidInput")
    func limits() throws {
        let cheap = try Argon2id.Parameters(opsLimit: 1, memLimit: 8192)
        #expect(throws: PrimitivesError.invalidInput("")) {
            try Argon2id.deriveKey(password: [1], salt: [UInt8](repeating: 0, count: 15), outputLength: 32, parameters: cheap)
        }
        #expect(throws: PrimitivesError.invalidInput("")) {
            try Argon2id.deriveKey(password: [1], salt: [UInt8](repeating: 0, count: 16), outputLength: 15, parameters: cheap)
        }
        #expect(throws: PrimitivesError.invalidInput("")) { try Argon2id.Parameters(opsLimit: 0, memLimit: 8192) }
        #expect(throws: PrimitivesError.invalidInput("")) { try Argon2id.Parameters(opsLimit: 1, memLimit: 8191) }
        #expect(throws: PrimitivesError.invalidInput("")) { try Argon2id.Parameters(opsLimit: -1, memLimit: -1) }
    }
}
