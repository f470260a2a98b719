import Foundation
import SoswCore
import Testing

/// `sosw tables delete` against moto's server: confirmation required, open tasks guard, the config table kept.
@Suite(.enabled(if: LiveDeployment.isAvailable, "needs moto's server: SOSW_MOTO_ENDPOINT (scripts/test sets it)"))
struct TablesDeleteLiveTests {
    @Test func deletesOnlyWhenConfirmedAndNoTaskIsOpen() async throws {
        let deployment = try LiveDeployment("tables_delete")
        let configTable = "\(deployment.prefix)_config"
        let options = ["--config", deployment.configFile, "--config-table", configTable]
        #expect(try deployment.sosw(["tables", "create"] + options).status == 0)
        // One task queued by the Scheduler.
        let job = #"{"lambda_name": "\#(deployment.labourer)"}"#
        #expect(try deployment.essential("scheduler", ["--job", job])["report"]?["written"] == 1)

        let unconfirmed = try deployment.sosw(["tables", "delete"] + options)
        #expect(unconfirmed.status == 2)
        #expect(unconfirmed.stderr.contains("add --yes"))

        let refused = try deployment.sosw(["tables", "delete", "--yes"] + options)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("table \(deployment.tasksTable) still holds tasks"), "\(refused.stderr)")
        #expect(try await deployment.scan(deployment.tasksTable).count == 1, "nothing was deleted")

        let forced = try deployment.sosw(["tables", "delete", "--yes", "--force"] + options)
        #expect(forced.status == 0, "\(forced.stderr)")
        let report = try JSONValue(parsing: forced.stdout)
        #expect(report["deleted"] == .array([deployment.tasksTable, deployment.closedTable, deployment.retryTable].map(JSONValue.string)))
        // The config table stays: other stages and workers may read it.
        #expect(try await deployment.scan(configTable).isEmpty)
    }
}
