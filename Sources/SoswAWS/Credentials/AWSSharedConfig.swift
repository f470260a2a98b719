/// The AWS CLI's shared files, `~/.aws/credentials` and `~/.aws/config` (or the files `AWS_SHARED_CREDENTIALS_FILE`
/// and `AWS_CONFIG_FILE` name), read once and merged into profiles as the SDKs merge them. Missing files are
/// simply empty; a file that exists but cannot be read or parsed is an error naming it.
public struct AWSSharedConfig: Sendable, Equatable {
    public let credentialsFile: String
    public let configFile: String
    /// Those of the two files that exist.
    public let filesFound: [String]
    private let profiles: [String: AWSProfile]

    init(credentialsFile: String, configFile: String, filesFound: [String], profiles: [String: AWSProfile]) {
        self.credentialsFile = credentialsFile
        self.configFile = configFile
        self.filesFound = filesFound
        self.profiles = profiles
    }

    /// Reads both files; `home` is what `~` stands for (the CLI passes the user's home directory, tests a
    /// temporary one).
    public static func load(environment: [String: String], home: String) throws(AWSConfigurationError) -> AWSSharedConfig {
        func path(_ variable: String, default relative: String) -> String {
            guard let configured = environment.nonEmpty(variable) else { return home + "/" + relative }
            return configured.expandingTilde(home: home)
        }
        let credentialsFile = path("AWS_SHARED_CREDENTIALS_FILE", default: ".aws/credentials")
        let configFile = path("AWS_CONFIG_FILE", default: ".aws/config")
        var settings: [String: [String: String]] = [:]
        var files: [String: [String]] = [:]
        func add(_ name: String, _ section: INIFile.Section, from file: String) {
            var merged = settings[name] ?? [:]
            for setting in section.settings { merged[setting.name] = setting.value }
            settings[name] = merged
            if files[name]?.contains(file) != true { files[name, default: []].append(file) }
        }
        // The config file first, `[default]` before `[profile default]`, then the credentials file: later
        // sections override earlier ones, which is the SDKs' precedence.
        let configSections = try sections(of: configFile)
        let credentialsSections = try sections(of: credentialsFile)
        for section in configSections ?? [] where section.header == "default" { add("default", section, from: configFile) }
        for section in configSections ?? [] {
            guard let name = profileName(ofConfigSection: section.header) else { continue }
            add(name, section, from: configFile)
        }
        for section in credentialsSections ?? [] { add(section.header, section, from: credentialsFile) }
        return AWSSharedConfig(
            credentialsFile: credentialsFile, configFile: configFile,
            filesFound: [(credentialsFile, credentialsSections), (configFile, configSections)]
                .filter { $0.1 != nil }.map(\.0),
            profiles: settings.reduce(into: [:]) { profiles, entry in
                profiles[entry.key] = AWSProfile(name: entry.key, files: files[entry.key] ?? [], settings: entry.value)
            })
    }

    /// The profile to use: `AWS_PROFILE`, else `default`; and what chose it, for messages.
    public static func selectedProfile(environment: [String: String]) -> (name: String, namedBy: String?) {
        if let name = environment.nonEmpty("AWS_PROFILE") { return (name, "AWS_PROFILE") }
        return ("default", nil)
    }

    public func profile(named name: String) -> AWSProfile? {
        profiles[name]
    }

    /// Every profile's name, sorted, for "profiles there: …".
    public var profileNames: [String] {
        profiles.keys.sorted()
    }

    /// The error for a profile that `namedBy` asked for and no file has.
    func profileNotFound(_ name: String, namedBy: String) -> AWSConfigurationError {
        .profileNotFound(
            profile: name, namedBy: namedBy, files: [credentialsFile, configFile], available: profileNames)
    }

    /// `[profile name]` is a profile in the config file, as is `[default]`; other sections (`[sso-session x]`,
    /// `[services x]`, or a bare `[name]` the CLI would ignore) are not.
    private static func profileName(ofConfigSection header: String) -> String? {
        guard header.hasPrefix("profile"), let separator = header.dropFirst("profile".count).first,
            separator == " " || separator == "\t"
        else { return nil }
        let name = header.dropFirst("profile".count).drop { $0 == " " || $0 == "\t" }
        return name.isEmpty ? nil : String(name)
    }

    /// nil when the file does not exist.
    private static func sections(of path: String) throws(AWSConfigurationError) -> [INIFile.Section]? {
        switch LocalTextFile(path: path) {
        case .missing: return nil
        case .unreadable(let reason): throw .invalidFile(path: path, line: nil, problem: reason)
        case .text(let text): return try INIFile(parsing: text, path: path).sections
        }
    }
}
