public import Primitives

extension SDJWT {
    /// The Processed SD-JWT Payload (RFC 9901 §7.1 step 3): every `_sd` digest and `{"...":
    /// digest}` array element with a received Disclosure is replaced by its claim, recursively;
    /// array elements without one are dropped; `_sd`, `_sd_alg` are removed. `cnf` stays, as in
    /// the RFC's processed payloads (and is also ``holderKey``).
    /// - Returns: the disclosed credential.
    /// - Throws: `CredentialsError.invalidSDJWT` when a digest appears twice, a Disclosure is
    ///   not referenced, a disclosed name already exists at its level, a Disclosure has the
    ///   wrong shape for its place, or an `_sd` is not an array of strings.
    public func disclosedCredential() throws -> JSONObject {
        var state = Processing(byDigest: Dictionary(uniqueKeysWithValues: disclosures.map { ($0.digest, $0) }))
        var result = try state.object(payload)
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

    mutating func value(_ value: JSONValue) throws -> JSONValue {
        switch value {
        case .object(let object): .object(try self.object(object))
        case .array(let array): .array(try self.array(array))
        default: value
        }
    }

    mutating func object(_ object: JSONObject) throws -> JSONObject {
        var result = JSONObject()
        for (key, member) in object where key != "_sd" {
            result[key] = try value(member)
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
            result[name] = try value(disclosure.value)
        }
        return result
    }

    mutating func array(_ array: [JSONValue]) throws -> [JSONValue] {
        var result: [JSONValue] = []
        for element in array {
            guard let object = element.objectValue, object.count == 1, let digest = object["..."]?.stringValue else {
                result.append(try value(element))
                continue
            }
            guard let disclosure = try match(digest) else { continue }
            guard disclosure.claimName == nil else {
                throw CredentialsError.invalidSDJWT("Disclosure \(digest) names a claim but is referenced as an array element.")
            }
            result.append(try value(disclosure.value))
        }
        return result
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
