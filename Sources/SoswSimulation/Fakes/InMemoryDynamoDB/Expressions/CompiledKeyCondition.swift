import SoswCore

/// A compiled KeyConditionExpression, shared by every request that uses the same text. `resolve` binds a
/// request's names and values and checks the condition against the key schema of the table or index queried.
final class CompiledKeyCondition: CompiledExpression {
    let text: String
    let condition: Condition
    let usage: ExpressionUsage
    let staticIssues: [ExpressionIssue]

    init(text: String, condition: Condition, usage: ExpressionUsage, staticIssues: [ExpressionIssue]) {
        self.text = text
        self.condition = condition
        self.validationReadsValueContents = condition.hasValueContentChecks
        self.usage = usage
        self.staticIssues = staticIssues
    }

    var kind: ExpressionKind { .keyCondition }

    /// Computed once: validation asks on every request.
    let validationReadsValueContents: Bool

    func requestIssues(_ attributes: ExpressionAttributes) -> [ExpressionIssue] {
        ConditionValidation.issues(of: condition, with: attributes)
    }

    /// The partition value and optional sort condition the Query reads, with DynamoDB's messages for conditions
    /// a key condition cannot express ("Invalid operator used in KeyConditionExpression: OR") or that do not fit
    /// the schema ("Query condition missed key schema element: pk", "Query key condition not supported").
    func resolve(_ attributes: ExpressionAttributes, partitionKey: String, sortKey: String?)
        throws(DynamoDBError) -> ResolvedKeyCondition
    {
        if !staticIssues.isEmpty { try refuseIfStaticallyInvalid() }
        var conditions: [(name: String, condition: SortKeyCondition<AttributeValue>)] = []
        try collect(condition, attributes, into: &conditions)

        guard let partition = conditions.first(where: { $0.name == partitionKey }) else {
            throw .validation("Query condition missed key schema element: \(partitionKey)")
        }
        guard case .equal(let partitionValue) = partition.condition else {
            throw .validation("Query key condition not supported")
        }
        if conditions.contains(where: { $0.name != partitionKey && $0.name != sortKey }) {
            if let sortKey, !conditions.contains(where: { $0.name == sortKey }) {
                throw .validation("Query condition missed key schema element: \(sortKey)")
            }
            throw .validation("Query key condition not supported")
        }
        let sort = conditions.first { $0.name == sortKey && $0.name != partitionKey }
        return ResolvedKeyCondition(
            partitionKey: .init(name: partitionKey, value: partitionValue),
            sortKey: sort.map { .init(name: $0.name, condition: $0.condition) })
    }

    /// The condition bound to a key schema and names map (see ``KeyConditionBinding``), or nil when it is not
    /// a plain `key = :v [AND sortKey <op> :v…]` over exactly the schema's keys, which
    /// ``resolve(_:partitionKey:sortKey:)`` then handles, errors included.
    func binding(names: [String: String]?, partitionKey: String, sortKey: String?) -> KeyConditionBinding? {
        guard staticIssues.isEmpty else { return nil }
        var leaves: [(name: String, sort: SortKeyCondition<String>)] = []
        guard Self.collectLeaves(condition, names, into: &leaves) else { return nil }
        guard let partition = leaves.first(where: { $0.name == partitionKey }),
            case .equal(let partitionPlaceholder) = partition.sort,
            leaves.allSatisfy({ $0.name == partitionKey || $0.name == sortKey }),
            Set(leaves.map(\.name)).count == leaves.count
        else { return nil }
        let sort = leaves.first { $0.name == sortKey && $0.name != partitionKey }
        return KeyConditionBinding(
            partitionKey: partitionKey, partitionPlaceholder: partitionPlaceholder, sortKey: sort?.name,
            sort: sort?.sort)
    }

    /// The leaves of an AND of simple key comparisons; false for any other shape.
    private static func collectLeaves(
        _ condition: Condition, _ names: [String: String]?,
        into leaves: inout [(name: String, sort: SortKeyCondition<String>)]
    ) -> Bool {
        func keyName(_ operand: ConditionOperand) -> String? {
            guard case .path(let path) = operand, path.elements.count == 1,
                case .success(let resolved) = path.resolved(with: names)
            else { return nil }
            return resolved.attributeName
        }
        func placeholder(_ operand: ConditionOperand) -> String? {
            if case .value(let placeholder) = operand { placeholder } else { nil }
        }
        switch condition {
        case .and(let left, let right):
            return collectLeaves(left, names, into: &leaves) && collectLeaves(right, names, into: &leaves)
        case .comparison(let comparison, let left, let right):
            let keyOnLeft: Bool
            let name: String
            let value: String
            if let leftName = keyName(left), let rightValue = placeholder(right) {
                (keyOnLeft, name, value) = (true, leftName, rightValue)
            } else if let rightName = keyName(right), let leftValue = placeholder(left) {
                (keyOnLeft, name, value) = (false, rightName, leftValue)
            } else {
                return false
            }
            guard let sort = SortKeyCondition.comparing(comparison, value, keyOnLeft: keyOnLeft) else { return false }
            leaves.append((name, sort))
            return true
        case .between(let subject, let lower, let upper):
            guard let name = keyName(subject), let low = placeholder(lower), let high = placeholder(upper) else {
                return false
            }
            leaves.append((name, .between(low, high)))
            return true
        case .beginsWith(let subject, let prefix):
            guard let name = keyName(subject), let value = placeholder(prefix) else { return false }
            leaves.append((name, .beginsWith(value)))
            return true
        default:
            return false
        }
    }

    private func collect(
        _ condition: Condition, _ attributes: ExpressionAttributes,
        into conditions: inout [(name: String, condition: SortKeyCondition<AttributeValue>)]
    ) throws(DynamoDBError) {
        let keyCondition: (String, SortKeyCondition<AttributeValue>)
        switch condition {
        case .and(let left, let right):
            try collect(left, attributes, into: &conditions)
            try collect(right, attributes, into: &conditions)
            return
        case .or: throw Self.invalidOperator("OR")
        case .not: throw Self.invalidOperator("NOT")
        case .membership: throw Self.invalidOperator("IN")
        case .attributeExists: throw Self.invalidOperator("attribute_exists")
        case .attributeNotExists: throw Self.invalidOperator("attribute_not_exists")
        case .attributeType: throw Self.invalidOperator("attribute_type")
        case .contains: throw Self.invalidOperator("contains")
        case .comparison(.notEqual, _, _): throw Self.invalidOperator("<>")
        case .comparison(let comparison, let left, let right):
            let (name, value, keyOnLeft) = try keyAndValue(left, right, attributes)
            guard let sort = SortKeyCondition.comparing(comparison, value, keyOnLeft: keyOnLeft) else {
                throw Self.invalidOperator("<>")
            }
            keyCondition = (name, sort)
        case .between(let subject, let lower, let upper):
            guard case .path = subject else { throw Self.keyFirst("BETWEEN") }
            let (name, low, _) = try keyAndValue(subject, lower, attributes)
            let (_, high, _) = try keyAndValue(subject, upper, attributes)
            keyCondition = (name, .between(low, high))
        case .beginsWith(let subject, let prefix):
            guard case .path = subject else { throw Self.keyFirst("begins_with") }
            let (name, value, _) = try keyAndValue(subject, prefix, attributes)
            keyCondition = (name, .beginsWith(value))
        case .rejected:
            throw .validation("Query key condition not supported")
        }
        if conditions.contains(where: { $0.name == keyCondition.0 }) {
            throw .validation("KeyConditionExpressions must only contain one condition per key")
        }
        conditions.append(keyCondition)
    }

    /// The key attribute's name and the value it is compared with, whichever side each is on.
    private func keyAndValue(_ left: ConditionOperand, _ right: ConditionOperand, _ attributes: ExpressionAttributes)
        throws(DynamoDBError) -> (name: String, value: AttributeValue, keyOnLeft: Bool)
    {
        let evaluation = ConditionEvaluation(item: [:], attributes: attributes, kind: kind)
        switch (left, right) {
        case (.size, _), (_, .size):
            throw .validation("KeyConditionExpressions cannot contain nested operations")
        case (.path, .path):
            throw .validation("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition")
        case (.path(let path), .value), (.value, .path(let path)):
            let keyOnLeft = if case .path = left { true } else { false }
            let valueOperand = keyOnLeft ? right : left
            guard let value = try evaluation.value(valueOperand) else {
                throw .validation("Query key condition not supported")
            }
            return (try keyName(path, attributes), value, keyOnLeft)
        default:
            throw .validation("Invalid condition in KeyConditionExpression: No key attribute specified")
        }
    }

    private func keyName(_ path: DocumentPath, _ attributes: ExpressionAttributes) throws(DynamoDBError) -> String {
        guard path.elements.count == 1 else {
            throw .validation("KeyConditionExpressions cannot have conditions on nested attributes")
        }
        return try path.resolved(with: attributes.names, in: kind).attributeName
    }

    private static func invalidOperator(_ name: String) -> DynamoDBError {
        .validation("Invalid operator used in KeyConditionExpression: \(name)")
    }

    private static func keyFirst(_ name: String) -> DynamoDBError {
        .validation("Invalid condition in KeyConditionExpression: \(name) operator must have the key attribute as its first operand")
    }
}

/// A Query's key condition bound to one request: the partition to read and how to narrow its sort keys.
struct ResolvedKeyCondition: Sendable, Equatable {
    struct PartitionKey: Sendable, Equatable {
        var name: String
        var value: AttributeValue
    }

    struct SortKey: Sendable, Equatable {
        var name: String
        var condition: SortKeyCondition<AttributeValue>
    }

    var partitionKey: PartitionKey
    var sortKey: SortKey?
}

/// The conditions a Query may put on the sort key, over their operands: placeholders in a
/// ``KeyConditionBinding``, values once a request binds them. The fake turns them into a range over its ordered
/// index.
enum SortKeyCondition<Operand> {
    case equal(Operand)
    case less(Operand)
    case lessOrEqual(Operand)
    case greater(Operand)
    case greaterOrEqual(Operand)
    case between(Operand, Operand)
    case beginsWith(Operand)

    /// What `key <comparison> operand` says of the key (`operand <comparison> key` when `keyOnLeft` is false);
    /// nil for `<>`, which a key condition cannot use.
    static func comparing(_ comparison: ComparisonOperator, _ operand: Operand, keyOnLeft: Bool) -> SortKeyCondition? {
        switch (comparison, keyOnLeft) {
        case (.equal, _): .equal(operand)
        case (.less, true), (.greater, false): .less(operand)
        case (.lessOrEqual, true), (.greaterOrEqual, false): .lessOrEqual(operand)
        case (.greater, true), (.less, false): .greater(operand)
        case (.greaterOrEqual, true), (.lessOrEqual, false): .greaterOrEqual(operand)
        case (.notEqual, _): nil
        }
    }

    /// The same condition over other operands; nil when an operand does not map.
    func map<Other>(_ transform: (Operand) -> Other?) -> SortKeyCondition<Other>? {
        switch self {
        case .equal(let operand): transform(operand).map { .equal($0) }
        case .less(let operand): transform(operand).map { .less($0) }
        case .lessOrEqual(let operand): transform(operand).map { .lessOrEqual($0) }
        case .greater(let operand): transform(operand).map { .greater($0) }
        case .greaterOrEqual(let operand): transform(operand).map { .greaterOrEqual($0) }
        case .between(let low, let high):
            if let low = transform(low), let high = transform(high) { .between(low, high) } else { nil }
        case .beginsWith(let operand): transform(operand).map { .beginsWith($0) }
        }
    }
}

extension SortKeyCondition: Sendable where Operand: Sendable {}
extension SortKeyCondition: Equatable where Operand: Equatable {}
