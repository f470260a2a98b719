/// Where the essentials report each ``TaskEvent`` as it happens: the simulation logs them to its event log,
/// production ignores them (``IgnoredTaskEvents``). Called inline on the essential's task, so an observer
/// must be quick and must not suspend.
public protocol TaskEventObserver: Sendable {
    func observe(_ event: TaskEvent)
}

/// The observer of essentials nobody watches.
public struct IgnoredTaskEvents: TaskEventObserver {
    public init() {}

    public func observe(_ event: TaskEvent) {}
}
