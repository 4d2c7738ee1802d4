import DossierCore
import DossierGit
import DossierMarkdown
import Foundation

/// What every page builder shares: the judgement, page paths, narratives, gaps, and formatting helpers that
/// turn engine values into template data (dictionaries of strings, numbers, booleans and lists).
///
/// Optional values become `NSNull`, which Mustache treats as empty *without* looking further up the context
/// stack, so a file with no commit never shows the page's commit by accident.
struct SiteContext {
    let assessment: Assessment
    let readiness: Readiness
    var paths: SitePaths
    let catalog: NarrativeCatalog
    let gaps: GapList
    var digests: [[UInt8]: String]
    let options: SiteOptions
    let site: [String: Any]
    var diagnostics: [Diagnostic] = []
    /// Evidence path bytes → requirements (control id, requirement index) that use it.
    let usage: [[UInt8]: [(control: String, requirement: String)]]

    static let navigation: [(label: String, path: String, section: String)] = [
        ("Dashboard", SitePaths.dashboard, "dashboard"),
        ("Criteria", SitePaths.criteriaIndex, "criteria"),
        ("Controls", SitePaths.controlsIndex, "controls"),
        ("Narratives", SitePaths.narrativesIndex, "narratives"),
        ("Evidence", SitePaths.evidence, "evidence"),
        ("Gaps", SitePaths.gaps, "gaps"),
        ("Requests", SitePaths.requests, "requests"),
    ]

    /// The navigation with a link to each register the workspace has, and to the auditor's requests when it
    /// keeps a request list.
    var sections: [(label: String, path: String, section: String)] {
        var items = Self.navigation.filter { assessment.requests != nil || $0.path != SitePaths.requests }
        let registers = assessment.registers
        var extra: [(label: String, path: String, section: String)] = []
        if registers.risks != nil { extra.append(("Risks", SitePaths.risks, "risks")) }
        if registers.vendors != nil { extra.append(("Vendors", SitePaths.vendors, "vendors")) }
        if registers.hasPolicies { extra.append(("Policies", SitePaths.policiesIndex, "policies")) }
        let evidence = items.firstIndex { $0.section == "evidence" } ?? items.count
        items.insert(contentsOf: extra, at: evidence)  // before Evidence, Gaps and Requests
        return items
    }

    init(assessment: Assessment, digests: [[UInt8]: String], options: SiteOptions) {
        self.assessment = assessment
        self.readiness = assessment.readiness
        self.digests = digests
        self.options = options
        let catalog = assessment.narratives
        self.catalog = catalog
        self.gaps = GapList(assessment.readiness, registers: assessment.registers)
        self.paths = SitePaths(
            controlIDs: assessment.readiness.controls.map(\.control.id), narrativePaths: catalog.narratives.map(\.path),
            evidence: assessment.readiness.inventory.files.map(\.path),
            policies: assessment.registers.policies.map(\.policy))
        var usage: [[UInt8]: [(control: String, requirement: String)]] = [:]
        for c in assessment.readiness.controls {
            for q in c.requirements {
                for file in q.files + q.later + q.unusable {
                    usage[file.path, default: []].append((c.control.id, q.requirement.path))
                }
            }
        }
        self.usage = usage
        self.site = Self.siteData(assessment)
    }

    // MARK: - Site-wide data

    static func siteData(_ assessment: Assessment) -> [String: Any] {
        let map = assessment.controlMap
        let r = assessment.readiness
        let git = r.inventory.git
        var title = [map.organization, map.system].filter { !$0.isEmpty }.joined(separator: " — ")
        if title.isEmpty { title = "SOC 2 readiness" }
        return [
            "title": title,
            "organization": map.organization,
            "system": map.system,
            "asOf": r.asOf.description,
            "auditType": map.period == nil ? "Type I" : "Type II",
            "period": map.period.map { "\($0.start) to \($0.end)" as Any } ?? NSNull(),
            "scope": TrustCategory.allCases.filter { map.scope.contains($0) }.map(\.title).joined(separator: ", "),
            "commit": git.head.map { $0 as Any } ?? NSNull(),
            "shortCommit": git.head.map { String($0.prefix(12)) as Any } ?? NSNull(),
            "branch": git.branch.map { $0 as Any } ?? NSNull(),
            "dirty": git.isDirty,
            "shallow": git.isShallow,
            "notGit": !git.isWorkTree,
            "generator": "dossier \(DossierVersion.current)",
        ]
    }

    // MARK: - Links

    func controlLink(_ id: String, from page: String) -> String {
        SitePaths.root(of: page) + (paths.controls[id] ?? SitePaths.controlsIndex)
    }

    func criterionLink(_ id: String, from page: String) -> String {
        SitePaths.root(of: page) + (paths.criteria[id] ?? SitePaths.criteriaIndex)
    }

    func policyLink(_ path: String, from page: String) -> String {
        SitePaths.root(of: page) + (paths.policies[path] ?? SitePaths.policiesIndex)
    }

    /// Where a register gap's subject is shown.
    func registerLink(_ subject: RegisterGap.Subject, from page: String) -> String {
        let root = SitePaths.root(of: page)
        switch subject {
        case .riskRegister: return root + SitePaths.risks
        case .risk(let id): return root + SitePaths.risks + "#risk-" + SitePaths.sanitize(id)
        case .vendor(let id): return root + SitePaths.vendors + "#vendor-" + SitePaths.sanitize(id)
        case .policy(let path, _): return policyLink(path, from: page)
        }
    }

    func narrativeLink(_ path: String, from page: String) -> String {
        SitePaths.root(of: page) + (paths.narratives[path] ?? SitePaths.narrativesIndex)
    }

    func evidenceLink(_ path: [UInt8], from page: String) -> String {
        let base = page == SitePaths.evidence ? "" : SitePaths.root(of: page) + SitePaths.evidence
        guard let anchor = paths.evidenceAnchors[path] else { return SitePaths.root(of: page) + SitePaths.evidence }
        return base + "#" + anchor
    }

    // MARK: - Values

    static func null(_ value: String?) -> Any {
        guard let value, !value.isEmpty else { return NSNull() }
        return value
    }

    static func controlTone(_ state: ControlState) -> String {
        switch state {
        case .ready: "ok"
        case .stale, .undated: "warn"
        case .missingEvidence, .failingEvidence: "bad"
        case .planned: "plan"
        case .notApplicable: "muted"
        }
    }

    static func criterionLabel(_ state: CriterionState) -> String {
        switch state {
        case .covered: "covered"
        case .partial: "mapped, not ready"
        case .uncovered: "uncovered"
        case .excluded: "excluded"
        case .outOfScope: "out of scope"
        }
    }

    static func criterionTone(_ state: CriterionState) -> String {
        switch state {
        case .covered: "ok"
        case .partial: "warn"
        case .uncovered: "bad"
        case .excluded, .outOfScope: "muted"
        }
    }

    static func evidenceTone(_ state: EvidenceState) -> String {
        switch state {
        case .fresh: "ok"
        case .stale, .undated: "warn"
        case .missing, .failing: "bad"
        }
    }

    /// `{state, label, tone}` for a state badge.
    static func badge(_ state: String, _ label: String, _ tone: String) -> [String: Any] {
        ["state": state, "label": label, "tone": tone]
    }

    static func controlBadge(_ state: ControlState) -> [String: Any] {
        badge(state.rawValue, state.label, controlTone(state))
    }

    static func criterionBadge(_ state: CriterionState) -> [String: Any] {
        badge(state.rawValue, criterionLabel(state), criterionTone(state))
    }

    static func evidenceBadge(_ state: EvidenceState) -> [String: Any] {
        badge(state.rawValue, state.rawValue, evidenceTone(state))
    }

    static func percentText(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// Bar width as a number 0…100 with one decimal, for an SVG `width` attribute.
    static func barWidth(_ value: Double?) -> String {
        let tenths = Int(((value ?? 0) * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Bytes for people, in binary units with one decimal: `812 B`, `1.2 KiB`, `3.4 MiB`.
    static func size(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }

    /// `Ada Auditor <ada@example.com>` → `Ada Auditor`: pages name people, they do not publish addresses.
    static func authorName(_ author: String?) -> String? {
        guard let author, !author.isEmpty else { return nil }
        if let bracket = author.firstIndex(of: "<") {
            let name = author[..<bracket].trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? author : name
        }
        return author
    }

    /// `evidence/access/mfa.csv` → `evidence/`, `access/`, `mfa.csv`: templates put a `<wbr>` after each, so a
    /// long path wraps at its slashes on a phone rather than anywhere (or not at all).
    static func pathSegments(_ path: String) -> [[String: Any]] {
        var segments: [[String: Any]] = []
        if NarrativeLinker.splitsByBytes(path) {
            // The same pieces, cut on the bytes (see `splitsByBytes`).
            let utf8 = path.utf8
            var start = utf8.startIndex
            var index = start
            while index != utf8.endIndex {
                let next = utf8.index(after: index)
                if utf8[index] == UInt8(ascii: "/") {
                    segments.append(["segment": String(path[start..<next])])
                    start = next
                }
                index = next
            }
            if start != utf8.endIndex { segments.append(["segment": String(path[start...])]) }
            return segments
        }
        var current = ""
        for character in path {
            current.append(character)
            if character == "/" {
                segments.append(["segment": current])
                current = ""
            }
        }
        if !current.isEmpty { segments.append(["segment": current]) }
        return segments
    }

    /// Categories a control's criteria belong to, in catalog order.
    static func categories(of control: Control) -> [TrustCategory] {
        let set = Set(control.criteria.compactMap { SOC2Catalog.criterion($0)?.category })
        return TrustCategory.allCases.filter(set.contains)
    }

    // MARK: - Shared rows

    /// One evidence file as a row: path, link, size, digest, commit, author, date and problems.
    func fileRow(_ file: EvidenceFile, from page: String, requirement: RequirementResult? = nil) -> [String: Any] {
        let digest = digests[file.path]
        var row: [String: Any] = [
            "path": file.displayPath,
            "pathSegments": Self.pathSegments(file.displayPath),
            "href": evidenceLink(file.path, from: page),
            "anchor": paths.evidenceAnchors[file.path] ?? "",
            "size": Self.size(file.size),
            "bytes": String(file.size),
            "sha256": Self.null(digest),
            "shortSHA256": Self.null(digest.map { String($0.prefix(12)) }),
            "commit": Self.null(file.commit?.hash),
            "shortCommit": Self.null(file.commit.map { String($0.hash.prefix(12)) }),
            "author": Self.null(Self.authorName(file.commit?.author)),
            "date": Self.null(file.date?.description),
            "collected": file.collected != nil,
            "datedBy": Self.null(file.dateSource?.label),
            "collectedBy": Self.null(file.collectedBy),
            "backdated": CommitTrust.isBackdated(file, maxLagDays: readiness.controlMap.maxCollectionLagDays),
            "hasSignature": (file.commit?.signature.status ?? "N") != "N",
            "signatureLabel": file.commit?.signature.label ?? "",
            "signer": file.commit?.signature.signer ?? "",
            "keyFingerprint": file.commit?.signature.fingerprint ?? "",
            "problems": file.problems.map { ["problem": $0.rawValue, "explanation": $0.explanation] as [String: Any] },
            "hasProblems": !file.problems.isEmpty,
            "usable": file.isUsable,
            "copyHref": paths.evidenceCopies[file.path].map {
                SitePaths.root(of: page) + SitePaths.urlEncoded($0) as Any
            } ?? NSNull(),
        ]
        if let requirement {
            let standing = requirement.standing(
                of: file, asOf: readiness.asOf, graceDays: readiness.controlMap.graceDays)
            row["freshness"] = Self.badge(standing.rawValue, standing.rawValue, standing.tone)
        } else {
            row["freshness"] = NSNull()
        }
        return row
    }

    /// A link to a control with its title and state badge.
    func controlRef(_ id: String, from page: String) -> [String: Any] {
        guard let c = readiness.control(id) else {
            return [
                "id": id, "title": "", "href": SitePaths.root(of: page) + SitePaths.controlsIndex,
                "badge": Self.badge("unknown", "unknown", "muted"), "owner": "",
            ]
        }
        return [
            "id": id, "title": c.control.title, "href": controlLink(id, from: page),
            "badge": Self.controlBadge(c.state),
            "owner": c.control.owner,
        ]
    }

    // MARK: - Evidence copies

    /// Copies of usable, committed-and-unchanged evidence files, read without following links; the digest shown
    /// for a copied file is the digest of the bytes copied.
    mutating func copyEvidence() -> [SiteFile] {
        var files: [SiteFile] = []
        var digests = self.digests
        for file in readiness.inventory.files where file.isUsable {
            let uncommitted = file.problems.contains(.modified) || file.problems.contains(.staged)
            guard !uncommitted, let path = String(validating: file.path, as: UTF8.self),
                !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" })
            else {
                diagnostics.append(
                    Diagnostic(
                        .note, .siteEvidenceNotCopied,
                        "evidence file not copied into the site (uncommitted changes or an unusual name)",
                        file: file.displayPath))
                continue
            }
            do {
                let opened = try assessment.workspace.files.open(file.path)
                let bytes = try opened.prefix(Int(opened.size))
                let sitePath = SitePaths.filesFolder + "/" + path
                files.append(SiteFile(path: sitePath, bytes: bytes))
                digests[file.path] = EvidenceDigest.sha256(bytes)
                paths.evidenceCopies[file.path] = sitePath
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .warning, .siteEvidenceNotCopied, "evidence file not copied into the site: it \(error)",
                        file: file.displayPath))
            }
        }
        self.digests = digests
        return files
    }
}
