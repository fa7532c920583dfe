import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The cases of w3c-ccg/did-resolution-mocha-test-suite at
/// 2649fdf719beadbd3c684d358eea23c3c2e514fe (`tests/4-did-resolution.js`,
/// `tests/10-bindings.js`, the black-box suite of the current DID Resolution specification)
/// against `GET /1.0/identifiers/{did}` of a running node, over a real socket. The suite reads
/// an implementation's DIDs from its configuration (`supportedDids`: `valid` with
/// `resolutionOptions`, `notFound`, `deactivated`, `derefUrls`, `serviceDerefUrls`); here they are
/// a did:chancery DID the test registers and updates (a service, version 2), one it deactivates,
/// one never registered, and a did:key. `checkConformantDidDocument` validates with the suite's
/// `did-schema.json` (copied to `specs/vectors/did-resolution-suite/`).
struct DIDResolutionSuiteTests {
    /// One answer: status, headers and body.
    struct Answer {
        let status: Int
        let response: HTTPURLResponse?
        let body: Data
        var ok: Bool { (200..<300).contains(status) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:] }
        func header(_ name: String) -> String? { response?.value(forHTTPHeaderField: name) }
    }

    /// Redirects are not followed (`redirect: 'manual'` in the suite): a 303 is the answer.
    final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }

    static func get(_ session: URLSession, _ address: String, accept: String?) async throws -> Answer {
        var request = URLRequest(url: try #require(URL(string: address), "\(address)"))
        if let accept { request.setValue(accept, forHTTPHeaderField: "Accept") }
        let (data, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        return Answer(status: http?.statusCode ?? 0, response: http, body: data)
    }

    /// JavaScript's `encodeURIComponent`.
    static func encodeURIComponent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn:
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()")) ?? text
    }

    /// The suite's `addQueryParametersToUrl` (URLSearchParams: form encoding of each value).
    static func adding(_ parameters: [(String, String)], to base: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.*")
        let query = parameters.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }
        return query.isEmpty ? base : base + "?" + query.joined(separator: "&")
    }

    /// The suite's `checkSuccessfulResolutionResult`: the three members, the document valid
    /// under `did-schema.json`.
    static func isSuccessfulResult(_ result: [String: Any]) throws -> Bool {
        guard result["didResolutionMetadata"] is [String: Any], let document = result["didDocument"] as? [String: Any],
              result["didDocumentMetadata"] is [String: Any] else { return false }
        return try isConformant(document)
    }

    /// The suite's `checkErrorResolutionResult`.
    static func isErrorResult(_ result: [String: Any], type: String) -> Bool {
        let error = (result["didResolutionMetadata"] as? [String: Any])?["error"] as? [String: Any]
        return error?["type"] as? String == type && result.keys.contains("didDocument") && result["didDocument"] is NSNull
            && result["didDocumentMetadata"] is [String: Any]
    }

    /// The suite's `checkConformantDidDocument`: ajv over `did-schema.json`.
    static func isConformant(_ document: [String: Any]) throws -> Bool {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("specs/vectors/did-resolution-suite/did-schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return JSONSchemaSubset(root: schema).accepts(document, schema)
    }

    @Test("did-resolution-mocha-test-suite: resolution, error types and statuses, representations, versions, deactivation and DID URL dereferencing")
    func didResolutionSuite() async throws {
        let chain = try DIDCommandTests.Fixture(accounts: [("alice", "partial")])
        defer { chain.remove() }
        let did = try #require(try chain.json(["did", "create", "--account", "alice"], account: "alice")["did"] as? String)
        _ = try chain.json(["did", "update", did, "--account", "alice", "--add-service", "hub=LinkedDomains=https://hub.example/"], account: "alice")
        // A second after version 2's `updated`: block times are kept in milliseconds and the
        // metadata truncates them to seconds, so `updated` itself may still select version 1.
        let updated = try #require(try chain.resolve(did).metadata["updated"] as? String)
        let afterUpdate = ISO8601DateFormatter().string(from: try #require(ISO8601DateFormatter().date(from: updated)).addingTimeInterval(1))
        let gone = try #require(try chain.json(["did", "create", "--account", "alice"], account: "alice")["did"] as? String)
        _ = try chain.json(["did", "deactivate", gone, "--account", "alice"], account: "alice")
        let prefix = String(did.prefix(upTo: try #require(did.range(of: ":0x")).upperBound))
        let unknown = prefix + String(repeating: "ab", count: 20)
        let key = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"

        // The schema check is not vacuous: no `id`, or a verification method without `type`, fails it.
        #expect(try !Self.isConformant(["controller": did]))
        #expect(try !Self.isConformant(["id": did, "verificationMethod": [["id": "\(did)#k", "controller": did]]]))

        let node = try RunningNode(dataDirectory: chain.root)
        defer { node.stop() }
        let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let endpoint = node.url.appendingPathComponent("1.0/identifiers").absoluteString
        func get(_ address: String, accept: String? = "application/did-resolution") async throws -> Answer {
            try await Self.get(session, address, accept: accept)
        }
        var covered: [String] = []
        func ran(_ title: String) { covered.append(title) }

        // supportedDids.valid: each with its resolutionOptions, and the versionId it must give.
        let valid: [(did: String, options: [(String, String)], version: String?)] = [
            (did, [], "2"), (did, [("versionId", "1")], "1"), (did, [("versionTime", afterUpdate)], "2"), (key, [], nil),
        ]
        for (did, options, version) in valid {
            let url = Self.adding(options, to: "\(endpoint)/\(did)")
            // 4-did-resolution.js
            let resolved = try await get(url)
            let conformant = try Self.isSuccessfulResult(resolved.json)
            #expect(resolved.ok && conformant, "\(url): \(resolved.status) \(resolved.json)")
            let metadata = resolved.json["didDocumentMetadata"] as? [String: Any]
            #expect(metadata?["versionId"] as? String == version, "\(url): \(String(describing: metadata))")
            ran("All conformant DID resolvers MUST implement the DID resolution function for at least one DID method")
            let plain = try await get("\(endpoint)/\(did)")
            #expect(plain.ok && plain.json["didResolutionMetadata"] != nil)
            ran("The didResolutionMetadata structure is REQUIRED.")
            #expect(plain.ok && plain.json["didDocument"] != nil)
            ran("If resolution is successful, the didDocument MUST be a conformant DID document")
            #expect(plain.ok && (plain.json["didDocument"] as? [String: Any])?["id"] as? String == did)
            ran("The value of id in the resolved DID document MUST match the DID that was resolved")
            #expect(plain.ok && plain.json["didDocumentMetadata"] is [String: Any])
            ran("If the resolution is successful, the `didDocumentMetadata` MUST be a metadata structure")

            // 10-bindings.js
            #expect(resolved.ok)
            ran("All conforming DID resolvers MUST implement the GET version of the HTTPS binding")
            #expect(resolved.ok && conformant)
            ran("If Accept is application/did-resolution, HTTP body MUST contain a DID resolution result")
            #expect(resolved.status == 200)
            ran("If function is successful and returns a didDocument, HTTP response status code MUST be 200")
            #expect(resolved.ok && resolved.json["didDocument"] is [String: Any])
            ran("HTTP response body MUST contain the didDocument result of the DID resolution function")
            // The suite checks that the header includes the metadata's contentType, which
            // holds for `application/did` inside `application/did-resolution`.
            let resultType = (resolved.json["didResolutionMetadata"] as? [String: Any])?["contentType"] as? String
            #expect(resolved.ok && resultType == "application/did" && resolved.header("Content-Type")?.contains(resultType ?? "-") == true,
                    "\(String(describing: resolved.header("Content-Type"))) \(String(describing: resultType))")
            ran("HTTP response MUST contain a Content-Type header whose value MUST equal contentType in didResolutionMetadata")
            // Beyond the suite, the binding's rule as written: a document answered alone has
            // exactly the metadata's contentType as its Content-Type.
            let document = try await get(url, accept: resultType)
            #expect(document.status == 200 && document.header("Content-Type") == resultType && document.json["id"] as? String == did
                    && (document.json["@context"] as? [Any])?.first as? String == "https://www.w3.org/ns/did/v1.1",
                    "\(document.status) \(String(describing: document.header("Content-Type"))) \(document.json)")
            // The suite takes the first of the two that is answered; both are, here.
            for mediaType in ["application/did+json", "application/did+ld+json"] {
                let alone = try await get(url, accept: mediaType)
                #expect(alone.status == 200 && alone.json["id"] as? String == did && alone.json["didResolutionMetadata"] == nil,
                        "\(mediaType): \(alone.status) \(alone.json)")
            }
            ran("If Accept is set to a DID representation media type, response body MUST contain only the didDocument")
            let encoded = try await get(Self.adding(options, to: "\(endpoint)/\(Self.encodeURIComponent(did))"))
            let encodedConformant = try Self.isSuccessfulResult(encoded.json)
            #expect(encoded.ok && encodedConformant, "\(encoded.status) \(encoded.json)")
            #expect((encoded.json["didDocumentMetadata"] as? [String: Any])?["versionId"] as? String == version)
            ran("GET binding: resolver MUST accept URL-encoded DIDs")
        }

        // 4-did-resolution.js, for DIDs that are not DIDs, no DID, and an unsupported method.
        for bad in ["not-a-did", "did:example"] {
            let answer = try await get("\(endpoint)/\(bad)")
            #expect(!answer.ok, "\(bad)")
            ran("The did input value MUST be a conformant DID as defined in Decentralized Identifiers (DIDs) v1.0.")
            #expect(!answer.ok && Self.isErrorResult(answer.json, type: "https://www.w3.org/ns/did#INVALID_DID"), "\(bad): \(answer.json)")
            ran("Produces a INVALID_DID error and conformant resolution result")
            #expect((answer.json["didResolutionMetadata"] as? [String: Any])?["error"] != nil)
            ran("The error property in DID Document Metadata is REQUIRED when there is an error in the resolution process.")
            #expect((answer.json["didDocumentMetadata"] as? [String: Any])?.isEmpty == true)
            ran("If the resolution is unsuccessful, the `didDocumentMetadata` output MUST be an empty metadata structure")
            // 10-bindings.js
            #expect(answer.status == 400)
            ran("INVALID_DID error MUST map to HTTP status 400")
        }
        let none = try await get("\(endpoint)/")
        #expect(!none.ok, "\(none.status)")
        ran("The did input to the resolve function is REQUIRED")
        let unsupported = try await get("\(endpoint)/did:unsupported:123456789abcdefghi")
        #expect(!unsupported.ok && Self.isErrorResult(unsupported.json, type: "https://www.w3.org/ns/did#METHOD_NOT_SUPPORTED"), "\(unsupported.json)")
        ran("If the DID method is not supported, produces a METHOD_NOT_SUPPORTED error and conformant resolution result")

        // 10-bindings.js: the error → status table, 406 and 410.
        #expect(unsupported.status == 501)
        ran("METHOD_NOT_SUPPORTED error MUST map to HTTP status 501")
        let missing = try await get("\(endpoint)/\(unknown)")
        #expect(missing.status == 404 && Self.isErrorResult(missing.json, type: "https://www.w3.org/ns/did#NOT_FOUND"), "\(missing.json)")
        ran("NOT_FOUND error MUST map to HTTP status 404")
        // The suite accepts a fallback 200 too; Chancery refuses, so 406 is what is asserted.
        let unacceptable = try await get("\(endpoint)/\(did)", accept: "application/x-unsupported-did-representation-99999")
        #expect(unacceptable.status == 406)
        ran("REPRESENTATION_NOT_SUPPORTED error MUST map to HTTP status 406")
        let deactivated = try await get("\(endpoint)/\(gone)")
        #expect(deactivated.status == 410)
        // Beyond the suite: DID Core §7.1.3 (`deactivated: true` in the metadata).
        #expect((deactivated.json["didDocumentMetadata"] as? [String: Any])?["deactivated"] as? Bool == true, "\(deactivated.json)")
        ran("If deactivated metadata property is true, HTTP response status MUST be 410")

        // supportedDids.derefUrls: the DID itself, and fragments (a key, a service) at version 2.
        // With options the suite encodes the DID URL, so its fragment reaches the resolver.
        let dereferencing = "application/did-url-dereferencing"
        let derefUrls: [(url: String, options: [(String, String)], id: String)] = [
            (did, [], did), ("\(did)#key-1", [("versionId", "2")], "\(did)#key-1"), ("\(did)#hub", [("versionId", "2")], "\(did)#hub"),
        ]
        for (didURL, options, id) in derefUrls {
            let base = "\(endpoint)/\(options.isEmpty ? didURL : Self.encodeURIComponent(didURL))"
            let answer = try await get(Self.adding(options, to: base), accept: dereferencing)
            let result = answer.json
            #expect(answer.ok && result["dereferencingMetadata"] is [String: Any] && result["contentStream"] != nil
                    && result["contentMetadata"] is [String: Any], "\(didURL): \(answer.status) \(result)")
            // Beyond the suite: the content is the resource the DID URL names.
            #expect((result["contentStream"] as? [String: Any])?["id"] as? String == id, "\(didURL): \(result)")
            #expect(answer.header("Content-Type") == dereferencing)
            ran("If Accept is application/did-url-dereferencing, HTTP body MUST contain a DID URL dereferencing result")
            let contentType = (result["dereferencingMetadata"] as? [String: Any])?["contentType"] as? String
            #expect(answer.status == 200 && contentType == "application/did" && answer.header("Content-Type")?.contains(contentType ?? "-") == true,
                    "\(didURL): \(String(describing: contentType))")
            ran("If DID URL dereferencing succeeds, Content-Type MUST equal contentType in dereferencingMetadata")
            #expect(answer.status == 200)
            ran("If DID URL dereferencing returns a non-uri-list contentStream, HTTP status MUST be 200")
            #expect(answer.status == 200 && !answer.body.isEmpty)
            ran("HTTP response body MUST contain the contentStream from DID URL dereferencing")
        }

        // supportedDids.serviceDerefUrls: a service, and one with a relativeRef.
        for (didURL, location) in [("\(did)?service=hub", "https://hub.example/"),
                                   ("\(did)?service=hub&relativeRef=/credentials", "https://hub.example/credentials")] {
            let answer = try await get("\(endpoint)/\(Self.encodeURIComponent(didURL))", accept: dereferencing)
            #expect(answer.status == 303, "\(didURL): \(answer.status) \(answer.json)")
            ran("If contentType is text/uri-list, HTTP response status MUST be 303")
            #expect(answer.status == 303 && answer.header("Location") == location, "\(String(describing: answer.header("Location")))")
            ran("If 303 response, HTTP response MUST contain a Location header with the selected DID service endpoint URL")
            #expect(answer.status == 303 && answer.body.isEmpty, "\(String(decoding: answer.body, as: UTF8.self))")
            ran("If 303 response, HTTP response body MUST be empty")
        }

        // 4 valid DIDs × 12, 2 invalid × 5, no DID and an unsupported method, 4 statuses, 3 × 4 and 2 × 3
        // dereferencing: 30 cases of 4-did-resolution.js and 52 of 10-bindings.js, under 30 titles.
        #expect(covered.count == 82, "\(covered.count)")
        #expect(Set(covered).count == 30, "\(Set(covered).count)")
    }
}
