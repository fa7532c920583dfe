import Primitives

extension JSONLDEngine {
    /// The Expansion algorithm (JSON-LD 1.1 API section 5.1.2).
    mutating func expand(
        _ activeContext: ActiveContext, activeProperty: String?, _ element: JSONValue, baseURL: String?,
        fromMap: Bool = false
    ) throws -> JSONValue {
        if case .null = element { return .null }
        let propertyDefinition = activeProperty.flatMap { activeContext.terms[$0] }
        let propertyScopedContext = propertyDefinition?.localContext
        switch element {
        case .array(let items):
            var result: [JSONValue] = []
            for item in items {
                var expanded = try expand(activeContext, activeProperty: activeProperty, item, baseURL: baseURL,
                                          fromMap: fromMap)
                if propertyDefinition?.hasContainer("@list") == true, case .array(let list) = expanded {
                    expanded = .object(JSONObject([("@list", .array(list))]))
                }
                switch expanded {
                case .array(let nested): result.append(contentsOf: nested)
                case .null: break
                default: result.append(expanded)
                }
            }
            return .array(result)
        case .object(let object):
            return try expandObject(activeContext, activeProperty: activeProperty, object, baseURL: baseURL,
                                    fromMap: fromMap, propertyDefinition: propertyDefinition)
        default:
            if activeProperty == nil || activeProperty == "@graph" { return .null }
            var context = activeContext
            if let propertyScopedContext {
                context = try processContext(context, propertyScopedContext, baseURL: propertyDefinition?.baseURL,
                                             overrideProtected: true)
            }
            return try expandValue(context, activeProperty: activeProperty, element)
        }
    }

    private mutating func expandObject(
        _ startContext: ActiveContext, activeProperty: String?, _ element: JSONObject, baseURL: String?,
        fromMap: Bool, propertyDefinition: TermDefinition?
    ) throws -> JSONValue {
        var activeContext = startContext
        // Step 7: a non-propagated context ends at a new node object.
        if let previous = activeContext.previousContext, !fromMap {
            var revert = true
            var keysExpanded: [String?] = []
            for key in element.keys {
                let expanded = try expandIRI(activeContext, key, vocab: true)
                if expanded == "@value" { revert = false; break }
                keysExpanded.append(expanded)
            }
            if revert, keysExpanded.count == 1, keysExpanded[0] == "@id" { revert = false }
            if revert { activeContext = previous }
        }
        if let scoped = propertyDefinition?.localContext {
            activeContext = try processContext(activeContext, scoped, baseURL: propertyDefinition?.baseURL,
                                               overrideProtected: true)
        }
        if let local = element["@context"] {
            // Only context URLs are cached: a document's inline contexts are its own, and caching
            // them would let documents fill the cache.
            let onlyURLs = (local.arrayValue ?? [local]).allSatisfy { $0.stringValue != nil }
            activeContext = try processContext(activeContext, local, baseURL: baseURL, cacheable: onlyURLs)
        }
        let typeScopedContext = activeContext
        var inputType: String?
        var typeKeys: [String] = []
        for key in element.keys where try expandIRI(activeContext, key, vocab: true) == "@type" {
            typeKeys.append(key)
        }
        typeKeys.sort()
        for key in typeKeys {
            let value = element[key]!
            let terms = (value.arrayValue ?? [value]).compactMap(\.stringValue).sorted()
            for term in terms {
                if let definition = typeScopedContext.terms[term], let local = definition.localContext {
                    activeContext = try processContext(activeContext, local, baseURL: definition.baseURL, propagate: false)
                }
            }
        }
        if let firstTypeKey = typeKeys.first, let value = element[firstTypeKey] {
            if let last = (value.arrayValue ?? [value]).last, case .string(let type) = last {
                inputType = try expandIRI(activeContext, type, vocab: true)
            }
        }
        var result = JSONObject()
        var state = ObjectExpansionState(activeContext: activeContext, typeScopedContext: typeScopedContext,
                                         activeProperty: activeProperty, baseURL: baseURL, inputType: inputType)
        try expandMembers(element, into: &result, state: &state)

        if let value = result["@value"] {
            let allowed: Set<String> = ["@direction", "@index", "@language", "@type", "@value"]
            if result.keys.contains(where: { !allowed.contains($0) })
                || (result["@type"] != nil && (result["@language"] != nil || result["@direction"] != nil)) {
                throw Self.error("invalid value object", "A value object has entries that cannot go together.")
            }
            if result["@type"] == .string("@json") {
                // Any JSON value.
            } else if value == .null || value == .array([]) {
                return .null
            } else if result["@language"] != nil, value.stringValue == nil {
                throw Self.error("invalid language-tagged value", "A language-tagged value must be a string.")
            } else if let type = result["@type"] {
                guard case .string(let iri) = type, IRI.isWellFormed(iri) else {
                    throw Self.error("invalid typed value", "The @type of a value must be an IRI.")
                }
            }
            if case .array = value, result["@type"] != .string("@json") {
                throw Self.error("invalid value object value", "@value must be a scalar.")
            }
            if case .object = value, result["@type"] != .string("@json") {
                throw Self.error("invalid value object value", "@value must be a scalar.")
            }
        } else if let type = result["@type"], type.arrayValue == nil {
            result["@type"] = .array([type])
        } else if result["@set"] != nil || result["@list"] != nil {
            if result.count > 2 || (result.count == 2 && result["@index"] == nil) {
                throw Self.error("invalid set or list object", "A set or list object can only have @index besides.")
            }
            if let set = result["@set"] {
                return try finish(set, activeProperty: activeProperty)
            }
        }
        return try finish(.object(result), activeProperty: activeProperty)
    }

    /// Steps 18-20: drop objects that carry nothing.
    private func finish(_ value: JSONValue, activeProperty: String?) throws -> JSONValue {
        guard case .object(let result) = value else { return value }
        if result.count == 1, result["@language"] != nil { return .null }
        if activeProperty == nil || activeProperty == "@graph" {
            if result.isEmpty || result["@value"] != nil || result["@list"] != nil { return .null }
            if result.count == 1, result["@id"] != nil { return .null }
        }
        return value
    }

    struct ObjectExpansionState {
        var activeContext: ActiveContext
        var typeScopedContext: ActiveContext
        var activeProperty: String?
        var baseURL: String?
        var inputType: String?
    }

    /// Steps 13 and 14 of expansion: each member of `element` (and of its nested objects).
    private mutating func expandMembers(_ element: JSONObject, into result: inout JSONObject,
                                        state: inout ObjectExpansionState) throws {
        let activeContext = state.activeContext
        var nests: [String] = []
        for (key, value) in element {
            if key == "@context" { continue }
            let expandedProperty = try expandIRI(activeContext, key, vocab: true)
            guard let expandedProperty, expandedProperty.contains(":") || Keywords.isKeyword(expandedProperty) else {
                droppedTerms.append(key)
                continue
            }
            if Keywords.isKeyword(expandedProperty) {
                if state.activeProperty == "@reverse" {
                    throw Self.error("invalid reverse property map", "A reverse map cannot hold keywords.")
                }
                if result[expandedProperty] != nil, expandedProperty != "@included", expandedProperty != "@type" {
                    throw Self.error("colliding keywords", "\(expandedProperty) appears twice through aliases.")
                }
                var expandedValue: JSONValue = .null
                switch expandedProperty {
                case "@id":
                    guard case .string(let id) = value else {
                        throw Self.error("invalid @id value", "@id must be a string.")
                    }
                    // An @id of keyword form expands to null; the node is kept without identifier
                    // and toRdf leaves out its statements.
                    let expandedID = try expandIRI(activeContext, id, documentRelative: true)
                    noteDropped(id, ifNotAbsolute: expandedID)
                    result["@id"] = expandedID.map(JSONValue.string) ?? .null
                    continue
                case "@type":
                    let items: [JSONValue] = value.arrayValue ?? [value]
                    var types: [JSONValue] = []
                    for item in items {
                        guard case .string(let type) = item else {
                            throw Self.error("invalid type value", "@type must be a string or an array of strings.")
                        }
                        let expanded = try expandIRI(state.typeScopedContext, type, documentRelative: true, vocab: true)
                        if result["@value"] == nil, element["@value"] == nil { noteDropped(type, ifNotAbsolute: expanded) }
                        if let expanded { types.append(.string(expanded)) }
                    }
                    expandedValue = value.arrayValue != nil ? .array(types) : (types.first ?? .null)
                    if let existing = result["@type"] {
                        expandedValue = .array((existing.arrayValue ?? [existing]) + (expandedValue.arrayValue ?? [expandedValue]))
                    }
                case "@graph":
                    let expanded = try expand(activeContext, activeProperty: "@graph", value, baseURL: state.baseURL)
                    expandedValue = .array(expanded.arrayValue ?? [expanded])
                case "@included":
                    let expanded = try expand(activeContext, activeProperty: nil, value, baseURL: state.baseURL)
                    var items = expanded.arrayValue ?? [expanded]
                    for item in items {
                        guard case .object(let node) = item, node["@value"] == nil, node["@list"] == nil, node["@set"] == nil
                        else {
                            throw Self.error("invalid @included value", "@included must hold node objects.")
                        }
                    }
                    if let existing = result["@included"]?.arrayValue { items = existing + items }
                    expandedValue = .array(items)
                case "@value":
                    if state.inputType == "@json" {
                        result["@value"] = value
                        continue
                    } else {
                        switch value {
                        case .array, .object:
                            throw Self.error("invalid value object value", "@value must be a scalar or null.")
                        default: expandedValue = value
                        }
                        if value == .null {
                            result["@value"] = .null
                            continue
                        }
                    }
                case "@language":
                    guard case .string(let language) = value else {
                        throw Self.error("invalid language-tagged string", "@language must be a string.")
                    }
                    expandedValue = .string(language.lowercased())
                case "@direction":
                    guard case .string(let direction) = value, direction == "ltr" || direction == "rtl" else {
                        throw Self.error("invalid base direction", "@direction must be \"ltr\" or \"rtl\".")
                    }
                    expandedValue = value
                case "@index":
                    guard case .string = value else {
                        throw Self.error("invalid @index value", "@index must be a string.")
                    }
                    expandedValue = value
                case "@list":
                    if state.activeProperty == nil || state.activeProperty == "@graph" { continue }
                    let expanded = try expand(activeContext, activeProperty: state.activeProperty, value, baseURL: state.baseURL)
                    expandedValue = .array(expanded.arrayValue ?? [expanded])
                case "@set":
                    expandedValue = try expand(activeContext, activeProperty: state.activeProperty, value, baseURL: state.baseURL)
                case "@reverse":
                    guard case .object = value else {
                        throw Self.error("invalid @reverse value", "@reverse must be an object.")
                    }
                    let expanded = try expand(activeContext, activeProperty: "@reverse", value, baseURL: state.baseURL)
                    guard case .object(let map) = expanded else { continue }
                    if case .object(let doubleReverse)? = map["@reverse"] {
                        for (property, items) in doubleReverse {
                            Self.append(items, to: &result, property)
                        }
                    }
                    var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
                    var hasReverse = result["@reverse"] != nil
                    for (property, items) in map where property != "@reverse" {
                        for item in items.arrayValue ?? [items] {
                            if case .object(let object) = item, object["@value"] != nil || object["@list"] != nil {
                                throw Self.error("invalid reverse property value", "A reverse property cannot hold values or lists.")
                            }
                            Self.append(item, to: &reverseMap, property)
                            hasReverse = true
                        }
                    }
                    if hasReverse { result["@reverse"] = .object(reverseMap) }
                    continue
                case "@nest":
                    nests.append(key)
                    continue
                default:
                    continue
                }
                if expandedValue != .null {
                    result[expandedProperty] = expandedValue
                }
                continue
            }

            let definition = activeContext.terms[key]
            let container = definition?.containerMapping ?? []
            var expandedValue: JSONValue
            if definition?.typeMapping == "@json" {
                expandedValue = .object(JSONObject([("@value", value), ("@type", .string("@json"))]))
            } else if container.contains("@language"), case .object(let languageMap) = value {
                var items: [JSONValue] = []
                var direction = activeContext.defaultDirection
                if let mapping = definition?.directionMapping { direction = mapping }
                for (language, languageValue) in languageMap {
                    for item in languageValue.arrayValue ?? [languageValue] {
                        if item == .null { continue }
                        guard case .string = item else {
                            throw Self.error("invalid language map value", "Language map values must be strings.")
                        }
                        var object = JSONObject([("@value", item)])
                        let expandedLanguage = try expandIRI(activeContext, language, vocab: true)
                        if language != "@none", expandedLanguage != "@none" {
                            object["@language"] = .string(language.lowercased())
                        }
                        if let direction { object["@direction"] = .string(direction) }
                        items.append(.object(object))
                    }
                }
                expandedValue = .array(items)
            } else if container.contains("@index") || container.contains("@type") || container.contains("@id"),
                      case .object(let map) = value {
                var items: [JSONValue] = []
                let indexKey = definition?.indexMapping ?? "@index"
                for (index, indexValue) in map {
                    var mapContext = activeContext
                    if container.contains("@id") || container.contains("@type") {
                        mapContext = activeContext.previousContext ?? activeContext
                    }
                    if container.contains("@type"), let typeDefinition = mapContext.terms[index],
                       let local = typeDefinition.localContext {
                        mapContext = try processContext(mapContext, local, baseURL: typeDefinition.baseURL)
                    }
                    if !container.contains("@id") && !container.contains("@type") {
                        mapContext = activeContext
                    }
                    let expandedIndex = try expandIRI(activeContext, index, vocab: true)
                    let expandedItems = try expand(mapContext, activeProperty: key, .array(indexValue.arrayValue ?? [indexValue]),
                                                   baseURL: state.baseURL, fromMap: true)
                    for var item in expandedItems.arrayValue ?? [] {
                        if container.contains("@graph"), !Self.isGraphObject(item) {
                            item = .object(JSONObject([("@graph", .array([item]))]))
                        }
                        guard case .object(var object) = item else { items.append(item); continue }
                        if container.contains("@index"), indexKey != "@index", expandedIndex != "@none" {
                            let reexpanded = try expandValue(activeContext, activeProperty: indexKey, .string(index))
                            guard let expandedIndexKey = try expandIRI(activeContext, indexKey, vocab: true) else { continue }
                            var values: [JSONValue] = [reexpanded]
                            if let existing = object[expandedIndexKey] { values += existing.arrayValue ?? [existing] }
                            object[expandedIndexKey] = .array(values)
                            if object["@value"] != nil {
                                throw Self.error("invalid value object", "A value in a property-valued index cannot be a value object.")
                            }
                        } else if container.contains("@index"), object["@index"] == nil, expandedIndex != "@none" {
                            object["@index"] = .string(index)
                        } else if container.contains("@id"), object["@id"] == nil, expandedIndex != "@none" {
                            if let id = try expandIRI(activeContext, index, documentRelative: true) {
                                object["@id"] = .string(id)
                            }
                        } else if container.contains("@type"), expandedIndex != "@none", let expandedIndex {
                            var types: [JSONValue] = [.string(expandedIndex)]
                            if let existing = object["@type"] { types += existing.arrayValue ?? [existing] }
                            object["@type"] = .array(types)
                        }
                        items.append(.object(object))
                    }
                }
                expandedValue = .array(items)
            } else {
                expandedValue = try expand(activeContext, activeProperty: key, value, baseURL: state.baseURL)
            }
            if expandedValue == .null { continue }
            if container.contains("@list"), !Self.isListObject(expandedValue) {
                expandedValue = .object(JSONObject([("@list", .array(expandedValue.arrayValue ?? [expandedValue]))]))
            }
            if container.contains("@graph"), !container.contains("@id"), !container.contains("@index") {
                expandedValue = .array((expandedValue.arrayValue ?? [expandedValue]).map {
                    .object(JSONObject([("@graph", .array($0.arrayValue ?? [$0]))]))
                })
            }
            if definition?.reverseProperty == true {
                var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
                for item in expandedValue.arrayValue ?? [expandedValue] {
                    if case .object(let object) = item, object["@value"] != nil || object["@list"] != nil {
                        throw Self.error("invalid reverse property value", "A reverse property cannot hold values or lists.")
                    }
                    Self.append(item, to: &reverseMap, expandedProperty)
                }
                result["@reverse"] = .object(reverseMap)
            } else {
                Self.append(expandedValue, to: &result, expandedProperty)
            }
        }
        for nestKey in nests {
            let nested = element[nestKey]!
            for nestedValue in nested.arrayValue ?? [nested] {
                guard case .object(let nestedObject) = nestedValue else {
                    throw Self.error("invalid @nest value", "@nest must hold objects.")
                }
                for nestedKey in nestedObject.keys where try expandIRI(activeContext, nestedKey, vocab: true) == "@value" {
                    throw Self.error("invalid @nest value", "A nested object cannot hold @value.")
                }
                var nestedState = state
                nestedState.activeProperty = nestKey
                if let definition = activeContext.terms[nestKey], let scoped = definition.localContext {
                    nestedState.activeContext = try processContext(activeContext, scoped, baseURL: definition.baseURL,
                                                                   overrideProtected: true)
                }
                try expandMembers(nestedObject, into: &result, state: &nestedState)
            }
        }
    }

    /// Records `value` as dropped when it expanded to something toRdf cannot keep as a node: not
    /// an absolute IRI nor a blank node identifier (an undefined type, or a relative identifier
    /// without a base IRI).
    mutating func noteDropped(_ value: String, ifNotAbsolute expanded: String?) {
        guard let expanded else {
            droppedTerms.append(value)
            return
        }
        if !IRI.isAbsolute(expanded), !Keywords.isBlankNodeIdentifier(expanded), !Keywords.isKeyword(expanded) {
            droppedTerms.append(value)
        }
    }

    /// Value Expansion (JSON-LD 1.1 API section 5.3.2).
    mutating func expandValue(_ activeContext: ActiveContext, activeProperty: String?, _ value: JSONValue) throws -> JSONValue {
        let definition = activeProperty.flatMap { activeContext.terms[$0] }
        let typeMapping = definition?.typeMapping
        if case .string(let string) = value, typeMapping == "@id" || typeMapping == "@vocab" {
            let expanded = try expandIRI(activeContext, string, documentRelative: true, vocab: typeMapping == "@vocab")
            noteDropped(string, ifNotAbsolute: expanded)
            return .object(JSONObject([("@id", expanded.map(JSONValue.string) ?? .null)]))
        }
        var result = JSONObject([("@value", value)])
        if let typeMapping, !["@id", "@vocab", "@none"].contains(typeMapping) {
            result["@type"] = .string(typeMapping)
        } else if case .string = value {
            let language: String?? = definition?.languageMapping ?? .some(activeContext.defaultLanguage)
            let direction: String?? = definition?.directionMapping ?? .some(activeContext.defaultDirection)
            if case .some(.some(let tag)) = language { result["@language"] = .string(tag) }
            if case .some(.some(let dir)) = direction { result["@direction"] = .string(dir) }
        }
        return .object(result)
    }

    /// Adds `value` (its items, if an array) to the array at `property`.
    static func append(_ value: JSONValue, to object: inout JSONObject, _ property: String) {
        var items = object[property]?.arrayValue ?? object[property].map { [$0] } ?? []
        if case .array(let values) = value { items.append(contentsOf: values) } else { items.append(value) }
        object[property] = .array(items)
    }

    static func isListObject(_ value: JSONValue) -> Bool {
        if case .object(let object) = value { return object["@list"] != nil }
        return false
    }

    static func isGraphObject(_ value: JSONValue) -> Bool {
        guard case .object(let object) = value, object["@graph"] != nil else { return false }
        return object.keys.allSatisfy { ["@graph", "@id", "@index", "@context"].contains($0) }
    }
}
