import SoswSimulation

/// The CSV files of a run: `series.csv` (per labourer and minute), `functions.csv` (per function and minute)
/// and `tasks.csv` (per task), from the run's figures.
public enum RunCSVTables {
    public static func labourerSeries(_ figures: RunFigures) -> CSVTable {
        var table = CSVTable(header: ["minute", "labourer_id", "queued", "running", "invoked", "completed", "expired", "retried", "dead", "health"])
        for labourer in figures.labourers {
            for row in labourer.series {
                table.rows.append([
                    String(row.minute), labourer.id, String(row.queued), String(row.running), String(row.invoked),
                    String(row.completed), String(row.expired), String(row.retried), String(row.dead),
                    row.health.map(String.init) ?? "",
                ])
            }
        }
        return table
    }

    public static func functionSeries(_ figures: RunFigures) -> CSVTable {
        var table = CSVTable(header: ["minute", "function", "concurrency", "throttles"])
        for function in figures.functions {
            for row in function.series {
                table.rows.append([String(row.minute), function.name, String(row.concurrency), String(row.throttles)])
            }
        }
        return table
    }

    public static func taskRecords(_ figures: RunFigures) -> CSVTable {
        var table = CSVTable(header: ["task_id", "labourer_id", "created", "invocations", "completed", "archived", "outcome", "latency"])
        for task in figures.tasks {
            table.rows.append([
                task.taskID, task.labourerID, RunSummary.number(task.created),
                task.invocations.map { "\(RunSummary.number($0.time))#\($0.attempt)" }.joined(separator: " "),
                task.completed.map(RunSummary.number) ?? "", task.archived.map(RunSummary.number) ?? "",
                task.outcome ?? "", task.latency.map(RunSummary.number) ?? "",
            ])
        }
        return table
    }
}
