import Foundation

/// A configuration the environment or the shared files do not provide, or provide wrongly. Says which variable
/// or setting, where, and what to put there, because the person reading it is about to edit a shell profile,
/// a CI file or `~/.aws/config`. Never quotes a secret: a broken line is named by its number, not its text.
public enum AWSConfigurationError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case missingVariables([String], purpose: String, hint: String)
    case invalidEndpointURL(variable: String, value: String, problem: String)
    /// `profile` was asked for (by `namedBy`: `AWS_PROFILE`, or another profile's `source_profile`) but no
    /// file has it. `files` are the paths looked at; `available` the profiles they hold.
    case profileNotFound(profile: String, namedBy: String, files: [String], available: [String])
    /// A shared file that cannot be read (`line` nil), or a line of it that is neither a section, a setting, a
    /// continuation nor a comment.
    case invalidFile(path: String, line: Int?, problem: String)
    /// A setting that is present but unusable: `setting` in `location` (a profile and its file, or the
    /// environment), what is wrong, and what would work.
    case invalidSetting(setting: String, location: String, problem: String, expected: String)

    public var description: String {
        switch self {
        case .missingVariables(let names, let purpose, let hint):
            "No AWS \(purpose): \(names.joined(separator: " and ")) \(names.count == 1 ? "is" : "are") not set; "
                + "\(hint)."
        case .invalidEndpointURL(let variable, let value, let problem):
            "\(variable)='\(Self.withoutPassword(value))' is not a usable endpoint: \(problem). "
                + "Expected http(s)://host[:port], e.g. http://127.0.0.1:8000."
        case .profileNotFound(let profile, let namedBy, let files, let available):
            "\(namedBy) names profile '\(profile)', which is in none of \(files.joined(separator: ", ")) ("
                + (available.isEmpty
                    ? "they hold no profiles or do not exist"
                    : "profiles there: \(available.joined(separator: ", "))")
                + "); name one of those, or add a [profile \(profile)] section to the config file."
        case .invalidFile(let path, nil, let problem):
            "\(path): \(problem)."
        case .invalidFile(let path, let line?, let problem):
            "\(path):\(line): \(problem); expected `name = value`, an indented continuation, a [section] or a "
                + "comment (# or ;). Fix or remove that line."
        case .invalidSetting(let setting, let location, let problem, let expected):
            "\(setting) in \(location): \(problem); expected \(expected)."
        }
    }

    /// The same text as ``description``, so `localizedDescription` is as readable.
    public var errorDescription: String? {
        description
    }

    /// An endpoint URL with `user:password@` would print a password; the error keeps the rest of it.
    private static func withoutPassword(_ url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else { return url }
        let authorityEnd = url[schemeEnd.upperBound...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" }
            ?? url.endIndex
        guard let at = url[schemeEnd.upperBound..<authorityEnd].lastIndex(of: "@"),
            let colon = url[schemeEnd.upperBound..<at].firstIndex(of: ":")
        else { return url }
        return url[...colon] + "<redacted>" + url[at...]
    }
}
