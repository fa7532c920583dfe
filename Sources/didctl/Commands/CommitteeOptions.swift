import ArgumentParser
import Node

/// Which committee member approves a governance action: the data directory's operator by
/// default, or another member whose key its holder keeps in the same directory.
struct CommitteeOptions: ParsableArguments {
    @Option(name: .customLong("approver"),
            help: "The committee member who approves; its key is keys/committee-ID.key in the data directory.")
    var approver = DataDirectory.operatorCommitteeID
}
