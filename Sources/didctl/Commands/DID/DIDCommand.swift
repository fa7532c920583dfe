import Node
import ArgumentParser

/// `didctl did ...`: the life of a `did:chancery` DID (`specs/did-method.md`), and resolution
/// of `did:key` DIDs as well.
struct DIDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "did",
        abstract: "Register, resolve, update and deactivate DIDs.",
        subcommands: [DIDCreateCommand.self, DIDResolveCommand.self, DIDUpdateCommand.self, DIDDeactivateCommand.self])
}
