import SoswCore
import Yams

extension ScenarioParser {
    /// `essentials.scheduler.job`: a job object with a `lambda_name` (the labourer, checked by
    /// ``checkScheduledJob(_:essentials:config:)`` once `config` is read).
    func scheduledJob(_ node: Node, path: String) throws(ScenarioError) -> JSONValue {
        let job = try reader.object(node, path: path)
        do {
            _ = try SchedulerJob(event: job)
        } catch {
            throw reader.error(node, path, error.reason)
        }
        return job
    }

    /// The timed Scheduler's job names a labourer of `config` and chunks into at least one task at the start:
    /// a cron rule sending a job the Scheduler refuses would only fail at every run.
    func checkScheduledJob(
        _ essentialsNode: Node?, essentials: [EssentialSchedule], config: JSONValue, start: UnixTime
    ) throws(ScenarioError) {
        guard let job = essentials.first(where: { $0.essential == .scheduler })?.job, let essentialsNode,
            let schedulerNode = child(of: essentialsNode, key: Essential.scheduler.rawValue),
            let jobNode = child(of: schedulerNode, key: "job")
        else { return }
        let path = "essentials.scheduler.job"
        do {
            let configuration = try SoswConfiguration(custom: config)
            let parsed = try SchedulerJob(event: job)
            let labourers = configuration.taskManager.labourers.map(\.id)
            guard labourers.contains(parsed.labourerID) else {
                throw reader.error(
                    child(of: jobNode, key: "lambda_name") ?? jobNode, "\(path).lambda_name",
                    "'\(parsed.labourerID)' is not a labourer in config.task_config.labourers; expected one of: \(labourers.joined(separator: ", "))")
            }
            let schema = try configuration.scheduler.jobSchema(named: parsed.schemaName)
            let chunker = JobChunker(
                attributes: schema.chunkableAttributes,
                periods: try PeriodResolver(customPatterns: configuration.scheduler.customPeriodPatterns))
            guard !(try chunker.tasks(for: parsed.body, labourerID: parsed.labourerID, today: CivilDate(start))).isEmpty else {
                throw reader.error(jobNode, path, "the job produces no tasks on the start date")
            }
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw reader.error(jobNode, path, "the Scheduler cannot take this job: \(error)")
        }
    }
}
