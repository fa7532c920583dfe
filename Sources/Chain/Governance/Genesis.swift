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
    /// The crypto suite's name (`specs/chain.md` §9): absent for `standard`, so that documents
    /// written before suites existed keep their bytes and hash; `sm` for SM2/SM3.
    public var cryptoSuite: String?
    /// The world-state rules the chain's handlers follow (`specs/chain.md` §4.2): absent for
    /// version 1, so that documents written before it existed keep their bytes, hash and rules.
    public var stateVersion: Int?

    /// The state rules of chains created by this version of Chancery.
    public static let currentStateVersion = 2

    /// Creates a genesis document.
    /// - Parameter stateVersion: the chain's state rules; new chains take ``currentStateVersion``.
    public init(chainId: String, time: UInt64, epochSeconds: UInt64 = 86_400, committee: [CommitteeMember], threshold: Int,
                membershipService: String, auditors: [AuditorRecord], nodes: [String], members: [MemberRecord],
                suite: ChainCryptoSuite = .standard, stateVersion: Int = Genesis.currentStateVersion) {
        self.chainId = chainId
        self.time = time
        self.epochSeconds = epochSeconds
        self.committee = committee
        self.threshold = threshold
        self.membershipService = membershipService
        self.auditors = auditors
        self.nodes = nodes
        self.members = members
        self.cryptoSuite = suite == .standard ? nil : suite.name
        self.stateVersion = stateVersion == 1 ? nil : stateVersion
    }

    /// The chain's state rules: 1 when the document names none.
    public var stateRules: Int { stateVersion ?? 1 }

    /// The chain's crypto suite; `standard` when the document names none.
    /// - Throws: `ChainError.invalidGenesis` for an unknown suite name.
    public func suite() throws(ChainError) -> ChainCryptoSuite {
        guard let cryptoSuite else { return .standard }
        guard let suite = ChainCryptoSuite(name: cryptoSuite) else {
            throw ChainError(.invalidGenesis, "The crypto suite '\(cryptoSuite)' is unknown; it is 'standard' or 'sm'.")
        }
        return suite
    }

    /// H of the canonical bytes, in the chain's suite: block 0's `previousHash`.
    /// - Throws: `ChainError.invalidGenesis` when the document cannot be encoded.
    public func hash() throws(ChainError) -> [UInt8] {
        try suite().hash.digest(try canonicalBytes())
    }

    /// Reads and checks a genesis document.
    /// - Throws: `ChainError.invalidGenesis` naming what is wrong.
    public init(json data: Data) throws(ChainError) {
        do { self = try JSONDecoder().decode(Genesis.self, from: data) } catch {
            throw ChainError(.invalidGenesis, "The genesis file is not a valid genesis document: \(error).")
        }
        try validate()
    }

    /// The JCS bytes of the document; block 0's `previousHash` is their hash (``hash()``).
    public func canonicalBytes() throws(ChainError) -> [UInt8] {
        do {
            return JCS.canonicalize(try JSONValue(parsing: Array(try JSONEncoder().encode(self))))
        } catch {
            throw ChainError(.invalidGenesis, "The genesis document cannot be encoded: \(error).")
        }
    }

    /// The membership service key, parsed in the chain's suite.
    /// - Throws: `ChainError.invalidGenesis` when it is not a key of the suite's scheme in hex.
    public func membershipServiceKey() throws(ChainError) -> MembershipServiceKey {
        let suite = try suite()
        guard let bytes = try? Hex.decode(membershipService) else {
            throw ChainError(.invalidGenesis, "The membership service key is not hex.")
        }
        return try MembershipServiceKey(bytes, suite: suite)
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
        let suite = try suite()
        _ = try membershipServiceKey()
        guard !nodes.isEmpty else { throw ChainError(.invalidGenesis, "Genesis must name at least one node.") }
        for node in nodes {
            guard let bytes = try? Hex.decode(node), suite.signature.isValidPublicKey(bytes) else {
                throw ChainError(.invalidGenesis, "The node id '\(node.prefix(16))…' is not a \(suite.signature) key in hex.")
            }
        }
        guard (1...Self.currentStateVersion).contains(stateRules) else {
            throw ChainError(.invalidGenesis, "The state version \(stateRules) is unknown; this version of Chancery knows 1 to \(Self.currentStateVersion).")
        }
        guard epochSeconds >= 1 else { throw ChainError(.invalidGenesis, "epochSeconds must be at least 1.") }
        for member in members {
            // The genesis document is public: its members are handles and sealed profiles only.
            do { _ = try MemberRecord(admission: member.admission) } catch {
                throw ChainError(.invalidGenesis, "A genesis member is malformed: \(error.reason)")
            }
        }
    }
}
