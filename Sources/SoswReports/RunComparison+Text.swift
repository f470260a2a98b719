import Foundation

extension RunComparison {
    /// The comparison as aligned plain text for a terminal: one block per group, one line per figure with both
    /// values, the change and the change in percent; `—` where a run lacks the figure or the change has no
    /// meaning (text, or a change from zero); nothing in the change columns of a figure that did not change.
    /// Text longer than 28 characters (hashes) is cut to its first 16, enough to tell two runs apart.
    public func text(before: String, after: String) -> String {
        var lines: [[String]] = [["", before, after, "change", "%"]]
        var groupStarts: [Int: String] = [:]
        for group in groups {
            groupStarts[lines.count] = group.name
            for row in group.rows {
                lines.append([
                    "  " + row.figure, row.before.map(Self.describe) ?? "—", row.after.map(Self.describe) ?? "—",
                    row.before == row.after ? "" : row.change.map(Self.signed) ?? "—",
                    row.before == row.after ? "" : row.percent.map(Self.percentText) ?? "—",
                ])
            }
        }
        let widths = (0..<5).map { column in lines.map { $0[column].count }.max() ?? 0 }
        var text = ""
        for (index, line) in lines.enumerated() {
            if let group = groupStarts[index] { text += group + "\n" }
            let cells = line.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0) : String(repeating: " ", count: widths[column] - cell.count) + cell
            }
            text += cells.joined(separator: "  ").trimmingTrailingSpaces + "\n"
        }
        return text
    }

    /// Whole numbers as such, others with six significant digits (two decimals from 1,000 up).
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return abs(value) >= 1000 ? String(format: "%.2f", value) : String(format: "%.6g", value)
    }

    /// `+3.2%`, `-0.4%`: one decimal, always signed.
    public static func percentText(_ percent: Double) -> String {
        String(format: "%+.1f%%", percent)
    }

    static func describe(_ value: Value) -> String {
        switch value {
        case .number(let figure): number(figure)
        case .text(let text): text.count > 28 ? text.prefix(16) + "…" : text
        }
    }

    static func signed(_ value: Double) -> String {
        value > 0 ? "+" + number(value) : number(value)
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        String(reversed().drop(while: { $0 == " " }).reversed())
    }
}
