extension Essential {
    /// The Lambda function the essential is deployed as (`deploy/template.yaml`, sosw's own names).
    public var functionName: String {
        "sosw_\(rawValue)"
    }

    /// The essential's `MemorySize` in `deploy/template.yaml`: what a run is billed at unless the scenario says
    /// otherwise (`pricing.essentials.<essential>.memory_mb`).
    public var deployedMemoryMB: Int {
        switch self {
        case .orchestrator, .scavenger: 256
        case .scheduler: 512
        case .workerAssistant: 128
        }
    }
}
