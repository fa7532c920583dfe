public import Foundation
public import Primitives

/// The genesis document (`specs/chain.md` §4.2): the chain's id, first committee and
/// threshold, membership-service key, auditors, nodes and members.
public struct Genesis: Codable, Sendable, Hashable {
    /// The chain's id, part of every signed message.
    public var chainId: String
    /// Genesis time in milliseconds since 1970.
    public var time: UInt64
    /// Seconds per membership epoch.
    public var epochSeconds: UInt64
    /// The first committee.
    public var committee: [CommitteeMember]
    /// Approvals needed for a governance action.
    public var threshold: Int
    /// The membership service's BIP-340 key (hex).
    public var membershipService: String
    /// The first auditors.
    public var auditors: [AuditorRecord]
    /// The first nodes' BIP-340 keys (hex).
    public var nodes: [String]
    /// The first members: handles, custody modes and profiles sealed to the auditor.
    public var members: [MemberRecord]

    /// Creates a genesis document.
    public init(chainId: String, time: UInt64, epochSeconds: UInt64 = 86_400, committee: [CommitteeMember], threshold: Int,
                membershipService: String, auditors: [AuditorRecord], nodes: [String], members: [MemberRecord]) {
        self.chainId = chainId
        self.time = time
        self.epochSeconds = epochSeconds
        self.committee = committee
        self.threshold = threshold
        self.membershipService = membershipService
        self.auditors = auditors
        self.nodes = nodes
        self.members = members
    }

    /// Reads and checks a genesis document.
    /// - Throws: `ChainError.invalidGenesis` naming what is wrong.
    public init(json data: Data) throws(ChainError) {
        do { self = try JSONDecoder().decode(Genesis.self, from: data) } catch {
            throw ChainError(.invalidGenesis, "The genesis file is not a valid genesis document: \(error).")
        }
        try validate()
    }

    /// The JCS bytes of the document; block 0's `previousHash` is their SHA-256.
    public func canonicalBytes() throws(ChainError) -> [UInt8] {
        do {
            return JCS.canonicalize(try JSONValue(parsing: Array(try JSONEncoder().encode(self))))
        } catch {
            throw ChainError(.invalidGenesis, "The genesis document cannot be encoded: \(error).")
        }
    }

    /// The membership service key, parsed.
    public func membershipServiceKey() throws(ChainError) -> Secp256k1XOnlyPublicKey {
        guard let bytes = try? Hex.decode(membershipService), let key = try? Secp256k1XOnlyPublicKey(bytes) else {
            throw ChainError(.invalidGenesis, "The membership service key is not a 32-byte BIP-340 key in hex.")
        }
        return key
    }

    /// Checks the document's internal consistency.
    /// - Throws: `ChainError.invalidGenesis`.
    public func validate() throws(ChainError) {
        guard !chainId.isEmpty, chainId.utf8.count <= 64,
              chainId.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) else {
            throw ChainError(.invalidGenesis, "The chain id must be 1-64 letters, digits, '-' or '.'.")
        }
        guard !committee.isEmpty, (1...committee.count).contains(threshold) else {
            throw ChainError(.invalidGenesis, "The threshold must be between 1 and the committee size (\(committee.count)).")
        }
        guard Set(committee.map(\.id)).count == committee.count else {
            throw ChainError(.invalidGenesis, "Committee member ids must be unique.")
        }
        for member in committee { _ = try member.key() }
        _ = try membershipServiceKey()
        guard !nodes.isEmpty else { throw ChainError(.invalidGenesis, "Genesis must name at least one node.") }
        guard epochSeconds >= 1 else { throw ChainError(.invalidGenesis, "epochSeconds must be at least 1.") }
        for member in members {
            // The genesis document is public: its members are handles and sealed profiles only.
            do { _ = try MemberRecord(admission: member.admission) } catch {
                throw ChainError(.invalidGenesis, "A genesis member is malformed: \(error.reason)")
            }
        }
    }
}
