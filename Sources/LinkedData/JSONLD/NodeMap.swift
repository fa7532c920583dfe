import Primitives

/// The node map of JSON-LD 1.1 API section 7.2: every node object of the expanded document
/// flattened into its graph, under its identifier, with blank nodes relabelled `_:b0`, `_:b1`, …
/// in the order met.
struct NodeMap {
    /// A value of a node's property: a value object, a node reference or a list.
    enum Item: Equatable {
        case value(JSONObject)
        case reference(String)
        case list([Item])
    }

    final class Node {
        let id: String
        var types: [String] = []
        var index: String?
        var properties: [String: [Item]] = [:]
        var propertyOrder: [String] = []

        init(id: String) { self.id = id }

        func add(_ item: Item, to property: String, unique: Bool) {
            if properties[property] == nil {
                properties[property] = [item]
                propertyOrder.append(property)
            } else if !unique || !properties[property]!.contains(item) {
                properties[property]!.append(item)
            }
        }

        func ensure(_ property: String) {
            if properties[property] == nil {
                properties[property] = []
                propertyOrder.append(property)
            }
        }
    }

    final class Graph {
        var nodes: [String: Node] = [:]
        var order: [String] = []

        func node(_ id: String) -> Node {
            if let node = nodes[id] { return node }
            let node = Node(id: id)
            nodes[id] = node
            order.append(id)
            return node
        }
    }

    private(set) var graphs: [String: Graph] = [:]
    private(set) var graphOrder: [String] = []
    private var issuer = IdentifierIssuer(prefix: "_:b")

    init() {}

    mutating func graph(_ name: String) -> Graph {
        if let graph = graphs[name] { return graph }
        let graph = Graph()
        graphs[name] = graph
        graphOrder.append(name)
        return graph
    }

    mutating func blankNodeIdentifier(_ existing: String?) -> String {
        guard let existing else { return issuer.issueUnnamed() }
        return issuer.issue(existing)
    }

    /// What the subject of a property is: a node, or (for reverse properties) the node the
    /// value points back to.
    enum Subject {
        case none
        case node(String)
        case reverse(String)
    }

    /// Node Map Generation (JSON-LD 1.1 API section 7.2.2).
    mutating func add(_ element: JSONValue, graphName: String, subject: Subject, property: String?,
                      list: inout [Item]?) throws {
        if case .array(let items) = element {
            for item in items { try add(item, graphName: graphName, subject: subject, property: property, list: &list) }
            return
        }
        guard case .object(var object) = element else { return }
        let graph = graph(graphName)
        var subjectNode: Node?
        if case .node(let id) = subject { subjectNode = graph.node(id) }
        if let types = object["@type"] {
            var relabelled: [JSONValue] = []
            for type in types.arrayValue ?? [types] {
                if case .string(let name) = type, Keywords.isBlankNodeIdentifier(name) {
                    relabelled.append(.string(blankNodeIdentifier(name)))
                } else {
                    relabelled.append(type)
                }
            }
            object["@type"] = types.arrayValue != nil ? .array(relabelled) : relabelled.first ?? .null
        }
        if object["@value"] != nil {
            if list != nil {
                list!.append(.value(object))
            } else if let property {
                subjectNode?.add(.value(object), to: property, unique: true)
            }
            return
        }
        if let listValue = object["@list"] {
            var inner: [Item]? = []
            try add(listValue, graphName: graphName, subject: subject, property: property, list: &inner)
            if list != nil {
                list!.append(.list(inner!))
            } else if let property {
                subjectNode?.add(.list(inner!), to: property, unique: false)
            }
            return
        }
        // A node object.
        let id: String
        let givenID = object.removeValue(forKey: "@id")
        if case .string(let given)? = givenID {
            id = Keywords.isBlankNodeIdentifier(given) ? blankNodeIdentifier(given) : given
        } else if givenID == .null {
            // An @id that expanded to null: not an IRI, so toRdf leaves the node out.
            id = ""
        } else {
            id = blankNodeIdentifier(nil)
        }
        let node = graph.node(id)
        if case .reverse(let referencing) = subject, let property {
            node.add(.reference(referencing), to: property, unique: true)
        } else if let property {
            if list != nil {
                list!.append(.reference(id))
            } else {
                subjectNode?.add(.reference(id), to: property, unique: true)
            }
        }
        if let types = object.removeValue(forKey: "@type") {
            for type in types.arrayValue ?? [types] {
                if case .string(let name) = type, !node.types.contains(name) { node.types.append(name) }
            }
        }
        if let index = object.removeValue(forKey: "@index") {
            if let existing = node.index, .string(existing) != index {
                throw LinkedDataError.jsonLD("conflicting indexes", "The node \(id) has two different @index values.")
            }
            node.index = index.stringValue
        }
        if case .object(let reverseMap)? = object.removeValue(forKey: "@reverse") {
            for (reverseProperty, values) in reverseMap {
                var none: [Item]?
                for value in values.arrayValue ?? [values] {
                    try add(value, graphName: graphName, subject: .reverse(id), property: reverseProperty, list: &none)
                }
            }
        }
        if let nested = object.removeValue(forKey: "@graph") {
            var none: [Item]?
            try add(nested, graphName: id, subject: .none, property: nil, list: &none)
        }
        if let included = object.removeValue(forKey: "@included") {
            var none: [Item]?
            try add(included, graphName: graphName, subject: .none, property: nil, list: &none)
        }
        for (key, value) in object {
            let propertyName = Keywords.isBlankNodeIdentifier(key) ? blankNodeIdentifier(key) : key
            node.ensure(propertyName)
            var none: [Item]?
            try add(value, graphName: graphName, subject: .node(id), property: propertyName, list: &none)
        }
    }
}
