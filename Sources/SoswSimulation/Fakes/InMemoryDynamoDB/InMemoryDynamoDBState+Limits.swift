import SoswCore

/// DynamoDB's hard limits on what a request may hold, refused with the service's ValidationException messages:
/// key value sizes (table and index keys), nesting depth, a transaction's total size and empty attribute names.
/// Each check costs a normal-sized request at most a length comparison; the exact measure runs only past it.
extension InMemoryDynamoDBState {
    /// The largest partition key value, in bytes (a string's UTF-8 or a binary's bytes).
    static let maximumPartitionKeyBytes = 2048
    /// The largest sort key value, in bytes.
    static let maximumSortKeyBytes = 1024
    /// The deepest a list or map may sit in an item: a top-level attribute's list or map is at depth 1, and a
    /// scalar may sit inside at most this many of them (32 levels in all, the scalar included).
    static let maximumContainerDepth = 31
    /// The largest TransactWriteItems, counting each Put's item and each other action's key.
    static let maximumTransactionBytes = 4 * 1024 * 1024

    static let emptyAttributeName = DynamoDBError.validation(
        "One or more parameter values were invalid: Empty attribute name")

    static let nestingTooDeep = DynamoDBError.validation(
        "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit")

    static let transactionTooLarge = DynamoDBError.validation("Transaction request cannot be larger than 4 MB")

    /// The bytes a key value counts towards the key size limits. A number is at most 21 bytes, far below both.
    static func keyBytes(_ value: AttributeValue) -> Int {
        switch value {
        case .s(let text): text.utf8.count
        case .b(let bytes): bytes.count
        default: value.storageSize
        }
    }

    /// Refuses a table key whose partition value is over 2,048 bytes or whose sort value is over 1,024.
    static func checkKeySizes(partition: AttributeValue, sort: AttributeValue?) throws(DynamoDBError) {
        if keyBytes(partition) > maximumPartitionKeyBytes {
            throw .validation(
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of\(maximumPartitionKeyBytes) bytes"
            )
        }
        if let sort, keyBytes(sort) > maximumSortKeyBytes {
            throw .validation(
                "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of \(maximumSortKeyBytes) bytes"
            )
        }
    }

    /// ``checkKeySizes(partition:sort:)`` for a request's `key` at `position`: the encoding holds every byte
    /// of both values, so a key encoded in at most 1,024 bytes is within both limits and only a longer one is
    /// measured.
    static func checkKeySizes(_ key: DynamoItem, at position: IndexKey, in table: StoredTable) throws(DynamoDBError) {
        guard position.bytes.count > maximumSortKeyBytes, let partition = key[table.key.partitionName] else { return }
        try checkKeySizes(partition: partition, sort: table.key.sortName.flatMap { key[$0] })
    }

    /// Refuses an index key value over its limit (2,048 bytes for the index's partition key, 1,024 for its
    /// sort key).
    static func checkIndexKeySize(
        _ name: String, _ value: AttributeValue, isPartition: Bool, in index: IndexDefinition
    ) throws(DynamoDBError) {
        let limit = isPartition ? maximumPartitionKeyBytes : maximumSortKeyBytes
        let size = keyBytes(value)
        if size > limit {
            throw .validation(
                "One or more parameter values were invalid: Size limit exceeded for Index Key \(name) Actual Size: \(size) bytes Max Size: \(limit) bytes IndexName: \(index.name)"
            )
        }
    }

    /// The bytes one TransactWriteItems action counts towards the 4 MB limit: a Put's item (`putSize`, already
    /// measured when it was checked), any other action's key.
    static func transactionBytes(of action: TransactWriteItem, putSize: Int?) -> Int {
        if let putSize { return putSize }
        let key = action.conditionCheck?.key ?? action.update?.key ?? action.delete?.key ?? [:]
        return dynamoItemSize(key)
    }
}
