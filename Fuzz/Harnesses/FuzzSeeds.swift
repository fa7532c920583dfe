import Chain
import Credentials
import DID
import KeyCustody
import Primitives

/// Valid inputs for each harness, made with the product's own writers (fresh keys each time),
/// from which the fuzzer mutates: `FuzzX --write-seeds DIR` writes them; those kept in
/// `Tests/FuzzCorpus/<harness>/seed-*` were written so.
public enum FuzzSeeds {
    /// The seeds of `harness`, by file name.
    /// - Parameter harness: The harness.
    /// - Returns: File names (`seed-…`) and contents.
    /// - Throws: When a writer refuses (a bug in this generator).
    public static func make(_ harness: FuzzHarness) async throws -> [(name: String, bytes: [UInt8])] {
        switch harness {
        case .transaction: try chain()
        case .json: json()
        case .credential: try await credentials()
        case .presentation: try await presentations()
        case .did: try dids()
        case .schema: schemas()
        case .keystore: keystores()
        case .vaultShare: vaultShares()
        }
    }

    static let chainId = "fuzz-chain"

    private static func chain() throws -> [(name: String, bytes: [UInt8])] {
        let key = Secp256k1PrivateKey()
        let oneTimeKey = OneTimeKeyCredential(privateKey: Secp256k1PrivateKey(), epoch: 3, certificate: [UInt8](repeating: 1, count: 64),
                                              envelope: [UInt8](repeating: 2, count: Transaction.envelopeSize))
        let transaction = try Transaction(type: TransactionType("did.create"), body: Array(#"{"did":"did:chancery:fuzz-chain:0x00"}"#.utf8),
                                          chainId: chainId, oneTimeKey: oneTimeKey)
        let header = BlockHeader(chainId: chainId, height: 7, previousHash: [UInt8](repeating: 3, count: 32),
                                 transactionsRoot: [UInt8](repeating: 4, count: 32), stateRoot: [UInt8](repeating: 5, count: 32),
                                 time: 1_767_225_600_000, proposer: key.publicKey.xOnly.rawRepresentation, transactionCount: 1)
        let action = GovernanceAction(kind: "issuer.accredit", parameters: ["did": "did:chancery:fuzz-chain:0x01", "schemas": [1, 2]])
        let approval = try GovernanceApproval(action: action, approver: "committee-1", key: key, chainId: chainId)
        let terms = try DelegationTerms(delegator: "did:chancery:fuzz-chain:0x01", delegatorKey: key.publicKey, delegate: "did:chancery:fuzz-chain:0x02",
                                        purposes: DelegationPurpose.all, rateLimit: try DelegationRateLimit(count: 10, perMilliseconds: 60_000),
                                        validUntil: 1_800_000_000_000, time: 1_767_225_600_000)
        let grant = DelegationGrant(terms: terms, signature: [UInt8](repeating: 6, count: 64))
        let revocation = DelegationRevocation(id: try terms.id(), time: 1_767_225_600_000, signature: [UInt8](repeating: 7, count: 64))
        let audit = try SignedAuditRequest(auditor: "auditor-1", query: AuditQuery(.link(transaction.id)), time: 1_767_225_600_000,
                                           key: key, chainId: chainId)
        let admission = GovernanceAction(kind: "admitMember", parameters: [
            "handle": .string(MemberHandle(publicKey: key.publicKey).description), "custody": "partial",
            "profile": .string(Hex.encode([UInt8](repeating: 9, count: MemberProfile.sealedLength))), "profileEpoch": "3"])
        let membership = try MembershipRequest(name: "fuzz-member", publicKey: key.publicKey, action: admission, signature: [UInt8](repeating: 8, count: 64))
        return [("seed-transaction", [0] + transaction.encoded), ("seed-block-header", [1] + header.encoded),
                ("seed-governance-approval", [2] + approval.body), ("seed-delegation-grant", [3] + (try grant.body())),
                ("seed-delegation-revocation", [4] + revocation.body), ("seed-audit-request", [5] + audit.body),
                ("seed-membership-request", [7] + JCS.canonicalize(membership.json)), ("seed-governance-action", [8] + action.canonicalBytes)]
    }

    private static func json() -> [(name: String, bytes: [UInt8])] {
        [("seed-structures", #"{"a":[1,2.5,-0,1e21,1E-7,true,false,null],"b":{"\u20ac":"\ud83d\ude00","":{}},"c":"\t\"\\\/"}"#),
         ("seed-numbers", "[0,-1,9007199254740993,1.7976931348623157e308,5e-324,0.000001,123456789012345680000]"),
         ("seed-unicode", #"{"peach":"This sentence is in French: \u00e9t\u00e9","\u0080":1,"\ud800\udc00":2,"a\u0000":3}"#),
         ("seed-nested", String(repeating: "[", count: 40) + "{}" + String(repeating: "]", count: 40))]
            .map { ($0.0, Array($0.1.utf8)) }
    }

    static func didKey(_ key: Ed25519PrivateKey) throws -> (did: String, method: String) {
        let did = try DIDKey(publicKey: .ed25519(key.publicKey)).did.description
        return (did, did + "#" + String(did.dropFirst("did:key:".count)))
    }

    static func credentialJSON(issuer: String, subject: String) -> JSONObject {
        ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential", "ExampleDegreeCredential"],
         "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33", "issuer": .string(issuer),
         "validFrom": "2025-01-01T00:00:00Z", "validUntil": "2030-01-01T00:00:00Z",
         "credentialSubject": ["id": .string(subject), "degree": ["type": "BachelorDegree", "name": "Bachelor of Science"]],
         "credentialStatus": ["id": .string(issuer + "/status/revocation/0#3"), "type": "BitstringStatusListEntry",
                              "statusPurpose": "revocation", "statusListIndex": "3", "statusListCredential": .string(issuer + "/status/revocation/0")]]
    }

    private static func credentials() async throws -> [(name: String, bytes: [UInt8])] {
        let issuerKey = Ed25519PrivateKey(), holderKey = Ed25519PrivateKey()
        let (issuer, method) = try didKey(issuerKey)
        let holder = try didKey(holderKey).did
        let credential = credentialJSON(issuer: issuer, subject: holder)
        let dataIntegrity = try DataIntegrity.sign(document: .object(credential),
                                                   options: .init(cryptosuite: .eddsaJCS2022, created: "2025-01-01T00:00:00Z", verificationMethod: method),
                                                   key: issuerKey)
        let signer = PrivateKeySigner(key: .ed25519(issuerKey), verificationMethod: method)
        let jwt = try await JWTCredential.issue(credential, signer: signer)
        let sdJWT = try await SDJWT.issue(credential, disclosable: ["degree"], holderKey: .ed25519(holderKey.publicKey), signer: signer)
        let enveloped: JSONValue = ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": "EnvelopedVerifiableCredential",
                                    "id": .string("data:application/vc+jwt," + jwt)]
        return [("seed-data-integrity", dataIntegrity.serialized()), ("seed-jwt", Array(jwt.utf8)), ("seed-sd-jwt", Array(sdJWT.utf8)),
                ("seed-enveloped", enveloped.serialized()), ("seed-unsecured", JSONValue.object(credential).serialized())]
    }

    private static func presentations() async throws -> [(name: String, bytes: [UInt8])] {
        let issuerKey = Ed25519PrivateKey(), holderKey = Ed25519PrivateKey()
        let (issuer, issuerMethod) = try didKey(issuerKey)
        let (holder, holderMethod) = try didKey(holderKey)
        let credential = try DataIntegrity.sign(document: .object(credentialJSON(issuer: issuer, subject: holder)),
                                                options: .init(cryptosuite: .eddsaJCS2022, verificationMethod: issuerMethod), key: issuerKey)
        let presentation: JSONObject = ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
                                        "holder": .string(holder), "verifiableCredential": [credential]]
        let dataIntegrity = try DataIntegrity.sign(
            document: .object(presentation),
            options: .init(cryptosuite: .eddsaJCS2022, verificationMethod: holderMethod, proofPurpose: "authentication",
                           challenge: "fuzz-challenge", domain: "https://verifier.example"),
            key: holderKey)
        let jwt = try await JWTPresentation.issue(presentation, challenge: "fuzz-challenge", domain: "https://verifier.example",
                                                  signer: PrivateKeySigner(key: .ed25519(holderKey), verificationMethod: holderMethod))
        let enveloped: JSONValue = ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": "EnvelopedVerifiablePresentation",
                                    "id": .string("data:application/vp+jwt," + jwt)]
        return [("seed-data-integrity", dataIntegrity.serialized()), ("seed-jwt", Array(jwt.utf8)),
                ("seed-enveloped", enveloped.serialized()), ("seed-unsecured", JSONValue.object(presentation).serialized())]
    }

    private static func dids() throws -> [(name: String, bytes: [UInt8])] {
        let key = Ed25519PrivateKey()
        let (did, method) = try didKey(key)
        let secp = try DIDKey(publicKey: .secp256k1(Secp256k1PrivateKey().publicKey)).did.description
        let document = try DIDKey(parsing: did).document.jsonValue.serialized()
        return [("seed-did-key", Array(did.utf8)), ("seed-did-key-secp256k1", Array(secp.utf8)), ("seed-did-url", Array(method.utf8)),
                ("seed-did-chancery", Array("did:chancery:fuzz-chain:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".utf8)),
                ("seed-did-url-query", Array("did:example:123/path/a%20b?service=files&versionTime=2021-05-10T17:00:00Z&versionId=4#frag".utf8)),
                ("seed-did-document", document)]
    }

    private static func schemas() -> [(name: String, bytes: [UInt8])] {
        let schema = #"{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Degree","type":"object","required":["name","gpa"],"#
            + #""properties":{"name":{"type":"string","minLength":1,"maxLength":64,"pattern":"^[A-Z][a-z]+( [A-Z][a-z]+)*$"},"#
            + #""gpa":{"type":"number","minimum":0,"maximum":4},"email":{"type":"string","format":"email"},"#
            + #""born":{"type":"string","format":"date"},"tags":{"type":"array","items":{"enum":["a","b"]},"uniqueItems":true}},"#
            + #""additionalProperties":false}"#
        return [("seed-schema-only", Array(schema.utf8)),
                ("seed-schema-valid", Array(schema.utf8) + [0] + Array(#"{"name":"Ada Lovelace","gpa":3.9,"email":"ada@example.org","born":"1815-12-10","tags":["a"]}"#.utf8)),
                ("seed-schema-invalid", Array(schema.utf8) + [0] + Array(#"{"name":"ada","gpa":5,"tags":["a","a"],"x":1}"#.utf8))]
    }

    private static func keystores() -> [(name: String, bytes: [UInt8])] {
        let sealed = Hex.encode([UInt8](repeating: 9, count: 72))
        let keystore = """
        {"format":"chancery-keystore","version":1,
         "kdf":{"algorithm":"argon2id","salt":"\(Hex.encode([UInt8](repeating: 1, count: 16)))","opsLimit":2,"memLimit":67108864},
         "passwordCheck":"\(Hex.encode([UInt8](repeating: 2, count: 40)))",
         "keys":[{"name":"member","type":"secp256k1","publicKey":"02\(String(repeating: "ab", count: 32))",
                  "address":"0x\(String(repeating: "cd", count: 20))","sealed":"\(sealed)"}]}
        """
        return [("seed-keystore", Array(keystore.utf8)), ("seed-empty-keys", Array(#"{"format":"chancery-keystore","version":1,"keys":[]}"#.utf8)),
                ("seed-later-version", Array(#"{"version":2}"#.utf8))]
    }

    private static func vaultShares() -> [(name: String, bytes: [UInt8])] {
        let share = #"{"account":"fuzz","failedAttempts":0,"format":"chancery/vault-share/v1","index":3,"lockedUntil":null,"sealedShare":"\#(Hex.encode([UInt8](repeating: 5, count: 73)))"}"#
        let locked = #"{"account":"fuzz","failedAttempts":7,"format":"chancery/vault-share/v1","index":255,"lockedUntil":4102444800,"sealedShare":"\#(Hex.encode([UInt8](repeating: 6, count: 73)))"}"#
        return [("seed-share-remac", [0] + Array(share.utf8)), ("seed-share-locked-remac", [0] + Array(locked.utf8)),
                ("seed-share-raw", [1] + Array(share.dropLast().utf8) + Array(#","mac":"00"}"#.utf8))]
    }
}
