import SoswCore

/// The root task of a simulation did not finish although the simulator had nothing left to run, or the run
/// reached its virtual-time limit first.
public struct Stuck: Error, CustomStringConvertible, Sendable {
    /// Virtual time when the simulator gave up.
    public var at: UnixTime
    /// Jobs the simulator ran before giving up.
    public var jobsRun: UInt64
    /// Sleeps still waiting on the virtual clock.
    public var pendingSleeps: Int
    /// The earliest of those sleeps' deadlines.
    public var nextDeadline: UnixTime?
    /// The limit that stopped the run, when a limit did.
    public var limit: UnixTime?

    public var description: String {
        if let limit {
            let next = nextDeadline.map { " (the next wakes at \($0))" } ?? ""
            return """
                The simulation reached its virtual-time limit \(limit) before the root task finished: \
                \(pendingSleeps) sleep(s) still wait on the virtual clock\(next), after \(jobsRun) jobs. \
                Raise the limit, or look for a loop that never ends.
                """
        }
        return """
            The simulation's root task did not finish: at virtual time \(at), after \(jobsRun) jobs, nothing was \
            ready to run and no sleep was pending on the virtual clock, so nothing the simulator drives can wake \
            it. It waits for something outside the simulation: a continuation that nobody resumes, Task.sleep on \
            a real clock (pass the simulation's clock instead), a @MainActor call, or the result of work started \
            on another thread.
            """
    }
}
