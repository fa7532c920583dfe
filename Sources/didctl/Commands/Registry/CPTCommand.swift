import Node
import ArgumentParser
import Chain
import Credentials
import DID
import Foundation
import Primitives

/// `didctl cpt …`: credential schemas (CPTs) on the chain.
struct CPTCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpt", abstract: "Register and show credential schemas (CPTs).",
        subcommands: [CPTRegisterCommand.self, CPTShowCommand.self])
}

/// `didctl cpt register --account NAME --schema FILE [--number N]`.
struct CPTRegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register a JSON Schema as a CPT under the account's DID; prints its id (urn:chancery:cpt:<number>:<version>).",
        discussion: "With --number, registers a new version of that CPT (only its author may). Schemas using a keyword or format Chancery does not implement are refused, naming it.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The registering account; its DID becomes the CPT's author.") var account: String
    @Option(help: "The JSON Schema file (draft 2020-12 subset, see specs/credentials.md §1).") var schema: String
    @Option(help: "An existing CPT number to add a version to.") var number: UInt64?

    func run() async throws {
        let chain = try await global.chain()
        defer { chain.close() }
        guard let data = FileManager.default.contents(atPath: schema) else { throw DidctlFailure("Cannot read \(schema).") }
        let document: JSONValue
        do { document = try JSONValue(parsing: [UInt8](data)) } catch { throw DidctlFailure("\(schema) is not valid JSON: \(error)") }
        // Refuse locally first, so the reason comes before any transaction is built.
        do { try CredentialSchema(document).checkRegistrable() } catch let error as CredentialsError { throw DidctlFailure(error.reason) }
        let directory = global.directory
        let (did, _, custody) = try await chain.credentialSigner(custody: try await directory.custodian(for: try directory.account(account)))
        let receipt = try await chain.submitCredentialOperation(
            .cptRegister, did: did, payload: CredentialLedgerPayload.cptRegistration(schema: document, number: number), signer: custody)
        guard let id = try await chain.schemaIdentifier(registeredBy: receipt.transactionId) else {
            throw DidctlFailure("The registration committed but its CPT id cannot be read back; run `didctl chain verify`.")
        }
        Output(json: global.json).emit(["id": id.description, "number": id.number, "version": id.version, "author": did.description,
                                        "transactionId": receipt.transactionId.description], text: id.description)
    }
}

/// `didctl cpt show ID`.
struct CPTShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a registered CPT's schema, author and time.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The CPT id, urn:chancery:cpt:<number>:<version>.") var id: String

    func run() async throws {
        let identifier: CPTIdentifier
        do { identifier = try CPTIdentifier(parsing: id) } catch let error as CredentialsError { throw DidctlFailure(error.reason) }
        if let nodeURL = global.nodeURL {
            let client = try NodeClient(nodeURL)
            let (status, object) = try await client.get("cpts/\(identifier)")
            guard status == 200 else { throw DidctlFailure(object["detail"]?.stringValue ?? "The node answered \(status) for CPT \(id).") }
            let document = object["schema"] ?? .null
            var shown: JSONObject = [:]
            for key in ["id", "author", "registered", "schema"] { shown[key] = object[key] }
            Output(json: global.json).emit(json: .object(shown),
                                           text: "\(object["id"]?.stringValue ?? id) by \(object["author"]?.stringValue ?? "?")\n\(document.prettyPrinted())")
            return
        }
        let runtime = try NodeRuntime(directory: global.directory, access: .read)
        defer { runtime.node.shutdown() }
        guard let registered = try runtime.credentialRegistry().schema(identifier) else { throw DidctlFailure("CPT \(id) is not registered.") }
        let object: JSONObject = ["id": .string(registered.id.description), "author": .string(registered.author.description),
                                  "registered": .number(Double(registered.registered)), "schema": registered.schema.document]
        Output(json: global.json).emit(json: .object(object), text: "\(registered.id) by \(registered.author)\n\(registered.schema.document.prettyPrinted())")
    }
}
