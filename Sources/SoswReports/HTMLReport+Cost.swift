import SoswSimulation

extension HTMLReport {
    /// The cost section: the total and each service with its share, then every priced line, under the prices'
    /// region, file and date. Empty for a summary without a cost.
    var costSection: String {
        guard let cost = summary.cost else { return "" }
        var text = "<section class=\"block\" id=\"cost\">\n<h2>Cost</h2>\n"
        text += "<p><strong>\(RunSummary.usd(cost.totalUSD)) USD</strong> at \(Markup.escape(RunSummary.pricesNote(cost))); "
        text += "storage, data transfer, logs and free tiers are not included.</p>\n"
        let most = max(cost.byService.map(\.usd).max() ?? 0, .leastNonzeroMagnitude)
        text += "<table>\n<thead><tr><th>service</th><th class=\"number\">USD</th><th></th></tr></thead>\n<tbody>\n"
        for (service, usd) in cost.byService {
            let share = ChartNumber.coordinate(100 * usd / most)
            text += "<tr><td>\(Markup.escape(service))</td><td class=\"number\">\(RunSummary.usd(usd))</td>"
            text += "<td class=\"bar\"><span style=\"width: \(share)%\"></span></td></tr>\n"
        }
        text += "<tr class=\"total\"><td>total</td><td class=\"number\">\(RunSummary.usd(cost.totalUSD))</td><td></td></tr>\n"
        text += "</tbody>\n</table>\n"
        guard !cost.lines.isEmpty else { return text + "</section>\n" }
        text += "<table>\n<thead><tr><th>service</th><th>item</th><th class=\"number\">quantity</th><th>unit</th>"
        text += "<th class=\"number\">USD</th></tr></thead>\n<tbody>\n"
        for line in cost.lines {
            text += "<tr><td>\(Markup.escape(line.service))</td><td>\(Markup.escape(line.item))</td>"
            text += "<td class=\"number\">\(RunSummary.quantity(line.quantity))</td><td>\(Markup.escape(line.unit))</td>"
            text += "<td class=\"number\">\(RunSummary.usd(line.usd))</td></tr>\n"
        }
        return text + "</tbody>\n</table>\n</section>\n"
    }
}
