import Logging

extension Logger {
    /// The logger every sosw type that logs uses when given none: labelled `sosw`, discarding every message.
    ///
    /// A default rather than a required parameter, so a library user builds the essentials, the TaskManager or
    /// a Processor without importing swift-log; one who wants the messages passes a `Logger` of their own
    /// (which needs `import Logging`, as any swift-log user has). Chosen over re-exporting Logging
    /// (`@_exported import`), which would put all of swift-log's names into every importer's namespace and
    /// still leave each caller to build a logger; and silent rather than printing, because a library must not
    /// write to a program's standard error unasked.
    public static let sosw = Logger(label: "sosw") { _ in SwiftLogNoOpLogHandler() }
}
