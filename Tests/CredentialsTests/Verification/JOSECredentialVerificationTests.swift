import Credentials
import DID
import Primitives
import Testing

@Suite("The engine on JOSE and SD-JWT credentials")
struct JOSECredentialVerificationTests {
    let fixture: VerifierFixture
    init() throws { fixture = try VerifierFixture() }

    private var issuer: CredentialIssuer {
        get throws {
            try CredentialIssuer(issuer: fixture.issuer, signer: PrivateKeySigner(key: .ed25519(fixture.key), verificationMethod: fixture.verificationMethod),
                                 format: .jwt)
        }
    }

    @Test("an anchored vc+jwt passes every check, and a flipped signature byte fails the proof check")
    func jwtRoundTrip() async throws {
        let batch = IssuanceBatch(drafts: [CredentialDraft(json: try fixture.draft())])
        fixture.registry.record(anchor: RegisteredAnchor(issuer: try DID(parsing: fixture.issuer), height: 2, time: VerifierFixture.now - 100), root: batch.root)
        var prepared = try issuer.prepare(try fixture.draft())
        prepared.evidence = try batch.evidence(at: 0)
        let jwt = try await issuer.secure(prepared)
        let result = await fixture.verifier(.accredited).verify(jwt, now: VerifierFixture.now)
        #expect(result.verified, "\(result.failures)")
        #expect(result.format == "vc+jwt")
        // The same credential with its evidence not written last is refused, not re-canonicalised.
        let reordered = try await JWTCredential.issue(try batch.anchoredCredential(at: 0).reversedMembers(), signer: issuer.signer)
        let misplaced = await fixture.verifier(.accredited).verify(.string(reordered), now: VerifierFixture.now)
        #expect(misplaced.checks.first { $0.name == .evidence }?.code == "invalidEvidence")
        var characters = Array(try #require(jwt.stringValue))
        let inSignature = try #require(characters.lastIndex(of: ".")) + 5
        characters[inSignature] = characters[inSignature] == "A" ? "B" : "A"
        let text = String(characters)
        let tampered = await fixture.verifier().verify(.string(text), now: VerifierFixture.now)
        #expect(tampered.checks.first { $0.name == .proof }?.outcome == .failed)
    }

    @Test("an SD-JWT discloses only the chosen claims, verifies with key binding, and refuses a wrong nonce")
    func sdJWT() async throws {
        let holderKey = Ed25519PrivateKey()
        let holder = try DIDKey(publicKey: .ed25519(holderKey.publicKey)).did.description
        let sdIssuer = try CredentialIssuer(issuer: fixture.issuer, signer: PrivateKeySigner(key: .ed25519(fixture.key), verificationMethod: fixture.verificationMethod),
                                            format: .sdJWT)
        let subject: JSONObject = ["id": .string(holder), "name": "Ada", "year": 2024]
        let prepared = try sdIssuer.prepare(try fixture.draft(subject: subject), holderKey: .ed25519(holderKey.publicKey))
        let issued = try #require(try await sdIssuer.secure(prepared).stringValue)
        let holderSigner = PrivateKeySigner(key: .ed25519(holderKey), verificationMethod: holder + "#" + String(holder.dropFirst(8)))
        let presented = try await SDJWT.present(issued, disclose: ["year"], keyBinding: (audience: "https://verifier.example", nonce: "n-1",
                                                issuedAt: UInt64(VerifierFixture.now / 1000), signer: holderSigner))
        let expectation = CredentialVerifier.KeyBindingExpectation(audience: "https://verifier.example", nonce: "n-1")
        let result = await fixture.verifier().verify(.string(presented), now: VerifierFixture.now, keyBinding: expectation)
        #expect(result.verified, "\(result.failures)")
        #expect(result.claims.first?["name"] == nil)
        #expect(result.claims.first?["year"] == 2024)
        #expect(result.checks.first { $0.name == .schema }?.outcome == .passed, "an undisclosed required claim is not a violation")
        let wrongNonce = await fixture.verifier().verify(.string(presented), now: VerifierFixture.now,
                                                         keyBinding: .init(audience: "https://verifier.example", nonce: "other"))
        #expect(wrongNonce.checks.first { $0.name == .holderBinding }?.code == "nonceMismatch")
    }

    @Test("a JWT signed by a key of another DID fails the issuer check")
    func jwtWrongIssuerKey() async throws {
        let stranger = try VerifierFixture()
        let forger = PrivateKeySigner(key: .ed25519(stranger.key), verificationMethod: stranger.verificationMethod)
        let jwt = try await JWTCredential.issue(try fixture.draft(), signer: forger)
        let result = await fixture.verifier().verify(.string(jwt), now: VerifierFixture.now)
        #expect(result.checks.first { $0.name == .issuer }?.code == "keyNotIssuers")
    }
    @Test("a vc+jwt whose header names an algorithm other than its key's fails the proof check; alg none is malformed")
    func algorithmConfusion() async throws {
        let jwt = try #require(try await issuer.secure(try issuer.prepare(try fixture.draft())).stringValue)
        let parts = jwt.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(try JSONValue(parsing: try Base64URL.decode(parts[0])).objectValue)
        #expect(header["alg"] == "EdDSA")
        func relabelled(_ alg: String, signature: String) -> JSONValue {
            var changed = header
            changed["alg"] = .string(alg)
            return .string([Base64URL.encode(JSONValue.object(changed).serialized()), parts[1], signature].joined(separator: "."))
        }
        let untouched = await fixture.verifier().verify(.string(jwt), now: VerifierFixture.now)
        #expect(untouched.verified, "\(untouched.failures)")
        // The same Ed25519 signature under ES256 and ES256K headers: the key's algorithm decides, not the header.
        for alg in ["ES256", "ES256K"] {
            let result = await fixture.verifier().verify(relabelled(alg, signature: parts[2]), now: VerifierFixture.now)
            #expect(!result.verified, "\(alg)")
            #expect(result.checks.first { $0.name == .proof }?.outcome == .failed, "\(alg): \(result.checks)")
        }
        for alg in ["none", "HS256"] {
            let result = await fixture.verifier().verify(relabelled(alg, signature: alg == "none" ? "" : parts[2]), now: VerifierFixture.now)
            #expect(!result.verified, "\(alg)")
            let format = result.checks.first { $0.name == .format }
            #expect(format?.outcome == .failed && format?.code == "invalidJWS", "\(alg): \(result.checks)")
        }
    }

    @Test("an SD-JWT with a forged, a repeated or an unreferenced Disclosure is refused as malformed before any claim is read")
    func hostileDisclosures() async throws {
        let holderKey = Ed25519PrivateKey()
        let holder = try DIDKey(publicKey: .ed25519(holderKey.publicKey)).did.description
        let sdIssuer = try CredentialIssuer(issuer: fixture.issuer, signer: PrivateKeySigner(key: .ed25519(fixture.key), verificationMethod: fixture.verificationMethod),
                                            format: .sdJWT)
        let prepared = try sdIssuer.prepare(try fixture.draft(subject: ["id": .string(holder), "name": "Ada", "year": 2024]), holderKey: .ed25519(holderKey.publicKey))
        let issued = try #require(try await sdIssuer.secure(prepared).stringValue)
        let presented = try await SDJWT.present(issued, disclose: ["year"], keyBinding: nil)
        let untouched = await fixture.verifier().verify(.string(presented), now: VerifierFixture.now)
        #expect(untouched.checks.first { $0.name == .proof }?.outcome == .passed, "\(untouched.checks)")
        #expect(untouched.claims.first?["year"] == 2024)

        var parts = presented.split(separator: "~", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(parts.indices.dropFirst().first { (try? Disclosure(parsing: parts[$0]))?.claimName == "year" })
        let original = try Disclosure(parsing: parts[index])
        // The holder keeps the issuer's salt and name but changes the value: its digest is in no _sd array.
        var forged = parts
        forged[index] = Disclosure(salt: original.salt, claimName: "year", value: 1999).encoded
        var repeated = parts
        repeated.insert(parts[index], at: index)
        var unreferenced = parts
        unreferenced.insert(Disclosure(salt: "c2FsdC1mb3JnZWQ", claimName: "honours", value: "summa cum laude").encoded, at: index)
        for (name, variant, reason) in [("forged", forged, "not referenced"), ("repeated", repeated, "more than once"),
                                        ("unreferenced", unreferenced, "not referenced")] {
            let result = await fixture.verifier().verify(.string(variant.joined(separator: "~")), now: VerifierFixture.now)
            #expect(!result.verified, "\(name)")
            #expect(!result.claims.contains { $0["year"] == 1999 || $0["honours"] != nil }, "\(name)")
            let format = result.checks.first { $0.name == .format }
            #expect(format?.outcome == .failed && format?.code == "invalidSDJWT", "\(name): \(result.checks)")
            #expect(format?.reason.contains(reason) == true, "\(name): \(format?.reason ?? "")")
        }
    }

    @Test("a key-binding JWT for another audience, or one whose sd_hash no longer covers the Disclosures shown, fails holder binding by name")
    func keyBindingTampers() async throws {
        let holderKey = Ed25519PrivateKey()
        let holder = try DIDKey(publicKey: .ed25519(holderKey.publicKey)).did.description
        let sdIssuer = try CredentialIssuer(issuer: fixture.issuer, signer: PrivateKeySigner(key: .ed25519(fixture.key), verificationMethod: fixture.verificationMethod),
                                            format: .sdJWT)
        let prepared = try sdIssuer.prepare(try fixture.draft(subject: ["id": .string(holder), "name": "Ada", "year": 2024]), holderKey: .ed25519(holderKey.publicKey))
        let issued = try #require(try await sdIssuer.secure(prepared).stringValue)
        let holderSigner = PrivateKeySigner(key: .ed25519(holderKey), verificationMethod: holder + "#" + String(holder.dropFirst(8)))
        let presented = try await SDJWT.present(issued, disclose: ["year", "name"], keyBinding: (audience: "https://verifier.example", nonce: "n-1",
                                                issuedAt: UInt64(VerifierFixture.now / 1000), signer: holderSigner))
        let expected = CredentialVerifier.KeyBindingExpectation(audience: "https://verifier.example", nonce: "n-1")
        #expect(await fixture.verifier().verify(.string(presented), now: VerifierFixture.now, keyBinding: expected).verified)
        let elsewhere = await fixture.verifier().verify(.string(presented), now: VerifierFixture.now,
                                                        keyBinding: .init(audience: "https://other.example", nonce: "n-1"))
        #expect(elsewhere.checks.first { $0.name == .holderBinding }?.code == "audienceMismatch", "\(elsewhere.checks)")
        // Dropping a Disclosure after binding: the KB-JWT's sd_hash covered the presentation as signed.
        var parts = presented.split(separator: "~", omittingEmptySubsequences: false).map(String.init)
        parts.remove(at: 1)
        let fewer = await fixture.verifier().verify(.string(parts.joined(separator: "~")), now: VerifierFixture.now, keyBinding: expected)
        #expect(!fewer.verified)
        #expect(fewer.checks.first { $0.name == .holderBinding }?.code == "sdHashMismatch", "\(fewer.checks)")
    }
}

extension JSONObject {
    /// The same members in reverse order.
    func reversedMembers() -> JSONObject { JSONObject(Array(self).reversed().map { ($0.key, $0.value) }) }
}
