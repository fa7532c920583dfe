import Credentials
import Primitives

/// The JSON Schema subset of CPTs: the bytes before the first NUL are a schema, those after it
/// an instance (the schema itself when there are none). Validation answers a list of
/// violations, never a trap, and agrees with `accepts`.
enum SchemaHarness {
    static func run(_ input: [UInt8]) {
        let (schemaBytes, instanceBytes) = FuzzInput.split(input)
        guard let schema = try? CredentialSchema(parsing: FuzzInput.text(schemaBytes)) else { return }
        let instance = instanceBytes.isEmpty ? schema.document : ((try? JSONValue(parsing: instanceBytes)) ?? .string(FuzzInput.text(instanceBytes)))
        let violations = schema.validate(instance)
        FuzzCheck.require(violations.isEmpty == schema.accepts(instance), "validate and accepts agree")
    }
}
