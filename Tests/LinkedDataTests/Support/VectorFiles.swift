import Foundation
import Primitives

/// Reads the published suites copied into `Tests/LinkedDataTests/Vectors/`, found from this
/// source file so tests run from any working directory.
enum VectorFiles {
    static let root: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Vectors")

    /// The text of `Vectors/<path>`.
    static func text(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
    }

    /// `Vectors/<path>` parsed as JSON.
    static func json(_ path: String) throws -> JSONValue {
        try JSONValue(parsing: Array(try Data(contentsOf: root.appendingPathComponent(path))))
    }

    /// The repository's `specs/vectors` folder (published vectors shared by all test targets).
    static let specs: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("specs/vectors")

    /// The text of `specs/vectors/<path>`.
    static func specText(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: specs.appendingPathComponent(path)), as: UTF8.self)
    }

    /// The files of `specs/vectors/<path>`.
    static func specFiles(_ path: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: specs.appendingPathComponent(path).path)) ?? []
    }

    /// Whether `Vectors/<path>` exists.
    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }
}
