/// The subset of the Wycheproof JSON schema (`*_verify_schema_v1.json`) that the signature
/// tests read.
struct WycheproofFile: Decodable {
    let algorithm: String
    let numberOfTests: Int
    let testGroups: [Group]

    struct Group: Decodable {
        let publicKey: PublicKey
        let tests: [TestCase]
    }

    struct PublicKey: Decodable {
        let uncompressed: String?
        let pk: String?
    }

    struct TestCase: Decodable {
        let tcId: Int
        let comment: String
        let flags: [String]
        let msg: String
        let sig: String
        let result: String
    }
}
