import Foundation
import SoswCore

/// Task ids for production: a random UUID as 32 lowercase hex digits, the shape of sosw's `uuid1().hex`
/// (random rather than time-based, so ids do not reveal the host).
public struct UUIDSource: IDSource {
    public init() {}

    public func nextID() -> String {
        UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }
}
