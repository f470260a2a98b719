import SoswCore
import Testing

@testable import SoswSimulation

/// `dynamodb.tables` (provisioned capacity per table and index) and `essentials.scheduler.job` as the loader
/// reads them, and what it refuses.
@Suite struct ProvisionedTablesScenarioTests {
    static func engine(_ yaml: String) throws -> Scenario {
        guard case .engine(let scenario) = try loader().load(yaml: minimalScenario + yaml, file: "t.yaml") else {
            throw ScenarioError(file: "t.yaml", line: nil, keyPath: "", problem: "not an engine scenario")
        }
        return scenario
    }

    static func problem(_ yaml: String) -> String? {
        do {
            _ = try loader().load(yaml: minimalScenario + yaml, file: "t.yaml")
            return nil
        } catch {
            return error.problem
        }
    }

    @Test func provisionedTablesAndIndexesAreRead() throws {
        let scenario = try Self.engine("""
            dynamodb:
              tables:
                sosw_tasks: {billing: provisioned, rcu: 3, wcu: 2, indexes: {sosw_tasks_greenfield: {rcu: 5, wcu: 4}}}
                sosw_closed_tasks: {billing: on_demand}
            """)
        let tasks = try #require(scenario.provisionedTables["sosw_tasks"])
        #expect(tasks.readCapacityUnits == 3)
        #expect(tasks.writeCapacityUnits == 2)
        #expect(tasks.indexes["sosw_tasks_greenfield"] == .init(readCapacityUnits: 5, writeCapacityUnits: 4))
        #expect(scenario.provisionedTables["sosw_closed_tasks"] == nil)
    }

    @Test func mistakesAreRefusedWithWhatWasExpected() {
        #expect(Self.problem("dynamodb: {tables: {sosw_task: {billing: provisioned, rcu: 1, wcu: 1}}}")?
            .contains("unknown table") == true)
        #expect(Self.problem("dynamodb: {tables: {sosw_tasks: {billing: on_demand, wcu: 1}}}")?
            .contains("an on-demand table has no capacity") == true)
        #expect(Self.problem("dynamodb: {tables: {sosw_tasks: {billing: provisioned, rcu: 1, wcu: 0}}}")?
            .contains("from 1 to 40000") == true)
        #expect(Self.problem("dynamodb: {tables: {sosw_tasks: {billing: provisioned, rcu: 1}}}") != nil)
        #expect(Self.problem("dynamodb: {tables: {sosw_tasks: {billing: provisioned, rcu: 1, wcu: 1, indexes: {nope: {rcu: 1, wcu: 1}}}}}")?
            .contains("not a global index") == true)
    }

    @Test func theTimedSchedulerKeepsItsJob() throws {
        let scenario = try Self.engine("""
            essentials:
              orchestrator: {every: 1m}
              scheduler: {every: 1h, offset: 5m, job: {lambda_name: pull, period: today}}
            """)
        #expect(scenario.schedule(of: .scheduler)?.job?["lambda_name"] == "pull")
        #expect(Self.problem("essentials: {scheduler: {every: 1h, job: {lambda_name: nobody}}}")?
            .contains("is not a labourer") == true)
        #expect(Self.problem("essentials: {orchestrator: {every: 1m, job: {lambda_name: pull}}}") != nil)
    }
}
