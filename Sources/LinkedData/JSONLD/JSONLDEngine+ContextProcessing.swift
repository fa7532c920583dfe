import Primitives

extension JSONLDEngine {
    /// The Context Processing algorithm (JSON-LD 1.1 API section 4.1.2), through the cache
    /// when the active context came from it and `cacheable` is set. Scoped contexts of cached
    /// contexts come from context URLs, so they are cached; a context built from a document's
    /// inline context has no cache identity, so nothing below it is.
    mutating func processContext(
        _ activeContext: ActiveContext, _ localContext: JSONValue, baseURL: String?,
        remoteContexts: [String] = [], overrideProtected: Bool = false, propagate: Bool = true,
        validateScopedContext: Bool = true, cacheable: Bool = true
    ) throws -> ActiveContext {
        guard cacheable, remoteContexts.isEmpty, let cache, let parent = activeContext.cacheKey else {
            return try processContextUncached(activeContext, localContext, baseURL: baseURL, remoteContexts: remoteContexts,
                                              overrideProtected: overrideProtected, propagate: propagate,
                                              validateScopedContext: validateScopedContext)
        }
        let key = ContextCache.Key(parent: parent, local: localContext, baseURL: baseURL,
                                   overrideProtected: overrideProtected, propagate: propagate,
                                   validateScopedContext: validateScopedContext)
        if let cached = cache.context(for: key) { return cached }
        let result = try processContextUncached(activeContext, localContext, baseURL: baseURL,
                                                overrideProtected: overrideProtected, propagate: propagate,
                                                validateScopedContext: validateScopedContext)
        return cache.store(result, for: key)
    }

    private mutating func processContextUncached(
        _ activeContext: ActiveContext, _ localContext: JSONValue, baseURL: String?,
        remoteContexts: [String] = [], overrideProtected: Bool = false, propagate: Bool = true,
        validateScopedContext: Bool = true
    ) throws -> ActiveContext {
        var result = activeContext
        result.cacheKey = nil
        var propagate = propagate
        if case .object(let object) = localContext, let value = object["@propagate"] {
            guard case .bool(let flag) = value else {
                throw Self.error("invalid @propagate value", "@propagate must be true or false.")
            }
            propagate = flag
        }
        if !propagate, result.previousContext == nil {
            result.previousContext = activeContext
        }
        let contexts: [JSONValue] = localContext.arrayValue ?? [localContext]
        for context in contexts {
            switch context {
            case .null:
                if !overrideProtected, result.hasProtectedTerms {
                    throw Self.error("invalid context nullification", "A context with protected terms cannot be set to null.")
                }
                let previous = result
                result = ActiveContext(base: activeContext.originalBaseURL)
                result.cacheKey = nil
                if !propagate { result.previousContext = previous }
                continue
            case .string(let reference):
                let url = IRI.resolve(reference, against: baseURL)
                if !validateScopedContext, remoteContexts.contains(url) { continue }
                guard remoteContexts.count < Self.maxRemoteContexts else {
                    throw Self.error("context overflow", "More than \(Self.maxRemoteContexts) remote contexts were included.")
                }
                var remote = remoteContexts
                remote.append(url)
                let loaded = try loader.loadContext(url)
                guard case .object(let document) = loaded.document, let inner = document["@context"] else {
                    throw Self.error("invalid remote context", "The context document \(url) has no @context member.")
                }
                result = try processContextUncached(result, inner, baseURL: loaded.documentURL, remoteContexts: remote,
                                            overrideProtected: overrideProtected,
                                            validateScopedContext: validateScopedContext)
                continue
            case .object:
                break
            default:
                throw Self.error("invalid local context", "A context must be null, a string or an object.")
            }
            guard case .object(var object) = context else { continue }
            if let version = object["@version"] {
                guard version == .number(1.1) else {
                    throw Self.error("invalid @version value", "@version must be 1.1.")
                }
            }
            if let importValue = object["@import"] {
                guard case .string(let reference) = importValue else {
                    throw Self.error("invalid @import value", "@import must be a string.")
                }
                let url = IRI.resolve(reference, against: baseURL)
                let loaded = try loader.loadContext(url)
                guard case .object(let document) = loaded.document, case .object(let imported)? = document["@context"] else {
                    throw Self.error("invalid remote context", "The imported context \(url) has no @context object.")
                }
                if imported["@import"] != nil {
                    throw Self.error("invalid context entry", "An imported context cannot itself have @import.")
                }
                var merged = imported
                for (key, value) in object { merged[key] = value }
                object = merged
            }
            if let base = object["@base"], remoteContexts.isEmpty {
                switch base {
                case .null: result.baseIRI = nil
                case .string(let value) where IRI.isAbsolute(value): result.baseIRI = value
                case .string(let value) where result.baseIRI != nil:
                    result.baseIRI = IRI.resolve(value, against: result.baseIRI)
                default:
                    throw Self.error("invalid base IRI", "@base must be an IRI or null.")
                }
            }
            if let vocab = object["@vocab"] {
                switch vocab {
                case .null: result.vocabularyMapping = nil
                case .string(let value):
                    guard let expanded = try expandIRI(result, value, documentRelative: true, vocab: true),
                          IRI.isAbsolute(expanded) || Keywords.isBlankNodeIdentifier(expanded) || expanded.isEmpty
                    else {
                        throw Self.error("invalid vocab mapping", "@vocab must be an IRI or a blank node identifier.")
                    }
                    result.vocabularyMapping = expanded
                default:
                    throw Self.error("invalid vocab mapping", "@vocab must be a string or null.")
                }
            }
            if let language = object["@language"] {
                switch language {
                case .null: result.defaultLanguage = nil
                case .string(let value): result.defaultLanguage = value.lowercased()
                default: throw Self.error("invalid default language", "@language must be a string or null.")
                }
            }
            if let direction = object["@direction"] {
                switch direction {
                case .null: result.defaultDirection = nil
                case .string(let value) where value == "ltr" || value == "rtl": result.defaultDirection = value
                default: throw Self.error("invalid base direction", "@direction must be \"ltr\", \"rtl\" or null.")
                }
            }
            if let propagateValue = object["@propagate"], propagateValue.boolValue == nil {
                throw Self.error("invalid @propagate value", "@propagate must be true or false.")
            }
            if let protectedValue = object["@protected"], protectedValue.boolValue == nil {
                throw Self.error("invalid @protected value", "@protected must be true or false.")
            }
            var defined: [String: Bool] = [:]
            for (key, _) in object {
                switch key {
                case "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab":
                    continue
                default:
                    let scope = LocalScope(context: object, baseURL: baseURL, overrideProtected: overrideProtected,
                                           remoteContexts: remoteContexts)
                    try createTermDefinition(&result, scope, key, &defined)
                }
            }
        }
        return result
    }

    /// The Create Term Definition algorithm (JSON-LD 1.1 API section 4.2.2).
    mutating func createTermDefinition(
        _ activeContext: inout ActiveContext, _ scope: LocalScope, _ term: String, _ defined: inout [String: Bool]
    ) throws {
        let localContext = scope.context
        let baseURL = scope.baseURL
        let overrideProtected = scope.overrideProtected
        let remoteContexts = scope.remoteContexts
        let protected = localContext["@protected"]?.boolValue ?? false
        if let state = defined[term] {
            if state { return }
            throw Self.error("cyclic IRI mapping", "The term '\(term)' is defined through itself.")
        }
        if term.isEmpty { throw Self.error("invalid term definition", "The empty string cannot be a term.") }
        defined[term] = false
        let value = localContext[term] ?? .null
        if term == "@type" {
            guard case .object(let object) = value, !object.isEmpty,
                  object.allSatisfy({ ($0.key == "@container" && $0.value == .string("@set")) || $0.key == "@protected" })
            else {
                throw Self.error("keyword redefinition", "@type can only be given @container @set and @protected.")
            }
        } else if Keywords.isKeyword(term) {
            throw Self.error("keyword redefinition", "The keyword \(term) cannot be redefined.")
        } else if Keywords.hasKeywordForm(term) {
            defined[term] = true
            return
        }
        let previousDefinition = activeContext.terms.removeValue(forKey: term)
        var simpleTerm = false
        let object: JSONObject
        switch value {
        case .null: object = JSONObject([("@id", .null)])
        case .string: object = JSONObject([("@id", value)]); simpleTerm = true
        case .object(let map): object = map
        default: throw Self.error("invalid term definition", "The definition of '\(term)' must be a string, an object or null.")
        }
        var definition = TermDefinition()
        var isProtected = protected
        if let protectedValue = object["@protected"] {
            guard case .bool(let flag) = protectedValue else {
                throw Self.error("invalid @protected value", "@protected must be true or false.")
            }
            isProtected = flag
        }
        definition.protected = isProtected
        if let typeValue = object["@type"] {
            guard case .string(let type) = typeValue else {
                throw Self.error("invalid type mapping", "The @type of '\(term)' must be a string.")
            }
            let expanded = try expandIRI(&activeContext, type, vocab: true, scope: scope, defined: &defined)
            guard let expanded, ["@id", "@vocab", "@json", "@none"].contains(expanded) || IRI.isAbsolute(expanded)
            else {
                throw Self.error("invalid type mapping", "The @type of '\(term)' must be @id, @vocab, @json, @none or an IRI.")
            }
            definition.typeMapping = expanded
        }
        if let reverseValue = object["@reverse"] {
            if object["@id"] != nil || object["@nest"] != nil {
                throw Self.error("invalid reverse property", "A reverse property cannot have @id or @nest.")
            }
            guard case .string(let reverse) = reverseValue else {
                throw Self.error("invalid IRI mapping", "@reverse must be a string.")
            }
            if Keywords.hasKeywordForm(reverse) {
                defined[term] = true
                return
            }
            let expanded = try expandIRI(&activeContext, reverse, vocab: true, scope: scope, defined: &defined)
            guard let expanded, expanded.contains(":") else {
                throw Self.error("invalid IRI mapping", "@reverse of '\(term)' must expand to an IRI or blank node.")
            }
            definition.iriMapping = expanded
            if let container = object["@container"] {
                switch container {
                case .null: break
                case .string("@set"), .string("@index"): definition.containerMapping = [container.stringValue!]
                default: throw Self.error("invalid reverse property", "A reverse property's container must be @set or @index.")
                }
            }
            definition.reverseProperty = true
            try setIndexMapping(&definition, object, activeContext)
            if !overrideProtected, let previousDefinition, previousDefinition.protected {
                if !definition.sameAs(previousDefinition) {
                    throw Self.error("protected term redefinition", "The protected term '\(term)' cannot be redefined.")
                }
                definition = previousDefinition
            }
            activeContext.terms[term] = definition
            defined[term] = true
            return
        }
        let idValue = object["@id"]
        if let idValue, idValue != .string(term) {
            switch idValue {
            case .null:
                definition.iriMapping = nil
            case .string(let id):
                if !Keywords.isKeyword(id), Keywords.hasKeywordForm(id) {
                    defined[term] = true
                    return
                }
                let expanded = try expandIRI(&activeContext, id, vocab: true, scope: scope, defined: &defined)
                guard let expanded, Keywords.isKeyword(expanded) || expanded.contains(":") else {
                    throw Self.error("invalid IRI mapping", "The @id of '\(term)' must expand to an IRI, a blank node or a keyword.")
                }
                if expanded == "@context" {
                    throw Self.error("invalid keyword alias", "@context cannot be aliased.")
                }
                definition.iriMapping = expanded
                let inner = term.dropFirst().dropLast()
                if inner.contains(":") || term.contains("/") {
                    defined[term] = true
                    let termExpansion = try expandIRI(&activeContext, term, vocab: true, scope: scope, defined: &defined)
                    if termExpansion != expanded {
                        throw Self.error("invalid IRI mapping", "The term '\(term)' looks like an IRI but maps to another.")
                    }
                }
                if !term.contains(":"), !term.contains("/"), simpleTerm,
                   Keywords.endsWithGenDelim(expanded) || Keywords.isBlankNodeIdentifier(expanded) {
                    definition.prefix = true
                }
            default:
                throw Self.error("invalid IRI mapping", "The @id of '\(term)' must be a string or null.")
            }
        } else if let colon = term.dropFirst().firstIndex(of: ":") {
            let prefix = String(term[..<colon])
            let suffix = String(term[term.index(after: colon)...])
            if localContext[prefix] != nil {
                try createTermDefinition(&activeContext, scope, prefix, &defined)
            }
            if let prefixDefinition = activeContext.terms[prefix], let prefixIRI = prefixDefinition.iriMapping {
                definition.iriMapping = prefixIRI + suffix
            } else {
                definition.iriMapping = term
            }
        } else if term.contains("/") {
            let expanded = try expandIRI(activeContext, term, vocab: true)
            guard let expanded, IRI.isAbsolute(expanded) else {
                throw Self.error("invalid IRI mapping", "The term '\(term)' must expand to an IRI.")
            }
            definition.iriMapping = expanded
        } else if term == "@type" {
            definition.iriMapping = "@type"
        } else if let vocab = activeContext.vocabularyMapping {
            definition.iriMapping = vocab + term
        } else {
            throw Self.error("invalid IRI mapping", "The term '\(term)' has no @id and there is no @vocab.")
        }
        if let containerValue = object["@container"] {
            let items: [JSONValue] = containerValue.arrayValue ?? [containerValue]
            var container: [String] = []
            for item in items {
                guard case .string(let keyword) = item else {
                    throw Self.error("invalid container mapping", "@container values must be strings.")
                }
                container.append(keyword)
            }
            guard Self.isValidContainer(container, isArray: containerValue.arrayValue != nil) else {
                throw Self.error("invalid container mapping", "The @container of '\(term)' is not a valid combination.")
            }
            definition.containerMapping = container
            if container.contains("@type") {
                if definition.typeMapping == nil { definition.typeMapping = "@id" }
                guard definition.typeMapping == "@id" || definition.typeMapping == "@vocab" else {
                    throw Self.error("invalid type mapping", "A type map's @type must be @id or @vocab.")
                }
            }
        }
        try setIndexMapping(&definition, object, activeContext)
        if let scoped = object["@context"] {
            do {
                var copy = self
                _ = try copy.processContextUncached(activeContext, scoped, baseURL: baseURL, remoteContexts: remoteContexts,
                                            overrideProtected: true, validateScopedContext: false)
            } catch let error as LinkedDataError where error.code == .invalidJSONLD {
                throw Self.error("invalid scoped context", "The scoped context of '\(term)' is invalid: \(error.reason)")
            }
            definition.localContext = scoped
            definition.baseURL = baseURL
        }
        if let languageValue = object["@language"], object["@type"] == nil {
            switch languageValue {
            case .null: definition.languageMapping = .some(nil)
            case .string(let language): definition.languageMapping = .some(language.lowercased())
            default: throw Self.error("invalid language mapping", "@language must be a string or null.")
            }
        }
        if let directionValue = object["@direction"], object["@type"] == nil {
            switch directionValue {
            case .null: definition.directionMapping = .some(nil)
            case .string(let direction) where direction == "ltr" || direction == "rtl":
                definition.directionMapping = .some(direction)
            default: throw Self.error("invalid base direction", "@direction must be \"ltr\", \"rtl\" or null.")
            }
        }
        if let nestValue = object["@nest"] {
            guard case .string(let nest) = nestValue, nest == "@nest" || !Keywords.isKeyword(nest) else {
                throw Self.error("invalid @nest value", "@nest must be a term or @nest.")
            }
            definition.nestValue = nest
        }
        if let prefixValue = object["@prefix"] {
            if term.contains(":") || term.contains("/") {
                throw Self.error("invalid term definition", "A compact IRI or IRI term cannot set @prefix.")
            }
            guard case .bool(let flag) = prefixValue else {
                throw Self.error("invalid @prefix value", "@prefix must be true or false.")
            }
            definition.prefix = flag
            if flag, let mapping = definition.iriMapping, Keywords.isKeyword(mapping) {
                throw Self.error("invalid term definition", "A keyword alias cannot be a prefix.")
            }
        }
        let allowed: Set<String> = ["@id", "@reverse", "@container", "@context", "@direction", "@index", "@language",
                                    "@nest", "@prefix", "@protected", "@type"]
        for key in object.keys where !allowed.contains(key) {
            throw Self.error("invalid term definition", "The definition of '\(term)' has the unknown entry \(key).")
        }
        if !overrideProtected, let previousDefinition, previousDefinition.protected {
            if !definition.sameAs(previousDefinition) {
                throw Self.error("protected term redefinition", "The protected term '\(term)' cannot be redefined.")
            }
            definition = previousDefinition
        }
        activeContext.terms[term] = definition
        defined[term] = true
    }

    /// Step 22 of Create Term Definition: a property-valued index.
    private func setIndexMapping(_ definition: inout TermDefinition, _ object: JSONObject,
                                 _ activeContext: ActiveContext) throws {
        guard let indexValue = object["@index"] else { return }
        guard definition.hasContainer("@index"), case .string(let index) = indexValue else {
            throw Self.error("invalid term definition", "@index needs an @index container and a string value.")
        }
        guard let expanded = try expandIRI(activeContext, index, vocab: true), IRI.isAbsolute(expanded),
              !Keywords.isKeyword(index) else {
            throw Self.error("invalid term definition", "@index must expand to an IRI.")
        }
        definition.indexMapping = index
    }

    private static func isValidContainer(_ container: [String], isArray: Bool) -> Bool {
        let single: Set<String> = ["@graph", "@id", "@index", "@language", "@list", "@set", "@type"]
        if container.count == 1 { return single.contains(container[0]) }
        let set = Set(container)
        guard set.count == container.count, isArray else { return false }
        if set.contains("@list") { return false }
        if set.contains("@graph") {
            let rest = set.subtracting(["@graph", "@set"])
            return rest.isEmpty || rest == ["@id"] || rest == ["@index"]
        }
        if set.contains("@set") {
            let rest = set.subtracting(["@set"])
            return rest.count == 1 && ["@index", "@id", "@type", "@language"].contains(rest.first!)
        }
        return false
    }

    /// IRI Expansion (JSON-LD 1.1 API section 5.2.2) with a context still being defined: terms
    /// of `scope` that `value` needs are defined first.
    mutating func expandIRI(
        _ activeContext: inout ActiveContext, _ value: String, documentRelative: Bool = false, vocab: Bool = false,
        scope: LocalScope?, defined: inout [String: Bool]
    ) throws -> String? {
        if Keywords.isKeyword(value) { return value }
        if Keywords.hasKeywordForm(value) { return nil }
        if let scope, scope.context[value] != nil, defined[value] != true {
            try createTermDefinition(&activeContext, scope, value, &defined)
        }
        if let definition = activeContext.terms[value], let mapping = definition.iriMapping, Keywords.isKeyword(mapping) {
            return mapping
        }
        if vocab, let definition = activeContext.terms[value] {
            return definition.iriMapping
        }
        if let colon = value.dropFirst().firstIndex(of: ":") {
            let prefix = String(value[..<colon])
            let suffix = value[value.index(after: colon)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let scope, scope.context[prefix] != nil, defined[prefix] != true {
                try createTermDefinition(&activeContext, scope, prefix, &defined)
            }
            if let definition = activeContext.terms[prefix], let mapping = definition.iriMapping, definition.prefix {
                return mapping + suffix
            }
            if IRI.isAbsolute(value) { return value }
        }
        return vocabularyOrBase(activeContext, value, documentRelative: documentRelative, vocab: vocab)
    }

    /// IRI Expansion (JSON-LD 1.1 API section 5.2.2) against a complete active context.
    func expandIRI(_ activeContext: ActiveContext, _ value: String, documentRelative: Bool = false,
                   vocab: Bool = false) throws -> String? {
        if Keywords.isKeyword(value) { return value }
        if Keywords.hasKeywordForm(value) { return nil }
        if let definition = activeContext.terms[value] {
            if let mapping = definition.iriMapping, Keywords.isKeyword(mapping) { return mapping }
            if vocab { return definition.iriMapping }
        }
        if let colon = value.dropFirst().firstIndex(of: ":") {
            let prefix = value[..<colon]
            let suffix = value[value.index(after: colon)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let definition = activeContext.terms[String(prefix)], let mapping = definition.iriMapping, definition.prefix {
                return mapping + suffix
            }
            if IRI.isAbsolute(value) { return value }
        }
        return vocabularyOrBase(activeContext, value, documentRelative: documentRelative, vocab: vocab)
    }
}

extension JSONLDEngine {
    /// The last steps of IRI Expansion (5.2.2, steps 7 to 9), shared by both forms above: the
    /// vocabulary mapping for a vocabulary-relative value, else the base IRI for a
    /// document-relative one, else the value as it is.
    private func vocabularyOrBase(_ activeContext: ActiveContext, _ value: String, documentRelative: Bool, vocab: Bool) -> String {
        if vocab, let vocabulary = activeContext.vocabularyMapping { return vocabulary + value }
        if documentRelative { return IRI.resolve(value, against: activeContext.baseIRI) }
        return value
    }
}

/// The local context whose terms are being defined, with the settings its definitions share.
struct LocalScope {
    let context: JSONObject
    let baseURL: String?
    let overrideProtected: Bool
    let remoteContexts: [String]
}
