public import Chain
import Foundation

extension DIDChancery {
    /// Resolves `did:chancery` DIDs from a chain's state: the current document in one read,
    /// past versions by `versionId` or `versionTime` (`specs/did-method.md` §4).
    public struct Resolver: DIDResolver {
        /// The chain whose DIDs this resolver answers.
        public let chainId: String
        private let state: any StateReader

        /// Makes a resolver over committed state (a node's store).
        public init(chainId: String, state: any StateReader) {
            self.chainId = chainId
            self.state = state
        }

        public func resolve(_ did: DID, options: DIDResolutionOptions) async -> DIDResolutionResult {
            resolveNow(did, options: options)
        }

        /// The synchronous core, for in-process callers that are not async.
        public func resolveNow(_ did: DID, options: DIDResolutionOptions = DIDResolutionOptions()) -> DIDResolutionResult {
            guard let contentType = DIDMediaType.negotiate(options.accept) else {
                return DIDResolutionResult(error: DIDError(.representationNotSupported,
                    "did:chancery documents are served as \(DIDMediaType.documentTypes.joined(separator: ", "))."))
            }
            do {
                let method = try DIDChancery(did)
                guard method.chainId == chainId else {
                    return DIDResolutionResult(error: DIDError(.notFound, "\(did) is on chain '\(method.chainId)', not '\(chainId)'."))
                }
                guard let current = try DIDLedgerState.record(method.did, in: state) else {
                    return DIDResolutionResult(error: DIDError(.notFound, "\(method.did) is not registered on this chain."))
                }
                let (record, next) = try version(of: method.did, current: current, options: options)
                var metadata = DIDDocumentMetadata(
                    created: DIDDateTime(milliseconds: record.created),
                    updated: record.versionId > 1 ? DIDDateTime(milliseconds: record.updated) : nil,
                    deactivated: record.deactivated ? true : nil, versionId: String(record.versionId))
                if let next {
                    metadata.nextUpdate = DIDDateTime(milliseconds: next.updated)
                    metadata.nextVersionId = String(next.versionId)
                }
                // Asked in another case than EIP-55's: the document is the canonical DID's, and
                // the metadata says which form to use (DID Core §7.1.3, canonicalId).
                if method.did != did { metadata.canonicalId = method.did }
                return DIDResolutionResult(didDocument: record.document.represented(as: contentType),
                                           didResolutionMetadata: DIDResolutionMetadata(contentType: contentType),
                                           didDocumentMetadata: metadata)
            } catch let error as DIDError {
                return DIDResolutionResult(error: error)
            } catch {
                return DIDResolutionResult(error: DIDError(.internalError, "The chain state could not be read: \(error)"))
            }
        }

        /// The record asked for, and the one after it when it is not the current one.
        private func version(of did: DID, current: DIDRecord, options: DIDResolutionOptions) throws -> (DIDRecord, DIDRecord?) {
            var wanted: UInt64?
            if let text = options.versionId {
                guard let number = UInt64(text), number >= 1 else {
                    throw DIDError(.notFound, "Version '\(text)' of \(did) does not exist; versions are 1 to \(current.versionId).")
                }
                wanted = number
            } else if let time = options.versionTime, current.updated > UInt64(max(0, time.secondsSince1970) * 1000) {
                // The time index holds the superseded versions (under state version 1 the current
                // one too); the current version answers any time from its own on.
                let limit = UInt64(max(0, time.secondsSince1970) * 1000)
                let prefix = DIDLedgerState.key(did) + [0]
                let entries = try state.entries(namespace: DIDLedgerState.times, prefix: prefix)
                guard let last = entries.last(where: { DIDLedgerState.integer($0.key[prefix.count..<prefix.count + 8]) <= limit }) else {
                    throw DIDError(.notFound, "\(did) did not exist at \(time).")
                }
                wanted = DIDLedgerState.integer(last.key[(prefix.count + 8)...])
            }
            guard let number = wanted, number != current.versionId else { return (current, nil) }
            guard number < current.versionId,
                  let bytes = try state.value(namespace: DIDLedgerState.versions, key: DIDLedgerState.versionKey(did, number)) else {
                throw DIDError(.notFound, "Version \(number) of \(did) does not exist; versions are 1 to \(current.versionId).")
            }
            // Under state version 2 the current record is only under the DID, not among the versions.
            if number + 1 == current.versionId { return (try DIDRecord(bytes: bytes), current) }
            guard let nextBytes = try state.value(namespace: DIDLedgerState.versions, key: DIDLedgerState.versionKey(did, number + 1)) else {
                throw DIDError(.notFound, "Version \(number + 1) of \(did) is missing from the chain state.")
            }
            return (try DIDRecord(bytes: bytes), try DIDRecord(bytes: nextBytes))
        }
    }
}

extension DIDDateTime {
    /// The date-time of a block time in milliseconds (truncated to seconds, as XML datetimes).
    init(milliseconds: UInt64) { self.init(secondsSince1970: Int64(milliseconds / 1000)) }
}
