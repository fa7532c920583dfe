public import Primitives

extension AddressAssociation {
    /// Opens a sealed association with the auditor's private key.
    /// - Parameters:
    ///   - box: the output of ``sealed(to:)``.
    ///   - auditor: the auditor's X25519 private key.
    /// - Throws: `KeyCustodyError.authenticationFailed` when the box was sealed to another key
    ///   or altered; `.invalidInput` when its plaintext is not a canonical association.
    public init(opening box: [UInt8], with auditor: X25519PrivateKey) throws {
        guard let plaintext = try? SealedBox.open(box, with: auditor) else {
            throw KeyCustodyError(.authenticationFailed, "The address association does not open with this auditor key (sealed to another key, or altered).")
        }
        let failure = { @Sendable (detail: String) in
            KeyCustodyError(.invalidInput, "The opened address association is malformed: \(detail).")
        }
        guard let value = try? JSONValue(parsing: plaintext) else { throw failure("it is not JSON") }
        let json = try StrictJSONObject(value, members: ["member", "addresses", "time"], context: "the association", failure: failure)
        let addresses = try json.array("addresses").map { text in
            guard let text = text.stringValue, let address = try? EthereumAddress(parsing: text), address.description == text else {
                throw failure("an address is not EIP-55 text")
            }
            return address
        }
        let time = try json.integer("time", in: 0...Int(Self.maxTime))
        try self.init(memberHandle: json.hex("member", count: 32), addresses: addresses, time: UInt64(time))
        // One association, one plaintext: a sealer that did not canonicalize is refused.
        guard canonicalJSON == plaintext else { throw failure("it is not in JCS canonical form") }
    }
}
