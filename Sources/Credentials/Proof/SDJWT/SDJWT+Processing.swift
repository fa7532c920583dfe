public import Primitives

extension SDJWT {
    /// The Processed SD-JWT Payload (RFC 9901 §7.1 step 3): every `_sd` digest and `{"...":
    /// digest}` array element with a received Disclosure is replaced by its claim, recursively;
    /// array elements without one are dropped; `_sd`, `_sd_alg` are removed. `cnf` stays, as in
    /// the RFC's processed payloads (and is also ``holderKey``).
    /// - Returns: the disclosed credential.
    /// - Throws: `CredentialsError.invalidSDJWT` when a digest appears twice, a Disclosure is
    ///   not referenced, a disclosed name already exists at its level, a Disclosure has the
    ///   wrong shape for its place, an `_sd` is not an array of strings, or the processed
    ///   payload nests deeper than ``maxDepth``.
    ///
    /// Each Disclosure is embedded at most once (a digest met twice is refused), so the work
    /// is linear in the payload and the Disclosures; the recursion is as deep as the
    /// processed payload, which ``maxDepth`` bounds in total, Disclosures included, rather
    /// than per Disclosure (chained Disclosures would otherwise nest without limit).
    public func disclosedCredential() throws -> JSONObject {
        var state = Processing(byDigest: Dictionary(uniqueKeysWithValues: disclosures.map { ($0.digest, $0) }))
        var result = try state.object(payload, depth: 1)
        result["_sd_alg"] = nil
        guard state.used.count == disclosures.count else {
            let unused = disclosures.first { !state.used.contains($0.digest) }
            throw CredentialsError.invalidSDJWT("Disclosure \(unused?.digest ?? "") is not referenced by any digest.")
        }
        return result
    }
}

/// One pass of RFC 9901 §7.1 step 3 over a payload.
private struct Processing {
    let byDigest: [String: Disclosure]
    var seen: Set<String> = []
    var used: Set<String> = []

    /// `value` placed at nesting `depth` (the payload object is depth 1).
    mutating func value(_ value: JSONValue, depth: Int) throws -> JSONValue {
        switch value {
        case .object(let object): .object(try self.object(object, depth: depth))
        case .array(let array): .array(try self.array(array, depth: depth))
        default: value
        }
    }

    mutating func object(_ object: JSONObject, depth: Int) throws -> JSONObject {
        try Self.check(depth)
        var result = JSONObject()
        for (key, member) in object where key != "_sd" {
            result[key] = try value(member, depth: depth + 1)
        }
        guard let sd = object["_sd"] else { return result }
        guard let digests = sd.arrayValue, digests.allSatisfy({ $0.stringValue != nil }) else {
            throw CredentialsError.invalidSDJWT("An _sd member is not an array of digest strings.")
        }
        for digest in digests.compactMap(\.stringValue) {
            guard let disclosure = try match(digest) else { continue }
            guard let name = disclosure.claimName else {
                throw CredentialsError.invalidSDJWT("Disclosure \(digest) is an array element but is referenced from _sd.")
            }
            guard result[name] == nil else {
                throw CredentialsError.invalidSDJWT("Disclosure \(digest) discloses '\(name)', which already exists at its level.")
            }
            result[name] = try value(disclosure.value, depth: depth + 1)
        }
        return result
    }

    mutating func array(_ array: [JSONValue], depth: Int) throws -> [JSONValue] {
        try Self.check(depth)
        var result: [JSONValue] = []
        for element in array {
            guard let object = element.objectValue, object.count == 1, let digest = object["..."]?.stringValue else {
                result.append(try value(element, depth: depth + 1))
                continue
            }
            guard let disclosure = try match(digest) else { continue }
            guard disclosure.claimName == nil else {
                throw CredentialsError.invalidSDJWT("Disclosure \(digest) names a claim but is referenced as an array element.")
            }
            result.append(try value(disclosure.value, depth: depth + 1))
        }
        return result
    }

    /// Refuses a container deeper than ``SDJWT/maxDepth``.
    static func check(_ depth: Int) throws {
        guard depth <= SDJWT.maxDepth else {
            throw CredentialsError.invalidSDJWT("With its Disclosures embedded, the SD-JWT payload nests deeper than the limit of \(SDJWT.maxDepth) levels.")
        }
    }

    /// The Disclosure for `digest`, after refusing a digest met twice.
    mutating func match(_ digest: String) throws -> Disclosure? {
        guard seen.insert(digest).inserted else {
            throw CredentialsError.invalidSDJWT("Digest \(digest) appears more than once in the SD-JWT.")
        }
        guard let disclosure = byDigest[digest] else { return nil }
        used.insert(digest)
        return disclosure
    }
}
