import Foundation
import SoswCore
import Testing

/// The essentials against moto's server, through the command line, as an operator runs them: tables created,
/// a job chunked into tasks, tasks invoked within the cap, completions recorded, completed tasks archived,
/// expired ones retried until they die, dead ones redriven. Real seconds pass: the labourer's tasks expire
/// 2 s after their invocation (`duration` 2 s, `cooldown` 0) and wait 1 s per attempt before a retry.
@Suite(.enabled(if: LiveDeployment.isAvailable, "needs moto's server: SOSW_MOTO_ENDPOINT (scripts/test sets it)"))
struct LiveLifecycleTests {
    @Test func aWholeLifecycleThroughTheCommandLine() async throws {
        let deployment = try LiveDeployment(
            "lifecycle",
            labourerSettings: ["max_simultaneous_invocations": 3, "max_attempts": 2, "duration": 2, "cooldown": 0, "max_duration": 1])
        try deployment.createFunction()

        let tables = try deployment.sosw(["tables", "create", "--config", deployment.configFile, "--config-table", "\(deployment.prefix)_config"])
        #expect(tables.status == 0, "\(tables.stderr)")
        let created = try JSONValue(parsing: tables.stdout)["created"]?.arrayValue?.compactMap(\.stringValue)
        #expect(created == [deployment.tasksTable, deployment.closedTable, deployment.retryTable, "\(deployment.prefix)_config"])
        let again = try deployment.sosw(["tables", "create", "--config", deployment.configFile, "--config-table", "\(deployment.prefix)_config"])
        #expect(try JSONValue(parsing: again.stdout)["existing"]?.arrayValue?.count == 4, "a second run leaves every table alone")

        let job = #"{"lambda_name": "\#(deployment.labourer)", "period": "last_5_days", "isolate_days": true}"#
        let scheduled = try deployment.essential("scheduler", ["--job", job])
        #expect(scheduled["report"]?["written"] == 5)
        #expect(try await deployment.scan(deployment.tasksTable).count == 5)

        // Three invoked (the cap), one of them completed and archived.
        #expect(try deployment.essential("orchestrator")["report"]?["invoked"] == 3)
        let invoked = try await deployment.scan(deployment.tasksTable).filter { $0.attempts == 1 }
        #expect(invoked.count == 3)
        let completedID = try #require(invoked.compactMap(\.taskID).sorted().first)
        let recorded = try deployment.essential("worker-assistant", [
            "--event", #"{"action": "mark_task_as_completed", "task_id": "\#(completedID)", "stats": {"rows": 7}}"#,
        ])
        #expect(recorded["report"]?["outcome"] == "recorded")
        // Real seconds pass between the commands, more on a loaded machine: each Scavenger figure is summed over
        // the runs from here on, and runs repeat until the awaited figure is reached.
        var scavenged = Scavenged(deployment: deployment)
        try scavenged.run()
        #expect(scavenged.totals["archived"] == 1)
        let closed = try await deployment.scan(deployment.closedTable)
        #expect(closed.map(\.taskID) == [completedID])
        #expect(closed.first?["labourer_id_task_status"]?.stringValue == "\(deployment.labourer)_1")
        #expect(closed.first?["stat_rows"]?.numberValue?.text == "7")

        // The other two expire, wait in the retry table, come back at the head of the queue and run again
        // with one never invoked (cap 3: three invocations, the retried ones first).
        try await scavenged.run(until: "scheduled_for_retry", reaches: 2)
        try await scavenged.run(until: "requeued", reaches: 2)
        #expect(try deployment.essential("orchestrator")["report"]?["invoked"] == 3)
        let attempts = try await deployment.scan(deployment.tasksTable).compactMap(\.attempts).sorted()
        #expect(attempts == [0, 1, 2, 2], "the two retried tasks are on their second attempt, one new task on its first")

        // Second expiry: the retried tasks have had max_attempts and die; the other goes to retry.
        try await scavenged.run(until: "dead", reaches: 2)
        try await scavenged.run(until: "scheduled_for_retry", reaches: 3)
        let dead = try await deployment.scan(deployment.closedTable).filter {
            $0["labourer_id_task_status"]?.stringValue == "\(deployment.labourer)_0"
        }
        #expect(dead.count == 2)

        // Redrive one: back in the queue with its attempts reset, out of the closed table.
        let redrive = try deployment.sosw([
            "redrive", "--live", "--config", deployment.configFile, "--labourer", deployment.labourer, "--limit", "1",
        ])
        #expect(redrive.status == 0, "\(redrive.stderr)")
        #expect(try JSONValue(parsing: redrive.stdout)["redriven"] == 1)
        let queued = try await deployment.scan(deployment.tasksTable)
        #expect(queued.filter { $0.attempts == 0 }.count == 2, "the never-invoked task and the redriven one")
        #expect(try await deployment.scan(deployment.closedTable).count == 2)
    }

    /// Scavenger runs of one deployment with their report's figures added up.
    struct Scavenged {
        let deployment: LiveDeployment
        var totals: [String: Int] = [:]

        mutating func run(sourceLocation: SourceLocation = #_sourceLocation) throws {
            let report = try deployment.essential("scavenger", sourceLocation: sourceLocation)["report"]
            for figure in ["archived", "scheduled_for_retry", "requeued", "dead"] {
                totals[figure, default: 0] += Int(report?[figure]?.intValue ?? 0)
            }
        }

        /// Runs every half second until `figure` adds up to `total`; fails the test after 30 s.
        mutating func run(
            until figure: String, reaches total: Int, sourceLocation: SourceLocation = #_sourceLocation
        ) async throws {
            for _ in 0..<60 where totals[figure, default: 0] < total {
                try await Task.sleep(for: .milliseconds(500))
                try run(sourceLocation: sourceLocation)
            }
            #expect(totals[figure, default: 0] == total, "\(figure) after the runs: \(totals)", sourceLocation: sourceLocation)
        }
    }

    @Test func badInputGivesOneClearLineANonZeroExitAndLeavesTheTablesAlone() async throws {
        let deployment = try LiveDeployment("badinput")
        let setup = try deployment.sosw(["tables", "create", "--config", deployment.configFile, "--config-table", "\(deployment.prefix)_config"])
        #expect(setup.status == 0, "\(setup.stderr)")
        _ = try deployment.essential("scheduler", ["--job", #"{"lambda_name": "\#(deployment.labourer)", "period": "today"}"#])
        let before = try await deployment.scan(deployment.tasksTable)

        // A config document with a key no essential knows.
        var wrong = deployment.config
        wrong = wrong.deepMerged(with: ["task_config": ["labourers": .object([deployment.labourer: ["max_simultanious_invocations": 3]])]])
        let wrongFile = deployment.directory + "/wrong.json"
        try wrong.serialized().write(toFile: wrongFile, atomically: true, encoding: .utf8)
        let configError = try deployment.sosw(["orchestrator", "--live", "--config", wrongFile])
        #expect(configError.status == 2)
        #expect(configError.stdout.isEmpty)
        #expect(configError.stderr.split(separator: "\n").count == 1, "one line: \(configError.stderr)")
        #expect(configError.stderr.contains("max_simultanious_invocations"))

        // A missing profile, and no credentials anywhere.
        var noKeys = deployment.environment
        noKeys["AWS_ACCESS_KEY_ID"] = nil
        noKeys["AWS_SECRET_ACCESS_KEY"] = nil
        noKeys["AWS_PROFILE"] = "production-ops"
        let profile = try LiveDeployment.binary.run(["orchestrator", "--live", "--config", deployment.configFile], environment: noKeys)
        #expect(profile.status == 3)
        #expect(profile.stderr.split(separator: "\n").count == 1, "one line: \(profile.stderr)")
        #expect(profile.stderr.contains("production-ops"))

        // Expired credentials, as a stale credential_process prints them.
        let awsDirectory = deployment.directory + "/.aws"
        try FileManager.default.createDirectory(atPath: awsDirectory, withIntermediateDirectories: true)
        try """
            [profile stale]
            credential_process = /bin/sh -c 'echo "{\\"Version\\": 1, \\"AccessKeyId\\": \\"AKIDSTALE\\", \\"SecretAccessKey\\": \\"stale-secret\\", \\"SessionToken\\": \\"stale-token\\", \\"Expiration\\": \\"2020-01-01T00:00:00Z\\"}"'
            """.write(toFile: awsDirectory + "/config", atomically: true, encoding: .utf8)
        noKeys["AWS_PROFILE"] = "stale"
        let expired = try LiveDeployment.binary.run(["orchestrator", "--live", "--config", deployment.configFile], environment: noKeys)
        #expect(expired.status == 3)
        #expect(expired.stderr.split(separator: "\n").count == 1, "one line: \(expired.stderr)")
        #expect(expired.stderr.contains("expired at 2020-01-01T00:00:00Z"), "\(expired.stderr)")
        #expect(!expired.stderr.contains("stale-secret") && !expired.stderr.contains("stale-token"))

        // An endpoint nothing answers on.
        let unreachable = try deployment.sosw(
            ["scavenger", "--live", "--config", deployment.configFile], environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:9"])
        #expect(unreachable.status != 0)
        #expect(unreachable.stderr.contains("127.0.0.1:9"), "\(unreachable.stderr)")

        // A job that is not JSON, a worker event without a task id.
        let job = try deployment.sosw(["scheduler", "--live", "--config", deployment.configFile, "--job", "{lambda_name:"])
        #expect(job.status == 2)
        #expect(job.stderr.hasPrefix("error: --job: not valid JSON"), "\(job.stderr)")
        let event = try deployment.sosw([
            "worker-assistant", "--live", "--config", deployment.configFile, "--event", #"{"action": "mark_task_as_completed"}"#,
        ])
        #expect(event.status == 2, "\(event.stderr)")

        #expect(try await deployment.scan(deployment.tasksTable) == before, "nothing was written by the refused runs")
    }
}
