/// Item sizes as DynamoDB counts them for capacity units, the 400 KB item limit and the 1 MB page limit
/// (developer guide, "DynamoDB item sizes and formats"): attribute names in UTF-8 bytes plus each value's
/// size; numbers one byte per two significant digits plus one; binary by raw bytes; BOOL and NULL one byte;
/// lists and maps 3 bytes plus one byte per element.
extension AttributeValue {
    /// The size of this value, excluding the attribute name that holds it.
    public var storageSize: Int {
        switch self {
        case .s(let value): value.utf8.count
        case .n(let value): value.storageSize
        case .b(let value): value.count
        case .bool, .null: 1
        case .ss(let values): values.reduce(0) { $0 + $1.utf8.count }
        case .ns(let values): values.reduce(0) { $0 + $1.storageSize }
        case .bs(let values): values.reduce(0) { $0 + $1.count }
        case .l(let values): 3 + values.reduce(0) { $0 + $1.storageSize + 1 }
        case .m(let members): 3 + members.reduce(0) { $0 + $1.key.utf8.count + $1.value.storageSize + 1 }
        }
    }
}

/// The size of an item: for each attribute, its name's UTF-8 length plus its value's size.
public func dynamoItemSize(_ item: DynamoItem) -> Int {
    item.reduce(0) { $0 + $1.key.utf8.count + $1.value.storageSize }
}
