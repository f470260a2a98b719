extension String {
    /// This text with every occurrence of each secret replaced by `<redacted>`: for text the credential code
    /// did not write itself (an STS error, a transport failure with a URL) before it goes into an error.
    func redacting(_ secrets: [String]) -> String {
        secrets.filter { !$0.isEmpty }.reduce(self) { text, secret in
            text.replacing(secret, with: "<redacted>")
        }
    }
}
