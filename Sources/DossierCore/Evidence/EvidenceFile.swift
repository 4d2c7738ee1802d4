import DossierGit

/// One file in the evidence inventory, with its git provenance and anything wrong with it.
public struct EvidenceFile: Sendable, Hashable {
    /// Why a file cannot count as evidence (or should be looked at).
    public enum Problem: String, Sendable, Codable, Hashable {
        case untracked, modified, staged, deleted, conflicted, ignored
        case symlink, submodule
        case notRegular = "not-regular"
        case lfsPointer = "lfs-pointer"
        case shallowHistory = "shallow-history"
        case unreadable
        /// With `evidence_commits: signed`: git cannot verify the commit's signature.
        case unverifiedCommit = "unverified-commit"
        /// With `evidence_commits: signed`: the commit that dates the file is back-dated.
        case backdatedCommit = "backdated-commit"

        /// Whether the file is left out of readiness (and of bundles) because of this problem.
        public var excludes: Bool {
            switch self {
            case .modified, .staged, .shallowHistory: false
            default: true
            }
        }

        public var explanation: String {
            switch self {
            case .untracked: "is not committed to git"
            case .modified: "has uncommitted changes (the committed version counts)"
            case .staged: "has staged, uncommitted changes (the committed version counts)"
            case .deleted: "is deleted in the working tree"
            case .conflicted: "has a merge conflict"
            case .ignored: "is ignored by git"
            case .symlink: "is a symbolic link; Dossier never follows links into evidence"
            case .submodule: "is a git submodule, not a file"
            case .notRegular: "is not a regular file"
            case .lfsPointer: "is an unsmudged Git LFS pointer, not the evidence itself"
            case .shallowHistory: "was last changed beyond this shallow clone's history; its date is unknown"
            case .unreadable: "cannot be read"
            case .unverifiedCommit:
                "was last changed by a commit git cannot verify as signed (evidence_commits: signed)"
            case .backdatedCommit: "is dated by a back-dated commit (evidence_commits: signed)"
            }
        }

        public var hint: String {
            switch self {
            case .untracked: "commit it (`git add` and `git commit`) so it has a date and provenance"
            case .modified, .staged: "commit or discard the change"
            case .deleted: "commit the deletion or restore the file"
            case .conflicted: "resolve the conflict and commit"
            case .ignored: "remove the matching rule from .gitignore, or move the file"
            case .symlink, .notRegular: "commit the file itself instead"
            case .submodule: "evidence must live in this repository"
            case .lfsPointer: "run `git lfs pull`, or commit the file without LFS"
            case .shallowHistory: "fetch full history (`git fetch --unshallow`) so evidence dates are true"
            case .unreadable: "check the file's permissions"
            case .unverifiedCommit:
                "commit it signed (`git commit -S`) with a key listed in gpg.ssh.allowedSignersFile (or your GnuPG keyring)"
            case .backdatedCommit:
                "commit it again with true dates, or declare its collection date in evidence/collected.yaml"
            }
        }
    }

    /// Workspace-relative path bytes: the identity of the file (NFC and NFD spellings stay distinct).
    public var path: [UInt8]
    public var size: Int64
    public var isExecutable: Bool
    /// Git blob id of the committed content.
    public var blob: String?
    public var commit: GitHistory.Commit?
    /// A collection date declared in `evidence/collected.yaml`; wins over the commit date.
    public var collected: CalendarDay?
    /// The command that collected the file (`command:` in `evidence/collected.yaml`, written by `dossier collect`).
    public var collectedBy: String?
    /// The date in the file name, when ``FileNameDates`` believed it; wins over the commit date.
    public var nameDate: CalendarDay?
    public var problems: [Problem]

    public init(
        path: [UInt8], size: Int64 = 0, isExecutable: Bool = false, blob: String? = nil,
        commit: GitHistory.Commit? = nil, collected: CalendarDay? = nil, problems: [Problem] = []
    ) {
        self.path = path
        self.size = size
        self.isExecutable = isExecutable
        self.blob = blob
        self.commit = commit
        self.collected = collected
        self.problems = problems
    }

    /// The path for people: UTF-8, with bytes that are not UTF-8 shown as `\xNN`.
    public var displayPath: String { Self.display(path) }

    /// Counts toward readiness and may go into a bundle.
    public var isUsable: Bool { !problems.contains { $0.excludes } }

    /// The evidence date: the declared collection date, else the date in the file name (when believed), else
    /// the author date of the newest commit.
    public var date: CalendarDay? {
        if let collected { return collected }
        if let nameDate { return nameDate }
        if problems.contains(.shallowHistory) { return nil }
        return commit.map { CalendarDay(unixTime: $0.authorTime) }
    }

    /// Which source gave ``date``: what provenance shows the auditor.
    public enum DateSource: String, Sendable, Codable {
        case declared
        case fileName = "file-name"
        case commit

        /// For people: `declared`, `file name`, `commit`.
        public var label: String { self == .fileName ? "file name" : rawValue }
    }

    /// The source of ``date``; nil when the file has no date.
    public var dateSource: DateSource? {
        if collected != nil { return .declared }
        if nameDate != nil { return .fileName }
        return date == nil ? nil : .commit
    }

    public static func display(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var result = ""
        var index = 0
        while index < bytes.count {
            var length = 1
            while length <= 4, index + length <= bytes.count {
                if let piece = String(validating: bytes[index..<index + length], as: UTF8.self) {
                    result += piece
                    break
                }
                length += 1
            }
            if length > 4 || index + length > bytes.count {
                result += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(2)
                length = 1
            }
            index += length
        }
        return result
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
