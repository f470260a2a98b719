/// The INI dialect of `~/.aws/config` and `~/.aws/credentials`, read as the AWS CLI reads it: `[section]`
/// headers, `name = value` settings (names case-insensitive, whitespace around both trimmed), whole-line
/// comments starting with `#` or `;` (a `#` inside a value is part of the value), and indented lines that
/// continue the setting above them, which is how the CLI nests sub-settings (`s3 =` then
/// `  max_concurrent_requests = 10`): they are kept in that setting's value, one per line.
struct INIFile: Equatable {
    struct Setting: Equatable {
        var name: String
        var value: String
    }

    struct Section: Equatable {
        /// The text between the brackets, trimmed (`profile dev`, `default`, `sso-session corp`).
        var header: String
        var settings: [Setting]
    }

    var sections: [Section]

    /// A line that fits none of the forms is an error with its line number and never its text, which may
    /// hold a secret key.
    init(parsing text: String, path: String) throws(AWSConfigurationError) {
        var sections: [Section] = []
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (index, line) in lines.enumerated() {
            func invalid(_ problem: String) -> AWSConfigurationError {
                .invalidFile(path: path, line: index + 1, problem: problem)
            }
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.hasPrefix("[") {
                guard let close = trimmed.firstIndex(of: "]") else { throw invalid("a section header without ]") }
                let after = trimmed[trimmed.index(after: close)...].trimmingWhitespace()
                guard after.isEmpty || after.hasPrefix("#") || after.hasPrefix(";") else {
                    throw invalid("text after a section header's ]")
                }
                let header = trimmed[trimmed.index(after: trimmed.startIndex)..<close].trimmingWhitespace()
                guard !header.isEmpty else { throw invalid("a section header with no name") }
                sections.append(Section(header: String(header), settings: []))
                continue
            }
            guard !sections.isEmpty else { throw invalid("a setting before the first [section]") }
            let isIndented = line.first == " " || line.first == "\t"
            if isIndented, let last = sections[sections.count - 1].settings.indices.last {
                sections[sections.count - 1].settings[last].value += "\n" + trimmed
                continue
            }
            guard let equals = trimmed.firstIndex(of: "=") else { throw invalid("a setting without =") }
            let name = trimmed[..<equals].trimmingWhitespace()
            guard !name.isEmpty else { throw invalid("a setting with no name before =") }
            let value = trimmed[trimmed.index(after: equals)...].trimmingWhitespace()
            sections[sections.count - 1].settings.append(Setting(name: name.lowercased(), value: String(value)))
        }
        self.sections = sections
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (Foundation-free, for the INI reader).
    fileprivate func trimmingWhitespace() -> SubSequence {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
