import Foundation
import SoswCore

/// The wall clock of production: the system's current Unix time.
public struct SystemWallClock: WallClock {
    public init() {}

    public func currentTime() -> UnixTime {
        UnixTime(nanoseconds: Int64((Date().timeIntervalSince1970 * 1e9).rounded(.down)))
    }
}
