import SoswCore

/// The fields of one event, kept sorted by the UTF-8 bytes of their keys: the order the log writes them in.
///
/// A small sorted list rather than a dictionary: an event has a handful of fields, a run records hundreds of
/// thousands of events, and hashing every key to build a dictionary, again to sort it for the line, and again
/// when the run's collector reads it cost more than writing the line. Written like a dictionary (a literal,
/// `fields["key"] = value`), read by key or in order.
public struct EventFields: Sendable, ExpressibleByDictionaryLiteral, Sequence {
    public typealias Element = (key: String, value: JSONValue)

    private var pairs: [Element]

    public init() {
        pairs = []
    }

    /// A literal must not repeat a key (as for a dictionary literal).
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        pairs = []
        pairs.reserveCapacity(elements.count)
        for (key, value) in elements {
            precondition(self[key] == nil, "event field '\(key)' appears twice in one literal")
            self[key] = value
        }
    }

    public var count: Int { pairs.count }

    /// The value of `key`; setting nil removes the field.
    public subscript(key: String) -> JSONValue? {
        get {
            for pair in pairs where pair.key == key { return pair.value }
            return nil
        }
        set {
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue {
                    pairs[index].value = newValue
                } else {
                    pairs.remove(at: index)
                }
                return
            }
            guard let newValue else { return }
            let position = pairs.firstIndex { JSONValue.utf8Order(key, $0.key) } ?? pairs.endIndex
            pairs.insert((key, newValue), at: position)
        }
    }

    /// The fields in key order.
    public func makeIterator() -> IndexingIterator<[Element]> {
        pairs.makeIterator()
    }
}
