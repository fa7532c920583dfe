import Chain
import ChainTestSupport
import DID
import Foundation
import HTTPServer
import Hummingbird
import HummingbirdTesting
import NIOCore
import Primitives
import Testing

/// `GET /1.0/identifiers/{did}` against the real resolver over a chain: the Universal Resolver
/// statuses and content negotiation between the whole result and the document alone.
struct ResolverRoutesTests {
    @Test("a registered DID resolves 200; the whole result by default (its document application/did), the document alone for application/did, did+ld+json and did+json, its Content-Type the metadata's contentType")
    func resolves() async throws {
        let fixture = try await NodeFixture()
        let did = fixture.registered!.description
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.router) { client in
            for accept in [nil, "application/did-resolution", "*/*", "text/html, */*;q=0.8"] {
                let headers: HTTPFields = accept.map { [.accept: $0] } ?? [:]
                try await client.execute(uri: "/1.0/identifiers/\(did)", method: .get, headers: headers) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "application/did-resolution")
                    let result = try HTTPTest.json(response)
                    #expect(result["didDocument"]?["id"]?.stringValue == did)
                    #expect(result["didResolutionMetadata"]?["contentType"] == "application/did")
                    #expect(result["didDocument"]?["@context"]?[0] == "https://www.w3.org/ns/did/v1.1")
                    #expect(result["didDocumentMetadata"]?["versionId"] == "1")
                }
            }
            let profile = "application/ld+json;profile=\"https://w3id.org/did-resolution\""
            try await client.execute(uri: "/1.0/identifiers/\(did)", method: .get, headers: [.accept: profile]) { response in
                #expect(response.status == .ok && response.headers[.contentType] == profile)
                #expect(HTTPTest.parsed(response)["didDocument"]?["id"]?.stringValue == did)
            }
            try await client.execute(uri: "/1.0/identifiers/\(did)", method: .get, headers: [.accept: "application/did"]) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/did")
                let document = try HTTPTest.json(response)
                #expect(document["id"]?.stringValue == did && document["@context"]?[0] == "https://www.w3.org/ns/did/v1.1" && document["didDocument"] == nil)
            }
            try await client.execute(uri: "/1.0/identifiers/\(did)", method: .get, headers: [.accept: "application/did+ld+json"]) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/did+ld+json")
                let document = try HTTPTest.json(response)
                #expect(document["id"]?.stringValue == did && document["@context"]?[0] == "https://www.w3.org/ns/did/v1" && document["didDocument"] == nil)
            }
            try await client.execute(uri: "/1.0/identifiers/\(did)", method: .get,
                                     headers: [.accept: "application/did+ld+json;q=0.5, application/did+json"]) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/did+json")
                let document = try HTTPTest.json(response)
                #expect(document["id"]?.stringValue == did && document["@context"] == nil)
            }
            let key = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
            try await client.execute(uri: "/1.0/identifiers/\(key)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(HTTPTest.parsed(response)["didDocument"]?["id"]?.stringValue == key)
            }
        }
    }

    @Test("invalid DID 400, unknown DID 404, deactivated DID 410 with its result, unsupported Accept 406, unknown method 501")
    func failures() async throws {
        let fixture = try await NodeFixture()
        let chainId = fixture.chain.chainId
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.router) { client in
            try await client.execute(uri: "/1.0/identifiers/did:Bad:%%", method: .get) { response in
                #expect(response.status == .badRequest && response.headers[.contentType] == "application/did-resolution")
                #expect(HTTPTest.parsed(response)["didResolutionMetadata"]?["error"]?["type"] == "https://www.w3.org/ns/did#INVALID_DID")
            }
            let unknown = "did:chancery:\(chainId):0x\(String(repeating: "ab", count: 20))"
            try await client.execute(uri: "/1.0/identifiers/\(unknown)", method: .get) { response in
                #expect(response.status == .notFound)
                let result = try HTTPTest.json(response)
                #expect(result["didResolutionMetadata"]?["error"]?["type"] == "https://www.w3.org/ns/did#NOT_FOUND" && result["didDocument"] == .null)
            }
            try await client.execute(uri: "/1.0/identifiers/\(unknown)", method: .get, headers: [.accept: "application/did+json"]) { response in
                try HTTPTest.expectProblem(response, 404)
                #expect(HTTPTest.parsed(response)["title"] == "notFound")
                #expect(HTTPTest.parsed(response)["type"] == "https://www.w3.org/ns/did#NOT_FOUND")
            }
            let gone = fixture.deactivated!.description
            try await client.execute(uri: "/1.0/identifiers/\(gone)", method: .get) { response in
                #expect(response.status == .gone)
                let result = try HTTPTest.json(response)
                #expect(result["didDocumentMetadata"]?["deactivated"] == true)
                #expect(result["didDocument"]?["id"]?.stringValue == gone)
            }
            try await client.execute(uri: "/1.0/identifiers/\(gone)", method: .get, headers: [.accept: "application/did+ld+json"]) { response in
                #expect(response.status == .gone)
                #expect(HTTPTest.parsed(response)["id"]?.stringValue == gone)
            }
            for accept in ["text/html", "application/did-resolution;q=0", "application/json"] {
                try await client.execute(uri: "/1.0/identifiers/\(fixture.registered!)", method: .get, headers: [.accept: accept]) { response in
                    try HTTPTest.expectProblem(response, 406)
                }
            }
            try await client.execute(uri: "/1.0/identifiers/did:web:example.com", method: .get) { response in
                #expect(response.status == .notImplemented)
                #expect(HTTPTest.parsed(response)["didResolutionMetadata"]?["error"]?["title"] == "methodNotSupported")
            }
            try await client.execute(uri: "/1.0/identifiers/\(fixture.registered!)?versionTime=yesterday", method: .get) { response in
                try HTTPTest.expectProblem(response, 400)
            }
        }
    }

    @Test("DID URLs dereference: a fragment to its verification method or service, ?service= to a 303 at the endpoint with relativeRef, unknown ones 404, other parameters 400")
    func dereferences() async throws {
        let fixture = try await NodeFixture()
        let did = fixture.serviced!.description
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.router) { client in
            try await client.execute(uri: "/1.0/identifiers/\(did)%23key-1", method: .get, headers: [.accept: "application/did+json"]) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/did+json")
                let method = try HTTPTest.json(response)
                #expect(method["id"]?.stringValue == "\(did)#key-1" && method["controller"]?.stringValue == did, "\(method)")
            }
            try await client.execute(uri: "/1.0/identifiers/\(did)%23hub", method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/did-resolution")
                let result = try HTTPTest.json(response)
                #expect(result["contentStream"]?["serviceEndpoint"]?.stringValue == "https://hub.example/", "\(result)")
                #expect(result["contentMetadata"]?["versionId"] == "1")
            }
            try await client.execute(uri: "/1.0/identifiers/\(did)?service=hub&relativeRef=/credentials%3Fid%3D7", method: .get) { response in
                #expect(response.status.code == 303)
                #expect(response.headers[.location] == "https://hub.example/credentials?id=7", "\(response.headers)")
            }
            try await client.execute(uri: "/1.0/identifiers/\(did)?service=nothing", method: .get) { response in
                #expect(response.status == .notFound)
                let result = try HTTPTest.json(response)
                #expect(result["dereferencingMetadata"]?["error"]?["type"]?.stringValue == "https://www.w3.org/ns/did#NOT_FOUND", "\(result)")
            }
            try await client.execute(uri: "/1.0/identifiers/\(did)%23key-9", method: .get, headers: [.accept: "application/did+json"]) { response in
                try HTTPTest.expectProblem(response, 404)
            }
            try await client.execute(uri: "/1.0/identifiers/\(did)%3Fhl%3Dzabc", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
