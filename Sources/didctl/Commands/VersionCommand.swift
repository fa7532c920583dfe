import Node
import ArgumentParser
import Primitives

/// `didctl version`: prints the version.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version of didctl.")

    @OptionGroup var global: LocalOptions

    func run() throws {
        let output = Output(json: global.json)
        output.emit(["version": Primitives.version], text: "didctl \(Primitives.version)")
    }
}
