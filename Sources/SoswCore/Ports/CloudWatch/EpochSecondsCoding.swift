/// Timestamps in the AWS JSON protocols are numbers of seconds since the epoch (fractions allowed); these
/// helpers give the CloudWatch shapes that wire form for ``UnixTime``.
extension UnixTime {
    /// The time `seconds` after the epoch, to the nearest nanosecond.
    public init(epochSeconds seconds: Double) {
        self.init(nanoseconds: Int64((seconds * 1e9).rounded()))
    }
}

extension KeyedDecodingContainer {
    func decodeEpochSeconds(forKey key: Key) throws -> UnixTime {
        UnixTime(epochSeconds: try decode(Double.self, forKey: key))
    }

    func decodeEpochSecondsIfPresent(forKey key: Key) throws -> UnixTime? {
        try decodeIfPresent(Double.self, forKey: key).map(UnixTime.init(epochSeconds:))
    }
}

extension KeyedEncodingContainer {
    mutating func encodeEpochSeconds(_ time: UnixTime, forKey key: Key) throws {
        if time.nanoseconds % 1_000_000_000 == 0 {
            try encode(time.wholeSeconds, forKey: key)
        } else {
            try encode(time.seconds, forKey: key)
        }
    }

    mutating func encodeEpochSecondsIfPresent(_ time: UnixTime?, forKey key: Key) throws {
        if let time { try encodeEpochSeconds(time, forKey: key) }
    }
}
