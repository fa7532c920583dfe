package import Foundation

/// Loads published test vectors from `specs/vectors/` of this repository, found by walking up
/// from this source file, so tests run from any working directory on a fresh clone.
package enum Vectors {
    package static let root: URL = {
        var dir = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("specs/vectors")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        fatalError("specs/vectors not found above \(#filePath)")
    }()

    /// The bytes of `specs/vectors/<path>`.
    package static func data(_ path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path))
    }

    /// The text of `specs/vectors/<path>`.
    package static func text(_ path: String) throws -> String {
        String(decoding: try data(path), as: UTF8.self)
    }

    /// `specs/vectors/<path>` decoded as JSON into `T`.
    package static func json<T: Decodable>(_ path: String, as type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(T.self, from: try data(path))
    }
}
