import Foundation
import KeyCustody
import Testing

extension TemporaryKeystore {
    /// A keystore holding two generated keys, `a` and `b`.
    static func withTwoKeys() throws -> TemporaryKeystore {
        let store = try TemporaryKeystore()
        let custodian = try store.create()
        try custodian.generateKey(name: "a")
        try custodian.generateKey(name: "b")
        return store
    }

    /// Opens the (damaged) keystore expecting an error, and checks that the file is unchanged.
    func openingError(password: String = TemporaryKeystore.password) throws -> KeyCustodyError? {
        let before = try content()
        let error = #expect(throws: KeyCustodyError.self) { try open(password: password) }
        #expect(try content() == before)
        return error
    }

    /// The file's content with `target` (which must occur) replaced.
    func content(replacing target: String, with replacement: String) throws -> [UInt8] {
        let text = String(decoding: try content(), as: UTF8.self)
        precondition(text.contains(target), "fixture text not found: \(target)")
        return Array(text.replacingOccurrences(of: target, with: replacement).utf8)
    }
}
