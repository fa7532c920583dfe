import KeyCustody
import Node
import Testing

/// The node's session table is bounded: a log-in beyond the cap is refused until a session ends.
struct AccountSessionsTests {
    @Test("with the cap of live sessions reached a log-in is refused; one that ends or expires makes room")
    func capRefusesUntilOneEnds() {
        let sessions = AccountSessions(lifetime: .seconds(60), maximum: 2)
        let custody = AccountCustody(name: "bob", custodian: InMemoryCustodian(), memberKey: KeyReference("bob"), didKeys: [])
        let first = sessions.open(account: "bob", custody: custody, now: 0)
        let second = sessions.open(account: "bob", custody: custody, now: 0)
        #expect(first != nil && second != nil)
        #expect(sessions.open(account: "bob", custody: custody, now: 0) == nil)
        #expect(sessions.close(first!.token))
        #expect(sessions.open(account: "bob", custody: custody, now: 0) != nil)
        // Expired sessions are swept when room is needed.
        #expect(sessions.open(account: "bob", custody: custody, now: 61_000) != nil)
    }
}
