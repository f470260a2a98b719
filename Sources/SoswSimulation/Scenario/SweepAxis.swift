/// One dimension of a sweep: a scenario key path and the values it takes (`--set PATH=v1,v2,…`).
public struct SweepAxis: Sendable, Hashable {
    /// Dotted key path, as ``ScenarioOverride/path``.
    public var path: String
    /// In the order given; each is YAML text.
    public var values: [String]

    public init(path: String, values: [String]) {
        self.path = path
        self.values = values
    }

    /// Why a `--set` argument could not be read, in words for the command line.
    public struct Malformed: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Reads `PATH=v1,v2,…`. Values are split at commas outside brackets and quotes, so a flow value such as
    /// `{lognormal: {median: 1m, p99: 3m}}` stays whole; surrounding spaces are trimmed.
    public init(assignment: String) throws(Malformed) {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw Malformed(description: "--set '\(assignment)': expected PATH=VALUE[,VALUE…], e.g. config.task_config.labourers.pull.max_simultaneous_invocations=50,100")
        }
        let path = String(assignment[..<equals]).trimmingSpaces
        guard !path.isEmpty, !path.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else {
            throw Malformed(description: "--set '\(assignment)': the key path '\(path)' has an empty component; expected keys separated by single dots")
        }
        let values = Self.splitValues(String(assignment[assignment.index(after: equals)...]))
        guard !values.isEmpty, !values.contains(where: \.isEmpty) else {
            throw Malformed(description: "--set '\(assignment)': expected one or more values after '=', separated by commas, none empty")
        }
        guard Set(values).count == values.count else {
            throw Malformed(description: "--set '\(assignment)': a value appears twice; each variant must differ")
        }
        self.init(path: path, values: values)
    }

    private static func splitValues(_ text: String) -> [String] {
        var values: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "{" || character == "[" {
                depth += 1
            } else if character == "}" || character == "]" {
                depth -= 1
            } else if character == ",", depth == 0 {
                values.append(current.trimmingSpaces)
                current = ""
                continue
            }
            current.append(character)
        }
        values.append(current.trimmingSpaces)
        return values
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
