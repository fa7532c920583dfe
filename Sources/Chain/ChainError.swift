public import Primitives

/// The one error type of the `Chain` module. A refused transaction carries the code that
/// `specs/chain.md` §8 names, so submitters can act on it.
///
/// Equality compares ``code`` only, so tests match the kind of failure.
public struct ChainError: CodedError, Sendable {
    /// The kind of failure; extensible by adding `static let`s.
    public struct Code: Hashable, Sendable, Codable, CustomStringConvertible {
        /// The stable name from `specs/chain.md` §8.
        public let name: String
        package init(_ name: String) { self.name = name }
        public var description: String { name }

        public static let malformedTransaction = Code("malformedTransaction")
        public static let oversizedTransaction = Code("oversizedTransaction")
        public static let unknownTransactionType = Code("unknownTransactionType")
        public static let wrongChain = Code("wrongChain")
        public static let badCertificate = Code("badCertificate")
        public static let badSignature = Code("badSignature")
        public static let expiredEpoch = Code("expiredEpoch")
        public static let futureEpoch = Code("futureEpoch")
        public static let spentOneTimeKey = Code("spentOneTimeKey")
        public static let unauthorized = Code("unauthorized")
        public static let invalidBody = Code("invalidBody")
        public static let notFound = Code("notFound")
        public static let storageFailure = Code("storageFailure")
        public static let diskFull = Code("diskFull")
        public static let corruptLedger = Code("corruptLedger")
        public static let invalidGenesis = Code("invalidGenesis")
        public static let alreadyExists = Code("alreadyExists")
        public static let unavailable = Code("unavailable")
        /// A member whose admission the committee has not approved yet (`specs/chain.md` §5.1).
        public static let awaitingApproval = Code("awaitingApproval")
        /// A transaction or block of another crypto suite than the chain's (`specs/chain.md` §9).
        public static let wrongCryptoSuite = Code("wrongCryptoSuite")
        /// A ledger file of another storage layout than this code's (`specs/chain.md` §6.3).
        public static let previousLedgerLayout = Code("previousLedgerLayout")
    }

    /// The kind of failure.
    public let code: Code
    /// One human sentence: what was wrong and what to do.
    public let reason: String
    /// Where the error was raised.
    public let location: String

    package init(_ code: Code, _ reason: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.location = "\(file):\(line)"
    }


    package static func malformed(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.malformedTransaction, reason, file: file, line: line)
    }
    package static func invalidBody(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidBody, reason, file: file, line: line)
    }
    package static func unauthorized(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.unauthorized, reason, file: file, line: line)
    }
    package static func storage(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.storageFailure, reason, file: file, line: line)
    }
}
