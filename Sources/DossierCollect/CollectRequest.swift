import DossierCore

/// What `dossier collect` was asked to do.
public struct CollectRequest: Sendable {
    public enum Selection: Sendable, Equatable {
        /// Collectors whose requirement is missing, stale, undated or failing, or turns stale within the days.
        case due(withinDays: Int)
        case all
        /// Controls (by id) or requirements (by their `path` as written).
        case only([String])
    }

    public var selection: Selection
    /// How many collectors run at once.
    public var jobs: Int
    /// Commit what was written, with its provenance.
    public var commit: Bool
    /// Only say what would run.
    public var dryRun: Bool
    /// Bytes a collector may print before it is killed.
    public var maxOutputBytes: Int
    /// The collection instant (seconds since the epoch, UTC): `SOURCE_DATE_EPOCH` or the clock.
    public var now: Int64
    /// `DOSSIER_COMMIT_AUTHOR` (`Name <email>`): author and committer of the commit; nil for git's own.
    public var commitIdentity: (name: String, email: String)?

    public static let defaultWithinDays = 7
    public static let defaultMaxOutputBytes = 64 << 20

    public init(
        selection: Selection = .due(withinDays: CollectRequest.defaultWithinDays), jobs: Int = 2,
        commit: Bool = false, dryRun: Bool = false, maxOutputBytes: Int = CollectRequest.defaultMaxOutputBytes,
        now: Int64, commitIdentity: (name: String, email: String)? = nil
    ) {
        self.selection = selection
        self.jobs = max(1, jobs)
        self.commit = commit
        self.dryRun = dryRun
        self.maxOutputBytes = maxOutputBytes
        self.now = now
        self.commitIdentity = commitIdentity
    }

    /// The collection day (UTC).
    public var day: CalendarDay { CalendarDay(unixTime: now) }
}
