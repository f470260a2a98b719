import SoswCore

extension MetaContext {
    /// Who a simulated run is, for the audit trail: the essential's function name, and as its invocation the
    /// Lambda request id of a run the simulated Lambda started, else `<essential>-<run number>`.
    static func simulated(_ essential: Essential, run: Int, requestID: String? = nil) -> MetaContext {
        MetaContext(author: essential.functionName, invocationID: requestID ?? "\(essential.rawValue)-\(run)")
    }
}
