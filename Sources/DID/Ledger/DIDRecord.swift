import Chain
import Primitives

/// A DID's state on the chain: its current (or, in the version index, a past) document with the
/// times and version that resolution metadata reports. Stored as JCS JSON and read back with
/// the fast JSON parser, since resolution reads one record per request.
struct DIDRecord: Sendable {
    var document: DIDDocument
    var versionId: UInt64
    /// Block time of creation, ms.
    var created: UInt64
    /// Block time of this version, ms.
    var updated: UInt64
    var deactivated: Bool

    var bytes: [UInt8] {
        JCS.canonicalize(["document": document.jsonValue, "versionId": .number(Double(versionId)),
                          "created": .number(Double(created)), "updated": .number(Double(updated)),
                          "deactivated": .bool(deactivated)])
    }

    init(document: DIDDocument, versionId: UInt64, created: UInt64, updated: UInt64, deactivated: Bool) {
        self.document = document
        self.versionId = versionId
        self.created = created
        self.updated = updated
        self.deactivated = deactivated
    }

    init(bytes: [UInt8]) throws {
        // `UInt64(exactly:)` rather than `UInt64(_:)`: a damaged record (negative, fractional or
        // huge numbers) is a corrupt-ledger error, not a trap.
        guard let json = try? JSONValue(parsing: bytes), let object = json.objectValue, let documentJSON = object["document"],
              let version = object["versionId"]?.doubleValue.flatMap(UInt64.init(exactly:)),
              let created = object["created"]?.doubleValue.flatMap(UInt64.init(exactly:)),
              let updated = object["updated"]?.doubleValue.flatMap(UInt64.init(exactly:)),
              let deactivated = object["deactivated"]?.boolValue else {
            throw ChainError(.corruptLedger, "A stored DID record cannot be read.")
        }
        self.init(document: try DIDDocument(json: documentJSON), versionId: version, created: created,
                  updated: updated, deactivated: deactivated)
    }
}
