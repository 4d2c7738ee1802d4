import Foundation

/// `SOURCE_DATE_EPOCH` is set but is not a whole number of seconds.
public struct ClockError: Error, Sendable, CustomStringConvertible {
    public var value: String
    public var description: String {
        "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, found `\(value)`"
    }
}
