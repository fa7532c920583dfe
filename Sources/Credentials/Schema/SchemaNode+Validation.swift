import Primitives

extension SchemaNode {
    /// Appends to `violations` every way in which `instance` (found at `path`) fails this node;
    /// keywords are independent, so all of them are checked rather than stopping at the first.
    func validate(_ instance: JSONValue, at path: String, into violations: inout [SchemaViolation], budget: inout PatternBudget) {
        // This node's own violations come before those of its children, in document order.
        var own: [SchemaViolation] = []
        var children: [SchemaViolation] = []
        defer { violations += own + children }
        func fail(_ keyword: String, _ reason: String) {
            let location = constantVerdict == nil ? JSONPointer.appending(pointer, keyword) : pointer
            own.append(SchemaViolation(instancePointer: path, keyword: keyword, schemaPointer: location, reason: reason))
        }
        if let verdict = constantVerdict {
            if !verdict { fail("false", "No value is allowed here.") }
            return
        }
        if let types, !types.contains(where: { $0.matches(instance) }) {
            let expected = types.map(\.rawValue).joined(separator: " or ")
            fail("type", "Expected \(expected) but found \(SchemaType.name(of: instance)).")
        }
        if let enumValues, !enumValues.contains(instance) {
            fail("enum", "The value is not one of the \(enumValues.count) allowed values.")
        }
        if let constValue, constValue != instance {
            fail("const", "The value is not the one allowed value.")
        }
        switch instance {
        case .string(let string): validateString(string, budget: &budget, fail: fail)
        case .number(let number): validateNumber(number, fail: fail)
        case .array(let array): validateArray(array, at: path, into: &children, budget: &budget, fail: fail)
        case .object(let object): validateObject(object, at: path, into: &children, budget: &budget, fail: fail)
        case .null, .bool: break
        }
    }

    private func validateString(_ string: String, budget: inout PatternBudget, fail: (String, String) -> Void) {
        // Lengths count Unicode code points (validation §6.3.1), not UTF-16 units or graphemes.
        let length = string.unicodeScalars.count
        if let minLength, length < minLength { fail("minLength", "Has \(length) characters, fewer than \(minLength).") }
        if let maxLength, length > maxLength { fail("maxLength", "Has \(length) characters, more than \(maxLength).") }
        if let pattern {
            switch pattern.match(string, budget: &budget) {
            case .matches: break
            case .noMatch: fail("pattern", "Does not match the pattern \(pattern.source).")
            case .tooCostly: fail("pattern", "Matching the pattern \(pattern.source) takes more work than allowed (patternTooCostly); the schema's pattern backtracks on this value, or the verification's pattern budget is spent.")
            }
        }
        if let format, !format.accepts(string) { fail("format", "Is not a valid \(format.rawValue).") }
    }

    private func validateNumber(_ number: Double, fail: (String, String) -> Void) {
        if let minimum, number < minimum { fail("minimum", "\(number) is less than \(minimum).") }
        if let maximum, number > maximum { fail("maximum", "\(number) is greater than \(maximum).") }
        if let exclusiveMinimum, number <= exclusiveMinimum {
            fail("exclusiveMinimum", "\(number) is not greater than \(exclusiveMinimum).")
        }
        if let exclusiveMaximum, number >= exclusiveMaximum {
            fail("exclusiveMaximum", "\(number) is not less than \(exclusiveMaximum).")
        }
        if let multipleOf, !Self.isMultiple(number, of: multipleOf) {
            fail("multipleOf", "\(number) is not a multiple of \(multipleOf).")
        }
    }

    /// Divides rather than takes a remainder, so decimal divisors such as 0.01 work on values
    /// like 19.99 whose binary remainder is not exactly zero.
    static func isMultiple(_ number: Double, of divisor: Double) -> Bool {
        let quotient = number / divisor
        guard quotient.isFinite else { return false }
        return abs(quotient - quotient.rounded()) <= 1e-9 * max(1, abs(quotient))
    }

    private func validateArray(
        _ array: [JSONValue], at path: String, into violations: inout [SchemaViolation], budget: inout PatternBudget,
        fail: (String, String) -> Void
    ) {
        if let minItems, array.count < minItems { fail("minItems", "Has \(array.count) items, fewer than \(minItems).") }
        if let maxItems, array.count > maxItems { fail("maxItems", "Has \(array.count) items, more than \(maxItems).") }
        if uniqueItems, Set(array).count != array.count { fail("uniqueItems", "Contains duplicate items.") }
        if let items {
            for (index, element) in array.enumerated() {
                items.validate(element, at: JSONPointer.appending(path, index), into: &violations, budget: &budget)
            }
        }
    }

    private func validateObject(
        _ object: JSONObject, at path: String, into violations: inout [SchemaViolation], budget: inout PatternBudget,
        fail: (String, String) -> Void
    ) {
        for name in required where object[name] == nil {
            fail("required", "Required property '\(name)' is missing.")
        }
        for (name, node) in properties {
            if let member = object[name] { node.validate(member, at: JSONPointer.appending(path, name), into: &violations, budget: &budget) }
        }
        guard let additionalProperties else { return }
        // UTF-8 bytes, because member names compare by Unicode scalars, not canonical equivalence;
        // a few declared names are compared in place rather than hashed into a set per instance.
        let declared = properties.count > 16 ? Set(properties.map { Array($0.name.utf8) }) : nil
        func isDeclared(_ name: String) -> Bool {
            if let declared { return declared.contains(Array(name.utf8)) }
            return properties.contains { $0.name.utf8.elementsEqual(name.utf8) }
        }
        for (name, member) in object where !isDeclared(name) {
            let memberPath = JSONPointer.appending(path, name)
            if additionalProperties.constantVerdict == false {
                violations.append(SchemaViolation(
                    instancePointer: memberPath, keyword: "additionalProperties",
                    schemaPointer: additionalProperties.pointer, reason: "Property '\(name)' is not allowed."))
            } else {
                additionalProperties.validate(member, at: memberPath, into: &violations, budget: &budget)
            }
        }
    }
}
