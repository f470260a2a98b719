import SoswCore

/// The contiguous run of entries a Query's key condition selects in an ordered store: one partition, and
/// within it the sort keys the condition allows. Both bounds are found by binary search.
struct KeyRange {
    var partition: KeyScalar
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
        partition = try scalar(resolved.partitionKey.value, key.partitionType)
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

    /// -1, 0 or 1 as the entry's (partition, sort) is before, at or after (partition, `sort`).
    private func compare(_ key: IndexKey, _ sort: KeyScalar) -> Int {
        if key.partition != partition { return key.partition < partition ? -1 : 1 }
        guard let keySort = key.sort else { return -1 }
        return keySort < sort ? -1 : (keySort == sort ? 0 : 1)
    }

    func lowerBound<Value>(in store: OrderedStore<IndexKey, Value>) -> OrderedStore<IndexKey, Value>.Position {
        switch condition {
        case .all, .less, .lessOrEqual:
            store.firstPosition { !($0.partition < partition) }
        case .equal(let value), .greaterOrEqual(let value), .between(let value, _), .beginsWith(let value):
            store.firstPosition { compare($0, value) >= 0 }
        case .greater(let value):
            store.firstPosition { compare($0, value) > 0 }
        }
    }

    func upperBound<Value>(in store: OrderedStore<IndexKey, Value>) -> OrderedStore<IndexKey, Value>.Position {
        switch condition {
        case .all, .greater, .greaterOrEqual:
            store.firstPosition { partition < $0.partition }
        case .less(let value):
            store.firstPosition { compare($0, value) >= 0 }
        case .equal(let value), .lessOrEqual(let value), .between(_, let value):
            store.firstPosition { compare($0, value) > 0 }
        case .beginsWith(let prefix):
            store.firstPosition { key in
                if key.partition != partition { return partition < key.partition }
                guard let sort = key.sort else { return false }
                return prefix < sort && !sort.hasPrefix(prefix)
            }
        }
    }
}
