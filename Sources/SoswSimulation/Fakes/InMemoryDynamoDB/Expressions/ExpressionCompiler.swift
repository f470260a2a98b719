import SoswCore
import Synchronization

/// Compiles expression text once and serves every later request with the same text from a cache: the fake sees
/// the same handful of expressions millions of times. Thread-safe (a `Mutex`, no actor hop on the hot path).
/// Compiling checks syntax only; problems that depend on names and values come from
/// `validateExpressionAttributes`, and problems of meaning from the text are reported there too so that several
/// problems in one request are ranked as DynamoDB ranks them.
final class ExpressionCompiler: Sendable {
    /// DynamoDB's limit on the length of any one expression, in bytes.
    static let maximumExpressionBytes = 4096
    /// Past this many distinct texts the cache starts over, so generated texts cannot grow it without bound.
    static let cacheCapacity = 4096

    private struct CacheKey: Hashable {
        var kind: ExpressionKind
        var text: String
    }

    private enum Compiled: Sendable {
        case condition(CompiledCondition)
        case keyCondition(CompiledKeyCondition)
        case update(CompiledUpdate)
        case projection(CompiledProjection)
    }

    private let cache = Mutex<[CacheKey: Compiled]>([:])

    init() {}

    /// A ConditionExpression.
    func condition(_ text: String) throws(DynamoDBError) -> CompiledCondition {
        try conditionLike(text, kind: .condition)
    }

    /// A FilterExpression: the condition grammar, with messages prefixed "Invalid FilterExpression".
    func filter(_ text: String) throws(DynamoDBError) -> CompiledCondition {
        try conditionLike(text, kind: .filter)
    }

    func keyCondition(_ text: String) throws(DynamoDBError) -> CompiledKeyCondition {
        let compiled = try cached(text, kind: .keyCondition) { () throws(DynamoDBError) -> Compiled in
            let analysis = try Self.analyzeCondition(text, kind: .keyCondition)
            return .keyCondition(CompiledKeyCondition(
                text: text, condition: analysis.condition, usage: analysis.usage, staticIssues: analysis.issues))
        }
        guard case .keyCondition(let keyCondition) = compiled else { preconditionFailure("cache keyed by kind") }
        return keyCondition
    }

    func update(_ text: String) throws(DynamoDBError) -> CompiledUpdate {
        let compiled = try cached(text, kind: .update) { () throws(DynamoDBError) -> Compiled in
            let clauses: [SyntaxUpdateClause]
            do throws(ExpressionSyntaxError) {
                clauses = try ExpressionParser.update(text)
            } catch {
                throw .validation(ExpressionKind.update.invalid(error.detail))
            }
            let analysis = UpdateAnalyzer.analyze(clauses)
            return .update(CompiledUpdate(
                text: text, actions: analysis.actions, usage: analysis.usage, staticIssues: analysis.issues))
        }
        guard case .update(let update) = compiled else { preconditionFailure("cache keyed by kind") }
        return update
    }

    func projection(_ text: String) throws(DynamoDBError) -> CompiledProjection {
        let compiled = try cached(text, kind: .projection) { () throws(DynamoDBError) -> Compiled in
            let paths: [DocumentPath]
            do throws(ExpressionSyntaxError) {
                paths = try ExpressionParser.projection(text)
            } catch {
                throw .validation(ExpressionKind.projection.invalid(error.detail))
            }
            var usage = ExpressionUsage()
            var issues: [ExpressionIssue] = []
            for path in paths {
                usage.names.formUnion(path.placeholders)
                issues += path.bareNames.filter(ReservedWords.contains).map(ExpressionIssue.reserved)
            }
            return .projection(CompiledProjection(text: text, paths: paths, usage: usage, staticIssues: issues))
        }
        guard case .projection(let projection) = compiled else { preconditionFailure("cache keyed by kind") }
        return projection
    }

    // MARK: Machinery

    private func conditionLike(_ text: String, kind: ExpressionKind) throws(DynamoDBError) -> CompiledCondition {
        let compiled = try cached(text, kind: kind) { () throws(DynamoDBError) -> Compiled in
            let analysis = try Self.analyzeCondition(text, kind: kind)
            return .condition(CompiledCondition(
                kind: kind, text: text, condition: analysis.condition, usage: analysis.usage, staticIssues: analysis.issues))
        }
        guard case .condition(let condition) = compiled else { preconditionFailure("cache keyed by kind") }
        return condition
    }

    private static func analyzeCondition(_ text: String, kind: ExpressionKind)
        throws(DynamoDBError) -> (condition: Condition, issues: [ExpressionIssue], usage: ExpressionUsage)
    {
        do throws(ExpressionSyntaxError) {
            let (syntax, redundant) = try ExpressionParser.condition(text)
            return ConditionAnalyzer.analyze(syntax, hasRedundantParentheses: redundant)
        } catch {
            throw .validation(kind.invalid(error.detail))
        }
    }

    private func cached(
        _ text: String, kind: ExpressionKind, compile: () throws(DynamoDBError) -> Compiled
    ) throws(DynamoDBError) -> Compiled {
        let key = CacheKey(kind: kind, text: text)
        if let hit = cache.withLock({ $0[key] }) { return hit }
        if text.isEmpty {
            throw .validation(kind.invalid("The expression can not be empty;"))
        }
        if text.utf8.count > Self.maximumExpressionBytes {
            throw .validation(kind.invalid(
                "Expression size has exceeded the maximum allowed size; expression size: \(text.utf8.count)"))
        }
        let compiled = try compile()
        cache.withLock { entries in
            if entries.count >= Self.cacheCapacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = compiled
        }
        return compiled
    }
}
