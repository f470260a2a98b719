import SoswCore

/// The contiguous run of entries a Query's key condition selects in an ordered store: one partition, and
/// within it the sort keys the condition allows. Both bounds are found by binary search.
struct KeyRange {
    /// The encoded partition component, computed once: every bound starts with it, and a start key must lie in
    /// the same partition.
    let partitionBytes: [UInt8]
    var condition: SortCondition

    enum SortCondition {
        case all
        case equal(KeyScalar)
        case less(KeyScalar)
        case lessOrEqual(KeyScalar)
        case greater(KeyScalar)
        case greaterOrEqual(KeyScalar)
        case between(KeyScalar, KeyScalar)
        case beginsWith(KeyScalar)
    }

    /// Checks the resolved condition's values against the key's types, with the service's messages.
    init(_ resolved: ResolvedKeyCondition, key: KeyDefinition) throws(DynamoDBError) {
        let mismatch = DynamoDBError.validation(
            "One or more parameter values were invalid: Condition parameter type does not match schema type")
        func scalar(_ value: AttributeValue, _ type: ScalarAttributeType?) throws(DynamoDBError) -> KeyScalar {
            guard value.typeName == type?.rawValue, let scalar = KeyScalar(value) else { throw mismatch }
            return scalar
        }
        partitionBytes = KeyEncoding.component(try scalar(resolved.partitionKey.value, key.partitionType))
        guard let sort = resolved.sortKey else {
            condition = .all
            return
        }
        let type = key.sortType
        switch sort.condition {
        case .equal(let value): condition = .equal(try scalar(value, type))
        case .less(let value): condition = .less(try scalar(value, type))
        case .lessOrEqual(let value): condition = .lessOrEqual(try scalar(value, type))
        case .greater(let value): condition = .greater(try scalar(value, type))
        case .greaterOrEqual(let value): condition = .greaterOrEqual(try scalar(value, type))
        case .between(let low, let high):
            let lowScalar = try scalar(low, type)
            let highScalar = try scalar(high, type)
            if highScalar < lowScalar {
                throw .validation(
                    "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: \(low.messageText), upper bound operand: AttributeValue: \(high.messageText)"
                )
            }
            condition = .between(lowScalar, highScalar)
        case .beginsWith(let prefix):
            if type == .number {
                throw .validation(
                    "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N")
            }
            condition = .beginsWith(try scalar(prefix, type))
        }
    }

    /// The first entry in the range, by binary search over the encoded keys.
    func lowerBound<Value>(in store: OrderedStore<Value>) -> OrderedStore<Value>.Position {
        let bound = lowerBoundKey
        return store.firstPosition(atOrAfter: bound)
    }

    /// The first entry after the range.
    func upperBound<Value>(in store: OrderedStore<Value>) -> OrderedStore<Value>.Position {
        guard let bound = upperBoundKey else { return store.endPosition }
        return store.firstPosition(atOrAfter: bound)
    }

    /// Every key in the range is at or after this one.
    var lowerBoundKey: IndexKey {
        switch condition {
        case .all, .less, .lessOrEqual:
            return bound()
        case .equal(let value), .greaterOrEqual(let value), .between(let value, _):
            return bound(value)
        case .beginsWith(let prefix):
            return .bound(partitionBytes + KeyEncoding.prefixComponent(prefix))
        case .greater(let value):
            return bound(value, thenAfter: true)
        }
    }

    /// Every key in the range is before this one; nil when no key is after the range.
    var upperBoundKey: IndexKey? {
        switch condition {
        case .all, .greater, .greaterOrEqual:
            return bound(thenAfter: true)
        case .less(let value):
            return bound(value)
        case .equal(let value), .lessOrEqual(let value), .between(_, let value):
            return bound(value, thenAfter: true)
        case .beginsWith(let prefix):
            return KeyEncoding.successor(of: partitionBytes + KeyEncoding.prefixComponent(prefix)).map(IndexKey.bound)
        }
    }

    /// The partition, then `sort` if given, then (with `thenAfter`) a byte after every continuation.
    private func bound(_ sort: KeyScalar? = nil, thenAfter: Bool = false) -> IndexKey {
        guard sort != nil || thenAfter else { return .bound(partitionBytes) }
        let sortValue = sort?.attributeValue
        let sortCount = sortValue.map { KeyEncoding.encodedCount(of: $0) } ?? 0
        // Written whole into bytes of the right size: appending to a copy of the partition's bytes reallocated it.
        return .bound(KeyEncoding.bytes(count: partitionBytes.count + sortCount + (thenAfter ? 1 : 0)) { out in
            var next = KeyEncoding.copy(partitionBytes, partitionBytes.indices, to: out)
            if let sortValue { next = KeyEncoding.write(sortValue, to: next) }
            return thenAfter ? KeyEncoding.write(byte: Self.afterComponent, to: next) : next
        })
    }

    /// Follows a complete component: greater than any component tag, so greater than every key that continues
    /// with more components.
    private static let afterComponent: UInt8 = 0xFF
}
