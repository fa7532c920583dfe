internal import CSodium

extension Argon2id {
    /// The cost of an Argon2id computation: passes over memory and memory in bytes.
    public struct Parameters: Hashable, Sendable {
        /// The number of passes (Argon2's t), at least 1.
        public let opsLimit: Int
        /// The memory to fill, in bytes (Argon2's m is this divided by 1024), at least 8 KiB.
        public let memLimit: Int

        /// Custom costs, checked against libsodium's limits.
        /// - Parameters:
        ///   - opsLimit: the number of passes, at least 1.
        ///   - memLimit: the memory in bytes, at least 8192.
        /// - Throws: `PrimitivesError.invalidInput` if either is outside libsodium's limits.
        public init(opsLimit: Int, memLimit: Int) throws {
            let ops = crypto_pwhash_argon2id_opslimit_min()...crypto_pwhash_argon2id_opslimit_max()
            let memory = crypto_pwhash_argon2id_memlimit_min()...crypto_pwhash_argon2id_memlimit_max()
            guard ops.contains(opsLimit) else {
                throw PrimitivesError.invalidInput("The Argon2id opsLimit must be between \(ops.lowerBound) and \(ops.upperBound).")
            }
            guard memory.contains(memLimit) else {
                throw PrimitivesError.invalidInput("The Argon2id memLimit must be at least \(memory.lowerBound) bytes.")
            }
            self.init(checkedOps: opsLimit, memory: memLimit)
        }

        private init(checkedOps: Int, memory: Int) {
            opsLimit = checkedOps
            memLimit = memory
        }

        /// libsodium's cost for online logins: 2 passes, 64 MiB.
        public static var interactive: Self {
            Self(checkedOps: crypto_pwhash_argon2id_opslimit_interactive(),
                 memory: crypto_pwhash_argon2id_memlimit_interactive())
        }

        /// libsodium's middle cost: 3 passes, 256 MiB.
        public static var moderate: Self {
            Self(checkedOps: crypto_pwhash_argon2id_opslimit_moderate(),
                 memory: crypto_pwhash_argon2id_memlimit_moderate())
        }

        /// libsodium's cost for rarely derived, high-value keys: 4 passes, 1 GiB.
        public static var sensitive: Self {
            Self(checkedOps: crypto_pwhash_argon2id_opslimit_sensitive(),
                 memory: crypto_pwhash_argon2id_memlimit_sensitive())
        }
    }
}
