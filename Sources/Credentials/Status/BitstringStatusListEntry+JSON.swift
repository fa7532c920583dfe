public import Primitives

extension BitstringStatusListEntry {
    /// Reads an entry from a `credentialStatus` object; members other than the ones modelled
    /// here (such as `statusMessage`) are ignored.
    /// - Parameter json: the entry object.
    /// - Throws: `CredentialsError.invalidStatusEntry` naming the first missing or malformed member.
    public init(json: JSONValue) throws {
        guard let object = json.objectValue else {
            throw CredentialsError.invalidStatusEntry("A status entry must be a JSON object.")
        }
        guard object["type"]?.stringValue == Self.type else {
            throw CredentialsError.invalidStatusEntry("A status entry's type must be \"\(Self.type)\".")
        }
        var id: String?
        if let member = object["id"] {
            guard let text = member.stringValue else {
                throw CredentialsError.invalidStatusEntry("A status entry's id must be a string.")
            }
            id = text
        }
        guard let purpose = object["statusPurpose"]?.stringValue else {
            throw CredentialsError.invalidStatusEntry("A status entry needs a string statusPurpose.")
        }
        guard let indexText = object["statusListIndex"]?.stringValue else {
            throw CredentialsError.invalidStatusEntry("A status entry needs statusListIndex as a string of decimal digits.")
        }
        guard !indexText.isEmpty, indexText.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let index = Int(indexText) else {
            throw CredentialsError.invalidStatusEntry("A statusListIndex must be decimal digits only, within 64 bits.")
        }
        guard let credential = object["statusListCredential"]?.stringValue else {
            throw CredentialsError.invalidStatusEntry("A status entry needs a string statusListCredential.")
        }
        var size = 1
        if let member = object["statusSize"] {
            guard let number = member.doubleValue, number.rounded() == number, let exact = Int(exactly: number) else {
                throw CredentialsError.invalidStatusEntry("A statusSize must be an integer.")
            }
            size = exact
        }
        try self.init(id: id, statusPurpose: StatusPurpose(purpose), statusListIndex: index,
                      statusListCredential: credential, statusSize: size)
    }

    /// The entry as a `credentialStatus` object; `statusSize` appears only when it is not 1.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        if let id { object["id"] = .string(id) }
        object["type"] = .string(Self.type)
        object["statusPurpose"] = .string(statusPurpose.rawValue)
        object["statusListIndex"] = .string(String(statusListIndex))
        object["statusListCredential"] = .string(statusListCredential)
        if statusSize != 1 { object["statusSize"] = .number(Double(statusSize)) }
        return .object(object)
    }
}
