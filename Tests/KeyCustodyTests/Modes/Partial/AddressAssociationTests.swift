import KeyCustody
import Primitives
import Testing
import TestVectors

@Suite("AddressAssociation")
struct AddressAssociationTests {
    let handle = [UInt8](repeating: 0xab, count: 32)
    let time: UInt64 = 1_700_000_000_123

    func publishedAddresses() throws -> [EthereumAddress] {
        try KeystoreVectors.keyAddressPairs().map { try EthereumAddress(bytes: Hex.decode($0.addr)) }
    }

    @Test("The auditor opens what was sealed to it, and the plaintext is the documented JCS text")
    func roundTrip() throws {
        let auditor = X25519PrivateKey()
        let addresses = try publishedAddresses()
        let association = try AddressAssociation(memberHandle: handle, addresses: addresses, time: time)
        let box = try association.sealed(to: auditor.publicKey)
        #expect(try AddressAssociation(opening: box, with: auditor) == association)

        let quoted = addresses.map { "\"\($0)\"" }.joined(separator: ",")
        let expected = #"{"addresses":["# + quoted + #"],"member":""# + String(repeating: "ab", count: 32) + #"","time":1700000000123}"#
        #expect(String(decoding: try SealedBox.open(box, with: auditor), as: UTF8.self) == expected)
    }

    @Test("Another auditor key, or an altered box, is authenticationFailed")
    func wrongKey() throws {
        let auditor = X25519PrivateKey()
        let box = try AddressAssociation(memberHandle: handle, addresses: publishedAddresses(), time: time).sealed(to: auditor.publicKey)
        let error = #expect(throws: KeyCustodyError.self) { try AddressAssociation(opening: box, with: X25519PrivateKey()) }
        #expect(error?.code == .authenticationFailed)
        var altered = box
        altered[60] ^= 0x01
        #expect(throws: KeyCustodyError(.authenticationFailed, "")) { try AddressAssociation(opening: altered, with: auditor) }
    }

    @Test("A plaintext that is not the canonical association is refused after opening")
    func nonCanonical() throws {
        let auditor = X25519PrivateKey()
        let member = String(repeating: "ab", count: 32)
        for text in [
            #"{"member":""# + member + #"","addresses":[],"time":1}"#,          // members out of order
            #"{"addresses":[],"member":""# + member + #"","time":1,"x":0}"#,    // extra member
            #"{"addresses":[],"member":""# + member.uppercased() + #"","time":1}"#,
            #"{"addresses":["0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826"],"member":""# + member + #"","time":1}"#,
        ] {
            let box = try SealedBox.seal(Array(text.utf8), to: auditor.publicKey)
            #expect(throws: KeyCustodyError(.invalidInput, "")) { try AddressAssociation(opening: box, with: auditor) }
        }
    }

    @Test("A handle that is not 32 bytes, a repeated address or an inexact time is refused")
    func invalidInput() throws {
        let addresses = try publishedAddresses()
        #expect(throws: KeyCustodyError(.invalidInput, "")) { try AddressAssociation(memberHandle: [1], addresses: addresses, time: time) }
        #expect(throws: KeyCustodyError(.invalidInput, "")) {
            try AddressAssociation(memberHandle: handle, addresses: addresses + addresses, time: time)
        }
        #expect(throws: KeyCustodyError(.invalidInput, "")) { try AddressAssociation(memberHandle: handle, addresses: [], time: 1 << 53) }
    }
}
