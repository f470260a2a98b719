import SoswCore

extension EventLog {
    /// Appends one event of a scenario run under its contract name.
    func record(_ event: RunEvent, at time: UnixTime, _ fields: EventFields = [:]) {
        record(event.rawValue, at: time, fields)
    }
}
