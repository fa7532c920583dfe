import Foundation
import KeyCustody
import Primitives

/// A vault node's share file reader. An odd first byte writes the rest as the file as it is
/// (so the MAC check and the JSON reading run on anything); an even one reads the rest as a
/// JSON object and gives it a valid MAC under the node's key as `specs/custody-vault.md`
/// defines it, so the member checks behind the MAC are reached too. The node then reads the
/// share of account `fuzz` (its counters, then an attempt with a wrong key).
enum VaultShareHarness {
    static let account = "fuzz"
    static let directory = FuzzScratch.directory + "/vault-node"
    static let node: VaultNode = {
        do { return try VaultNode(directory: directory) } catch { fatalError("the harness cannot open its vault node: \(error)") }
    }()
    /// `BLAKE2b-256(key: nodeSecret, "chancery/vault-file-mac/v1")` (specs/custody-vault.md, keys).
    static let macKey: [UInt8] = {
        let secret = [UInt8](FileManager.default.contents(atPath: directory + "/node.secret") ?? Data())
        return (try? Hash.blake2b(Array("chancery/vault-file-mac/v1".utf8), key: secret)) ?? []
    }()
    static let sharePath = directory + "/shares/" + Hex.encode(Hash.sha256(Array(account.utf8))) + ".json"

    static func run(_ input: [UInt8]) {
        guard let (selector, bytes) = FuzzInput.selector(input) else { return }
        _ = node
        if selector % 2 == 1 {
            FuzzScratch.write(bytes, to: sharePath)
        } else {
            guard case .object(var object)? = try? JSONValue(parsing: bytes) else { return }
            object["mac"] = nil
            let mac = (try? Hash.blake2b(JCS.canonicalize(.object(object)), key: macKey)) ?? []
            object["mac"] = .string(Hex.encode(mac))
            FuzzScratch.write(JCS.canonicalize(.object(object)), to: sharePath)
        }
        guard let attempts = try? node.attempts(account: account) else { return }
        FuzzCheck.require(attempts.failed >= 0, "a failed-attempt counter is not negative")
        _ = try? node.fetchShare(account: account, userAuthKey: SecureBytes([UInt8](repeating: 7, count: 32)))
    }
}
