/// Files of the sosw checkout these tests live in (two folders above this package).
enum Repository {
    /// The checkout's root, found from this file's path: `<root>/Examples/RegressionTests/Tests/RegressionTests/`.
    static var root: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(5)
        return parts.joined(separator: "/")
    }

    /// The path of `name` in the checkout's `scenarios/` folder.
    static func scenario(_ name: String) -> String {
        "\(root)/scenarios/\(name)"
    }
}
