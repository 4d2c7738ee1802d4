import Foundation

/// The clock, read in one place so that `SOURCE_DATE_EPOCH` makes every output reproducible.
public enum Clock {
    /// Seconds since the epoch: `SOURCE_DATE_EPOCH` when set and valid, else the system clock.
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ClockError)
        -> Int64
    {
        if let value = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int64(value), seconds >= 0, value.allSatisfy(\.isNumber) else {
                throw ClockError(value: value)
            }
            return seconds
        }
        return Int64(Date().timeIntervalSince1970)
    }

    /// Today in UTC (from `SOURCE_DATE_EPOCH` when set; a malformed value falls back to the system clock here,
    /// the commands report it).
    public static func today() -> CalendarDay {
        CalendarDay(unixTime: (try? now()) ?? Int64(Date().timeIntervalSince1970))
    }

}
