package import Chain
package import Foundation
import Primitives

/// The membership requests a node holds until the committee admits their applicants: one
/// JSON file per applicant in `membership-requests/` of the data directory, named by its
/// member handle and written atomically. Names stay here and never reach the chain.
package struct MembershipRequestStore: Sendable {
    /// The requests' directory.
    package let url: URL

    /// The store of the data directory at `directory`.
    package init(directory: URL) { url = directory.appendingPathComponent("membership-requests") }

    /// Keeps a request. A request for the same handle already on file is kept as it was.
    /// - Returns: the request on file and when it was filed.
    /// - Throws: `ChainError.alreadyExists` when another handle's pending request has the same name;
    ///   `NodeError` when the file cannot be written.
    package func file(_ request: MembershipRequest, now: UInt64) throws -> (request: MembershipRequest, filedAt: UInt64) {
        let entries = try all()
        if let existing = entries.first(where: { $0.request.handle == request.handle }) { return existing }
        if entries.contains(where: { $0.request.name == request.name }) {
            throw ChainError(.alreadyExists, "Another applicant's request named '\(request.name)' awaits approval; choose another name.")
        }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var object = request.json.objectValue ?? [:]
        object["filedAt"] = .number(Double(now))
        let path = url.appendingPathComponent("\(request.handle).json")
        do { try Data(JCS.canonicalize(.object(object))).write(to: path, options: .atomic) } catch {
            throw NodeError("The membership request could not be written to \(path.path): \(error.localizedDescription)")
        }
        return (request, now)
    }

    /// Every request on file, oldest first.
    /// - Throws: `NodeError` naming a file that is not a request.
    package func all() throws -> [(request: MembershipRequest, filedAt: UInt64)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.map { name in
            let path = url.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path.path), let json = try? JSONValue(parsing: Array(data)),
                  let request = try? MembershipRequest(json: json),
                  let filedAt = json["filedAt"]?.doubleValue.flatMap({ UInt64(exactly: $0) }) else {
                throw NodeError("\(path.path) is not a membership request; move it away to go on.")
            }
            return (request, filedAt)
        }.sorted { ($0.filedAt, $0.request.name) < ($1.filedAt, $1.request.name) }
    }

    /// Forgets the request of `handle` (its applicant was admitted).
    package func remove(handle: MemberHandle) {
        try? FileManager.default.removeItem(at: url.appendingPathComponent("\(handle).json"))
    }
}
