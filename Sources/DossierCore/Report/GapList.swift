/// Everything to do before the audit, as structured items with an owner, for pages that group by owner.
///
/// Built from ``Readiness`` alone (no judgement of its own): the same facts as ``ToDoList``, kept as values
/// so that a page can link each item to its control, criterion or requirement.
public struct GapList: Sendable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case uncoveredCriterion = "uncovered-criterion"
        case missingEvidence = "missing-evidence"
        case failingEvidence = "failing-evidence"
        case missingWindow = "missing-window"
        case staleEvidence = "stale-evidence"
        case unusableEvidence = "unusable-evidence"
        case undatedEvidence = "undated-evidence"
        case partialCriterion = "partial-criterion"
        case plannedControl = "planned-control"
        case reviewRiskRegister = "review-risk-register"
        case treatRisks = "treat-risks"
        case renewAcceptances = "renew-acceptances"
        case collectVendorReports = "collect-vendor-reports"
        case reviewVendors = "review-vendors"
        case reapprovePolicies = "reapprove-policies"
        case collectAcknowledgements = "collect-acknowledgements"
        case expiringEvidence = "expiring-evidence"

        /// Heading for a group of items of this kind.
        public var title: String {
            switch self {
            case .uncoveredCriterion: "Map uncovered criteria"
            case .missingEvidence: "Collect missing evidence"
            case .failingEvidence: "Fix failing evidence"
            case .missingWindow: "Fill Type II gaps"
            case .staleEvidence: "Refresh stale evidence"
            case .unusableEvidence: "Fix evidence files that cannot count"
            case .undatedEvidence: "Date undated evidence"
            case .partialCriterion: "Make a mapped control ready"
            case .plannedControl: "Implement planned controls"
            case .expiringEvidence: "Renew evidence that expires soon"
            case .reviewRiskRegister, .treatRisks, .renewAcceptances, .collectVendorReports, .reviewVendors,
                .reapprovePolicies, .collectAcknowledgements:
                RegisterGap.Kind(rawValue: rawValue)!.title
            }
        }

        /// Whether the item is among the most urgent (shown on the dashboard).
        public var isUrgent: Bool {
            switch self {
            case .uncoveredCriterion, .missingEvidence, .failingEvidence, .missingWindow, .staleEvidence: true
            default: false
            }
        }
    }

    public struct Gap: Sendable {
        public var kind: Kind
        /// nil for items nobody owns yet (an uncovered criterion).
        public var owner: String?
        public var controlID: String?
        public var criterionID: String?
        /// The requirement's path or glob as written in `controls.yaml`.
        public var requirement: String?
        /// One line saying what is wrong, without the control or criterion id.
        public var detail: String
        /// For expiring evidence: the last fresh day.
        public var due: CalendarDay?
        /// For a register gap: the risk, vendor, policy or register it is about, and its title.
        public var register: RegisterGap.Subject? = nil
        public var registerTitle: String? = nil
    }

    /// Days after the as-of date within which fresh evidence counts as expiring soon.
    public static let expiryHorizon = 30

    /// In order of urgency: kinds in declaration order, then control-map order.
    public var gaps: [Gap]

    /// `registers`: their gaps join the list, each under its owner.
    public init(
        _ r: Readiness, registers: RegisterResults = RegisterResults(), expiryHorizon: Int = GapList.expiryHorizon
    ) {
        var found: [Gap] = []
        for c in r.controls {
            let control = c.control
            if c.state == .planned {
                found.append(
                    Gap(
                        kind: .plannedControl, owner: control.owner, controlID: control.id,
                        detail: "planned: \(control.title)"))
                continue
            }
            guard control.status == .implemented else { continue }
            for q in c.requirements {
                let path = q.requirement.path
                func add(_ kind: Kind, _ detail: String, due: CalendarDay? = nil) {
                    found.append(
                        Gap(
                            kind: kind, owner: control.owner, controlID: control.id, requirement: path, detail: detail,
                            due: due))
                }
                switch q.state {
                case .missing:
                    add(
                        .missingEvidence,
                        q.unusable.isEmpty ? "nothing matches" : "\(q.unusable.count) matching file(s) cannot count")
                case .stale:
                    add(
                        .staleEvidence,
                        "newest \(q.newest.map(\.description) ?? "?"), fresh until \(q.freshUntil.map(\.description) ?? "?") (\(q.frequency.rawValue))"
                    )
                case .undated:
                    add(.undatedEvidence, "no commit date; commit it or declare a collection date")
                case .failing:
                    break
                case .fresh:
                    if let until = q.freshUntil, until >= r.asOf, until.days(since: r.asOf) <= expiryHorizon {
                        add(
                            .expiringEvidence,
                            "fresh until \(until) (\(until.days(since: r.asOf)) days after \(r.asOf))", due: until)
                    }
                }
                for item in ToDoList.failingDetails(q) { add(.failingEvidence, item) }
                // Missing evidence leaves every window empty: one gap, not a second one among Type II gaps
                // (the text report counts it once too).
                if !q.missingWindows.isEmpty && q.state != .missing {
                    add(
                        .missingWindow,
                        "no evidence in " + ToDoList.ranges(q.missingWindows, of: q.windows.map(\.window)))
                }
                if !q.unusable.isEmpty {
                    add(
                        .unusableEvidence,
                        q.unusable.map { "\($0.displayPath) (\($0.problems.map(\.rawValue).joined(separator: ", ")))" }
                            .joined(separator: "; "))
                }
            }
        }
        for criterion in r.criteria {
            let id = criterion.criterion.id
            switch criterion.state {
            case .uncovered:
                found.append(
                    Gap(
                        kind: .uncoveredCriterion, criterionID: id,
                        detail: "no control maps to it"))
            case .partial:
                var owners: [String] = []
                for controlID in criterion.controls {
                    guard let owner = r.control(controlID)?.control.owner, !owners.contains(owner) else { continue }
                    owners.append(owner)
                }
                for owner in owners {
                    found.append(
                        Gap(
                            kind: .partialCriterion, owner: owner, criterionID: id,
                            detail: "mapped by \(criterion.controls.joined(separator: ", ")), none ready"))
                }
            default:
                break
            }
        }
        for gap in registers.gaps {
            found.append(
                Gap(
                    kind: Kind(rawValue: gap.kind.rawValue)!, owner: gap.owner, detail: gap.detail,
                    register: gap.subject, registerTitle: gap.title))
        }
        let rank = Dictionary(uniqueKeysWithValues: Kind.allCases.enumerated().map { ($1, $0) })
        gaps = found.enumerated().sorted { a, b in
            let (x, y) = (rank[a.element.kind]!, rank[b.element.kind]!)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    /// Gaps grouped by owner: owners sorted by name (case-insensitively, then bytewise), items nobody owns last.
    public var byOwner: [(owner: String?, gaps: [Gap])] {
        var groups: [String: [Gap]] = [:]
        var unowned: [Gap] = []
        for gap in gaps {
            if let owner = gap.owner { groups[owner, default: []].append(gap) } else { unowned.append(gap) }
        }
        var result: [(owner: String?, gaps: [Gap])] = groups.keys.sorted { a, b in
            let (x, y) = (a.lowercased(), b.lowercased())
            return x != y ? x < y : Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
        }.map { ($0, groups[$0]!) }
        if !unowned.isEmpty { result.append((nil, unowned)) }
        return result
    }

    /// The items the dashboard shows first: uncovered criteria, missing, Type II gaps, stale.
    public var urgent: [Gap] { gaps.filter(\.kind.isUrgent) }
}
