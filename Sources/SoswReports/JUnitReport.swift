/// JUnit XML for CI: one test suite per scenario, one test case per expectation, a failure carrying the
/// measured value and the reason.
public enum JUnitReport {
    public static func xml(_ summaries: [RunSummary]) -> String {
        let tests = summaries.reduce(0) { $0 + $1.expectations.count }
        let failures = summaries.reduce(0) { $0 + $1.expectations.filter { !$0.passed }.count }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"sosw check\" tests=\"\(tests)\" failures=\"\(failures)\">\n"
        for summary in summaries {
            let scenario = Markup.escape(summary.record.scenario)
            xml += "  <testsuite name=\"\(scenario)\" tests=\"\(summary.expectations.count)\" "
            xml += "failures=\"\(summary.expectations.filter { !$0.passed }.count)\" time=\"\(summary.record.wallSeconds)\">\n"
            for expectation in summary.expectations {
                xml += "    <testcase classname=\"\(scenario)\" name=\"\(Markup.escape(expectation.name))\""
                if expectation.passed {
                    xml += "/>\n"
                } else {
                    xml += ">\n      <failure message=\"\(Markup.escape("measured \(expectation.measured): \(expectation.message)"))\"/>\n"
                    xml += "    </testcase>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }
}
