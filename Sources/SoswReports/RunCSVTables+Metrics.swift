import SoswCore
import SoswSimulation

extension RunCSVTables {
    /// `metrics.csv`: per simulated metric, statistic and minute, the value CloudWatch reports for a 60-second
    /// period, beside the labourers whose health reads it and their feelings thresholds, so a planner can see
    /// in a spreadsheet which level each minute's value falls in. A metric nobody reads gets its Average.
    public static func metricSeries(_ figures: RunFigures) -> CSVTable {
        var table = CSVTable(header: ["minute", "namespace", "name", "dimensions", "statistic", "value", "read_by", "feelings"])
        for metric in figures.metrics {
            let dimensions = metric.dimensions.map { "\($0.name)=\($0.value)" }.joined(separator: ";")
            for statistic in metric.statistics {
                let readers = metric.readers.filter { $0.statistic == statistic }
                let readBy = readers.map { "\($0.labourerID).\($0.healthMetric)" }.joined(separator: " ")
                let feelings = readers.map(Self.feelings).joined(separator: " ")
                for row in metric.series {
                    table.rows.append([
                        String(row.minute), metric.namespace, metric.name, dimensions, statistic.rawValue,
                        RunSummary.number(row.value(statistic)), readBy, feelings,
                    ])
                }
            }
        }
        return table
    }

    /// `4:<=25;3:<=50`: each level's threshold under the reader's comparison, best level first.
    static func feelings(_ reader: MetricReader) -> String {
        reader.feelings.map { feeling in
            let threshold = feeling.threshold == feeling.threshold.rounded() && feeling.threshold.magnitude < 1e15
                ? String(Int64(feeling.threshold)) : RunSummary.number(feeling.threshold)
            return "\(feeling.level):\(reader.comparison.rawValue)\(threshold)"
        }.joined(separator: ";")
    }
}
