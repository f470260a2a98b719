/// One profile of the shared files: its settings from `~/.aws/config` (`[profile name]`, or `[default]`)
/// merged with those of `~/.aws/credentials` (`[name]`), the credentials file winning where both set one.
public struct AWSProfile: Sendable, Equatable {
    public let name: String
    /// The files that have a section for it, for messages.
    public let files: [String]
    /// Setting names in lower case.
    let settings: [String: String]

    init(name: String, files: [String], settings: [String: String]) {
        self.name = name
        self.files = files
        self.settings = settings
    }

    /// The setting's value, nil when absent or empty (an empty setting counts as unset, as in the SDKs).
    public subscript(_ setting: String) -> String? {
        guard let value = settings[setting.lowercased()], !value.isEmpty else { return nil }
        return value
    }

    /// `profile 'dev' (/root/.aws/config)`: where a setting of this profile can be found and fixed.
    public var location: String {
        "profile '\(name)' (\(files.joined(separator: ", ")))"
    }
}
