import Foundation
import KeyCustody
import Primitives

/// A keystore path in a directory of its own, removed when the fixture is released, with the
/// cheapest Argon2id cost libsodium allows so that tests stay fast.
final class TemporaryKeystore {
    static let password = "correct horse battery staple"
    static let fastParameters = try! Argon2id.Parameters(opsLimit: 1, memLimit: 8192)

    let directory: String
    var path: String { directory + "/member.keystore.json" }

    init() throws {
        var template = Array(URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("keystore-test-XXXXXX").path.utf8CString)
        guard let created = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        directory = String(cString: created)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Creates the keystore with the test password and cost.
    func create() throws -> SoftwareCustodian {
        try SoftwareCustodian(creating: path, password: Self.password, parameters: Self.fastParameters)
    }

    /// Opens the keystore with `password`.
    func open(password: String = TemporaryKeystore.password) throws -> SoftwareCustodian {
        try SoftwareCustodian(opening: path, password: password)
    }

    /// The file's bytes.
    func content() throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// Overwrites the file in place, as damage or an attacker would (without `Data.write`, whose
    /// fsync makes the byte-flipping test take seconds).
    func overwrite(_ bytes: [UInt8]) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: bytes)
    }

    /// The file's content parsed as JSON.
    func json() throws -> JSONValue { try JSONValue(parsing: content()) }

    /// The names in the directory, to find left-over temporary files.
    func directoryListing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: directory).sorted() }
}
