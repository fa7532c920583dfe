import Foundation
import Primitives

/// A Codable value stored in world state as JCS bytes, so that every node writes the same
/// bytes for the same record and the state commitment agrees.
public protocol StateRecord: Codable, Sendable {}

extension StateRecord {
    /// The record's canonical JSON bytes.
    /// - Throws: `ChainError.invalidBody` if the record cannot be encoded.
    public func canonicalBytes() throws -> [UInt8] {
        do {
            let data = try JSONEncoder().encode(self)
            return JCS.canonicalize(try JSONValue(parsing: Array(data)))
        } catch {
            throw ChainError.invalidBody("A state record could not be encoded: \(error).")
        }
    }

    /// Decodes a record from stored bytes.
    /// - Throws: `ChainError.corruptLedger` if the bytes are not this record.
    public init(canonicalBytes bytes: [UInt8]) throws {
        do { self = try JSONDecoder().decode(Self.self, from: Data(bytes)) } catch {
            throw ChainError(.corruptLedger, "A stored \(Self.self) cannot be decoded: \(error).")
        }
    }
}

extension StateTransaction {
    /// Reads and decodes a record, or `nil`.
    public func record<R: StateRecord>(_ type: R.Type, namespace: String, key: [UInt8]) throws -> R? {
        try value(namespace: namespace, key: key).map { try R(canonicalBytes: $0) }
    }

    /// Encodes and writes a record.
    public func put(_ record: some StateRecord, namespace: String, key: [UInt8]) throws {
        put(namespace: namespace, key: key, value: try record.canonicalBytes())
    }
}
