extension String {
    /// This path with a leading `~` or `~/` standing for `home`, as the SDKs expand configured file paths.
    func expandingTilde(home: String) -> String {
        self == "~" ? home : hasPrefix("~/") ? home + dropFirst() : self
    }
}
