import GRDB

extension RunStoreRows {
    /// The run's cost, one `costs` row per priced line (none for a summary without a cost).
    static func insertCosts(_ run: StoredRun, _ db: Database) throws {
        guard let cost = run.summary.cost else { return }
        let statement = try db.makeStatement(sql: """
            INSERT INTO costs (run_id, service, item, quantity, unit, usd) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for line in cost.lines {
            try statement.execute(arguments: [run.id, line.service, line.item, line.quantity, line.unit, line.usd])
        }
    }
}
