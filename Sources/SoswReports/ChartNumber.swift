/// Numbers as the report's charts print them, without locale or `String(format:)`, so the same run gives
/// the same bytes on every machine.
enum ChartNumber {
    /// An SVG coordinate: one decimal (a tenth of a view-box unit is far below a pixel), no trailing `.0`.
    static func coordinate(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// A count on an axis: whole numbers as they are, `12.5k` from ten thousand up, one decimal below one.
    static func count(_ value: Double) -> String {
        if value.magnitude >= 10_000 { return coordinate(value / 1000) + "k" }
        if value == value.rounded() { return String(Int64(value)) }
        return coordinate(value)
    }
}
