import Foundation

/// The one SoftHSM2 configuration and token directory of the test process, with its tokens.
///
/// `SOFTHSM2_CONF` is process-global and Swift Testing runs tests in parallel in one process,
/// so every test shares this directory. SoftHSM2 sees only the tokens that exist when
/// `C_Initialize` runs, so all tokens are made here, before any test can load the module, and
/// handed out one per test. Removed when the process exits.
///
/// `@unchecked Sendable` because the only mutable state, `handedOut`, is guarded by `lock`.
final class SoftHSMEnvironment: @unchecked Sendable {
    /// How many tokens the test process may use; raise it when adding tests that need one.
    static let tokenCount = 16

    /// The shared environment, or why it could not be made.
    static let shared = Result { try SoftHSMEnvironment() }

    /// SoftHSM2's PKCS#11 module as Debian installs it; reach it through `shared` so the
    /// configuration is in place before the module is loaded.
    let modulePath = "/usr/lib/softhsm/libsofthsm2.so"
    /// The temporary directory holding the configuration and the tokens.
    let directory: URL
    /// The labels of the prepared tokens.
    let labels: [String]

    private let lock = NSLock()
    private var handedOut = 0

    private init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-softhsm-\(UUID().uuidString)")
        let tokens = directory.appendingPathComponent("tokens")
        try FileManager.default.createDirectory(at: tokens, withIntermediateDirectories: true)
        let configuration = directory.appendingPathComponent("softhsm2.conf")
        try """
        directories.tokendir = \(tokens.path)
        objectstore.backend = file
        log.level = ERROR
        """.write(to: configuration, atomically: true, encoding: .utf8)
        setenv("SOFTHSM2_CONF", configuration.path, 1)
        atexit { SoftHSMEnvironment.removeDirectory() }
        labels = (0..<Self.tokenCount).map { "chancery-test-\($0)" }
        for label in labels {
            try Self.runUtility(["--init-token", "--free", "--label", label,
                                 "--so-pin", SoftHSMToken.soPIN, "--pin", SoftHSMToken.userPIN])
        }
    }

    /// The label of a prepared token no other test has been given.
    /// - Throws: when all `tokenCount` tokens are taken.
    func unusedTokenLabel() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        guard handedOut < labels.count else { throw SoftHSMSetupError("All \(labels.count) test tokens are in use; raise SoftHSMEnvironment.tokenCount.") }
        handedOut += 1
        return labels[handedOut - 1]
    }

    private static func runUtility(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/softhsm2-util")
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw SoftHSMSetupError("softhsm2-util \(arguments.prefix(4).joined(separator: " ")) failed: \(message)")
        }
    }

    private static func removeDirectory() {
        if case .success(let environment) = shared {
            try? FileManager.default.removeItem(at: environment.directory)
        }
    }
}

/// The SoftHSM2 test environment could not be prepared.
struct SoftHSMSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
