import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import SoswAWS
import SoswCore

/// What the four live essential commands share: set up the AWS clients and read the configuration once, then
/// run the essential once (exit status from its outcome) or on a rate until SIGTERM or SIGINT. Each run
/// prints one JSON line on standard output:
/// `{"essential", "run", "started_at", "seconds", "report": {…}}`, or `"error"` instead of `"report"`.
struct LiveEssentialInvocation {
    let essential: LiveEssential
    let options: LiveOptions
    /// The Scheduler's job or the WorkerAssistant's event; `{}` for the others.
    var event: JSONValue = [:]

    /// How long a command-line run may take before the Scheduler hands the rest of a job to a sibling:
    /// Lambda's longest timeout, so a job chunks exactly as it would in a function configured that way.
    static let commandLineTimeLimit = Duration.seconds(900)

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let logger = options.logger(label: "sosw.\(essential.rawValue)")
        let period = try options.period()
        let functionName = options.functionName(for: essential, environment: environment)
        let live = try await LiveFailure.reporting {
            let aws = try LiveAWS.fromEnvironment(environment)
            let configuration = try await options.configSource(aws: aws, environment: environment)
                .configuration(functionName: functionName)
            if essential != .workerAssistant {
                try await Self.checkTasksTable(configuration.taskManager.tasksTable, aws: aws)
            }
            let essentials = aws.essentials(configuration: configuration, logger: logger)
            return LiveRun(essential: essential, essentials: essentials, functionName: functionName)
        }
        guard let period else {
            let outcome = await Self.runOnce(live, event: event, number: 1)
            if let failure = outcome.failure {
                FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
                throw failure.exitCode
            }
            if outcome.reportedFailures { throw ExitCode(1) }
            return
        }
        let event = event
        let loop = EssentialLoop(every: period, clock: ContinuousClock()) { number in
            _ = await Self.runOnce(live, event: event, number: number)
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [loop], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// One `DescribeTable` before the first run, so that an endpoint nothing answers on, credentials AWS
    /// refuses or a deployment without its tables stop the command with one line saying so, instead of a run
    /// whose every labourer reports the same failure. The WorkerAssistant, started once per worker report,
    /// skips it: its one call fails as clearly.
    static func checkTasksTable(_ table: String, aws: LiveAWS) async throws {
        let endpoint = aws.dynamoDB.client.endpoint
        do {
            _ = try await aws.dynamoDB.describeTable(DescribeTableInput(tableName: table))
        } catch let error as DynamoDBError where error.code == .resourceNotFound {
            throw LiveFailure.cannotRun(
                "the tasks table \(table) does not exist in \(aws.configuration.region) at \(endpoint); "
                    + "create sosw's tables with `sosw tables create --config FILE`, or name the table in task_config")
        } catch let error as DynamoDBError {
            throw LiveFailure.cannotRun("DynamoDB at \(endpoint) refused DescribeTable \(table): \(error)")
        } catch let error as LiveFailure {
            throw error
        } catch let error as AWSCredentialsError {
            throw LiveFailure.cannotRun("\(error)")
        } catch {
            throw LiveFailure.cannotRun("cannot reach DynamoDB at \(endpoint): \(error)")
        }
    }

    struct Outcome {
        var failure: LiveFailure?
        var reportedFailures = false
    }

    /// One run, its JSON line printed.
    static func runOnce(_ live: LiveRun<ContinuousClock>, event: JSONValue, number: Int) async -> Outcome {
        let clock = ContinuousClock()
        let started = clock.now
        let startedAt = SystemWallClock().currentTime()
        var line: [String: JSONValue] = [
            "essential": .string(live.essential.rawValue), "run": .int(Int64(number)),
            "started_at": .string(startedAt.iso8601),
        ]
        var outcome = Outcome()
        do {
            let report = try await live.run(event: event, deadline: started + commandLineTimeLimit, number: number)
            line["report"] = report
            outcome.reportedFailures = LiveRun<ContinuousClock>.hasFailures(report)
        } catch {
            let failure = LiveFailure.classify(error)
            line["error"] = .string(failure.description)
            outcome.failure = failure
        }
        line["seconds"] = .double((started.duration(to: clock.now).secondsValue * 1000).rounded() / 1000)
        FileHandle.standardOutput.write(Data((JSONValue.object(line).serialized() + "\n").utf8))
        return outcome
    }
}
