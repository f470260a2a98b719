/// A table written as CSV (RFC 4180 quoting), for the per-minute series and per-task records a run leaves
/// behind, readable by any spreadsheet or `pandas.read_csv`.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    public var text: String {
        var text = ""
        for row in [header] + rows {
            text += row.map(Self.field).joined(separator: ",")
            text += "\n"
        }
        return text
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
