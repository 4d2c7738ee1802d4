import DossierArchive
import DossierCore
import Foundation

/// `<org-slug>-soc2-<YYYYMMDDTHHMMSSZ>`: the archive's file name without extension, its top-level folder and
/// its BagIt External-Identifier.
public struct BundleName: Sendable, Hashable, CustomStringConvertible {
    public let slug: String
    /// Seconds since the epoch (the generation time, or `SOURCE_DATE_EPOCH`).
    public let time: Int64

    public init(organization: String, time: Int64) {
        self.slug = Self.slug(organization)
        self.time = time
    }

    public var description: String { "\(slug)-soc2-\(Self.compactTimestamp(time))" }

    public func fileName(_ format: ArchiveFormat) -> String { "\(description).\(format.fileExtension)" }

    /// Lowercase ASCII letters and digits separated by single hyphens; accents are dropped
    /// (`Société Générale` → `societe-generale`). `organization` when nothing is left.
    public static func slug(_ name: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen && !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value)).lowercasedASCII)
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "organization" : String(out.prefix(60)).trimmingCharacters(in: ["-"])
    }

    /// `YYYYMMDDTHHMMSSZ` in UTC, computed without the C library's time zone.
    public static func compactTimestamp(_ time: Int64) -> String {
        let (day, seconds) = split(time)
        return day.description.replacingOccurrences(of: "-", with: "") + "T" + clock(seconds, separator: "") + "Z"
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` in UTC.
    public static func isoTimestamp(_ time: Int64) -> String {
        let (day, seconds) = split(time)
        return "\(day)T\(clock(seconds, separator: ":"))Z"
    }

    private static func split(_ time: Int64) -> (CalendarDay, Int64) {
        let day = CalendarDay(unixTime: time)
        return (day, time - day.unixTime)
    }

    private static func clock(_ seconds: Int64, separator: String) -> String {
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return [seconds / 3600, seconds / 60 % 60, seconds % 60].map(two).joined(separator: separator)
    }
}

extension Unicode.Scalar {
    fileprivate var lowercasedASCII: Unicode.Scalar {
        ("A"..."Z").contains(self) ? Unicode.Scalar(value + 32)! : self
    }
}

/// The archive formats a bundle can be written in (`zip` or `tar.gz`).
public typealias BundleFormat = ArchiveFormat
