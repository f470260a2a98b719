import SoswCore
import Testing

/// Swift Testing assertions on the deployment's tables. Each records an issue at the caller's line that
/// says what was expected, what was found and where (which table, which greenfield), instead of a bare
/// `false`; none throws, so one test reports every broken expectation.
extension SimulatedDeployment {
    /// Expects task `taskID` to be in `state` now.
    public func expectTask(
        _ taskID: String, in state: TaskState, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        do {
            guard let task = try await task(taskID) else {
                Issue.record(
                    "expected task \(taskID) to be \(state), but none of \(tableNames) holds it\(note(comment))",
                    sourceLocation: sourceLocation)
                return
            }
            if task.state != state {
                Issue.record("expected task \(taskID) to be \(state), found \(task)\(note(comment))", sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record(error, "reading task \(taskID) failed\(note(comment))", sourceLocation: sourceLocation)
        }
    }

    /// Expects `labourerID` to have exactly `count` tasks in `state` now; a failure lists every task of the
    /// labourer with its state.
    public func expectTasks(
        of labourerID: String, count: Int, in state: TaskState, _ comment: Comment? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        do {
            let tasks = try await tasks(of: labourerID)
            let found = tasks.filter { $0.state == state }.count
            if found != count {
                let listing = tasks.isEmpty ? "no tasks" : tasks.map { "  \($0)" }.joined(separator: "\n")
                Issue.record(
                    "expected \(count) \(state) tasks of \(labourerID), found \(found) at \(now.iso8601)\(note(comment)):\n\(listing)",
                    sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record(error, "reading the tasks of \(labourerID) failed\(note(comment))", sourceLocation: sourceLocation)
        }
    }

    private var tableNames: String {
        SoswTaskTable.allCases.map(name(of:)).joined(separator: ", ")
    }

    private func note(_ comment: Comment?) -> String {
        comment.map { " (\($0.rawValue))" } ?? ""
    }
}
