import Foundation
import GRDB
import SoswCore
import SoswSimulation
import Testing

@testable import SoswReports

@Suite("A run's simulated metrics in metrics.csv, report.html and run.sqlite")
struct MetricReportTests {
    /// A database CPU driven by its workers, read by the worker's health with two thresholds.
    private static let scenario = """
        name: metric-fixture
        seed: 5
        start: 2026-01-05T02:00:00Z
        stop: {when: drained, at_most: 2h}
        essentials:
          orchestrator: {every: 1m}
          scavenger: {every: 1m, offset: 30s}
        config:
          task_config:
            labourers:
              worker:
                arn: arn:aws:lambda:us-west-2:000000000000:function:worker
                max_simultaneous_invocations: 20
                health_metrics:
                  db_cpu:
                    details:
                      Namespace: AWS/RDS
                      MetricName: CPUUtilization
                      Statistics: [Maximum]
                      Dimensions: [{Name: DBInstanceIdentifier, Value: main}]
                    feelings: {3: 60, 4: 30}
                    feeling_comparison_operator: "<="
        lambda:
          functions:
            worker: {timeout: 5m, duration: {fixed: 150s}}
        metrics:
          - namespace: AWS/RDS
            name: CPUUtilization
            dimensions: {DBInstanceIdentifier: main}
            model: {reactive: {base: 10, per_running: {worker: 2.5}, lag: 1m}}
        load:
          - {at: 0s, tasks: {labourer: worker, count: 60}}
        """

    private static func run() throws -> ScenarioRun.Result {
        let scenario = try ScenarioLoader().scenario(yaml: Self.scenario, file: "metric-fixture.yaml")
        return try ScenarioRun(scenario).run(strict: true)
    }

    @Test("metrics.csv: a row per minute with the statistic the health reads, its readers and thresholds")
    func csv() throws {
        let result = try Self.run()
        let metric = try #require(result.figures.metrics.first)
        let table = RunCSVTables.metricSeries(result.figures)
        #expect(table.header == ["minute", "namespace", "name", "dimensions", "statistic", "value", "read_by", "feelings"])
        #expect(table.rows.count == metric.series.count)
        #expect(table.rows.count >= 5)
        for (row, minute) in zip(table.rows, metric.series) {
            #expect(row == [
                String(minute.minute), "AWS/RDS", "CPUUtilization", "DBInstanceIdentifier=main", "Maximum",
                RunSummary.number(minute.maximum), "worker.db_cpu", "4:<=30;3:<=60",
            ])
        }
        // Nothing runs in the first minute (the lag): the base. Then up to 20 workers: 10 + 2.5 × 20 = 60.
        #expect(table.rows.first?[5] == "10.000")
        #expect(metric.series.map(\.maximum).max() == 60)
    }

    @Test("report.html draws each metric with its thresholds as lines named by health level")
    func chart() throws {
        let result = try Self.run()
        let summary = RunSummary(result: result, scenarioText: Self.scenario, wallSeconds: 1, commit: "0000000")
        let html = HTMLReport(summary: summary, charts: RunCharts(result: result)).html
        #expect(html.contains("<section class=\"block\" id=\"metrics\">"))
        #expect(html.contains("CPUUtilization (Maximum per minute)"))
        #expect(html.contains("health 4 (high) &lt;= 30"), "the legend names the level and its threshold")
        #expect(html.contains("health 3 (good) &lt;= 60"))
        let chart = HTMLReport.metricChart(try #require(result.figures.metrics.first), statistic: .maximum, id: "m")
        #expect(chart.limits.map(\.value) == [30, 60])
        #expect(chart.series.first?.values.count == chart.minutes.count)
        #expect(chart.svg.components(separatedBy: "stroke-dasharray=\"6 4\"").count - 1 == 2, "one dashed line per threshold")
    }

    @Test("run.sqlite keeps the metric's minutes in its metrics table")
    func store() throws {
        let result = try Self.run()
        let directory = try temporaryDirectory("metric-store")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let summary = RunSummary(result: result, scenarioText: Self.scenario, wallSeconds: 1, commit: "0000000")
        let store = try RunStore(path: "\(directory)/run.sqlite")
        try store.append(StoredRun(summary: summary, figures: result.figures, recordedAt: "2026-01-05T00:00:00Z"))
        let metric = try #require(result.figures.metrics.first)
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT metric, statistic, minute, value FROM metrics ORDER BY minute")
        }
        #expect(rows.count == metric.series.count)
        #expect(rows.allSatisfy { $0["metric"] as String == "AWS/RDS CPUUtilization {DBInstanceIdentifier=main}" })
        #expect(rows.allSatisfy { $0["statistic"] as String == "Maximum" })
        #expect(rows.map { $0["minute"] as Int } == metric.series.map(\.minute))
        #expect(rows.map { $0["value"] as Double } == metric.series.map(\.maximum))
    }
}
