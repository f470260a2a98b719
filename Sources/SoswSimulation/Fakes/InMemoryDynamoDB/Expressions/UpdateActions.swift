/// An operand on the right of `SET path = ...`, ready to evaluate against the item before the update.
indirect enum UpdateOperand: Sendable, Equatable {
    case path(DocumentPath)
    case value(String)
    case ifNotExists(DocumentPath, UpdateOperand)
    case listAppend(UpdateOperand, UpdateOperand)
    /// Stands for an operand the analyzer rejected; an update containing one always carries an issue.
    case rejected
}

/// The value a SET action assigns.
enum UpdateValue: Sendable, Equatable {
    case operand(UpdateOperand)
    case sum(UpdateOperand, UpdateOperand)
    case difference(UpdateOperand, UpdateOperand)
}

/// A checked UpdateExpression: its actions grouped by clause. Clause order in the text does not matter to
/// DynamoDB; SET values are computed from the item as it was before the update, then the clauses apply.
struct UpdateActions: Sendable, Equatable {
    struct Assignment: Sendable, Equatable {
        var path: DocumentPath
        var value: UpdateValue
    }

    struct SetOperation: Sendable, Equatable {
        var path: DocumentPath
        /// The `:placeholder` holding the number or set to add or delete.
        var value: String
    }

    var assignments: [Assignment] = []
    var removals: [DocumentPath] = []
    var additions: [SetOperation] = []
    var deletions: [SetOperation] = []

    /// Every path the update writes, in the order written (for overlap checks and UPDATED_OLD/NEW).
    var targetPaths: [DocumentPath] {
        assignments.map(\.path) + removals + additions.map(\.path) + deletions.map(\.path)
    }
}
