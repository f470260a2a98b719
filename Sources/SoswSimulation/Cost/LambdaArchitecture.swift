/// The instruction set a Lambda function runs on; Lambda prices a GB-second of arm64 (Graviton) about a fifth
/// below x86_64, so the choice moves a worker-heavy bill.
public enum LambdaArchitecture: String, Sendable, Hashable, CaseIterable, Comparable {
    case x86_64
    case arm64

    public static func < (lhs: LambdaArchitecture, rhs: LambdaArchitecture) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
