/// Judges readiness: requirement freshness, Type II windows, control states, criterion coverage, percentages.
///
/// A pure function of the control map, the inventory and the as-of date, shared by every command.
public struct ReadinessEngine: Sendable {
    public var asOf: CalendarDay

    public init(asOf: CalendarDay) { self.asOf = asOf }

    public func evaluate(_ map: ControlMap, _ inventory: EvidenceInventory) -> Readiness {
        var used = Set<[UInt8]>()
        let controls = map.controls.map { control in
            let requirements = control.evidence.map { requirement in
                let result = evaluate(requirement, of: control, in: map, inventory)
                for file in result.files + result.later { used.insert(file.path) }
                return result
            }
            return ControlResult(control: control, state: state(of: control, requirements), requirements: requirements)
        }
        let criteria = SOC2Catalog.criteria.map { criterion(for: $0, map, controls) }
        let categories = TrustCategory.allCases.map { category in
            let members = criteria.filter { $0.criterion.category == category }
            return CategoryResult(
                category: category, inScope: map.scope.contains(category),
                covered: members.filter { $0.state == .covered }.count,
                applicable: members.filter { $0.state != .excluded && $0.state != .outOfScope }.count)
        }
        let unused = inventory.files.filter { $0.isUsable && !used.contains($0.path) }
        return Readiness(
            asOf: asOf, controlMap: map, inventory: inventory, controls: controls, criteria: criteria,
            categories: categories, unusedFiles: unused)
    }

    // MARK: - Requirements

    func evaluate(
        _ requirement: EvidenceRequirement, of control: Control, in map: ControlMap, _ inventory: EvidenceInventory
    ) -> RequirementResult {
        let frequency = requirement.frequency ?? control.frequency
        let matched = inventory.files(matching: Glob(requirement.path))
        let usable = matched.filter(\.isUsable)
        let unusable = matched.filter { !$0.isUsable }
        // Evidence dated after the as-of day did not exist yet on that day.
        let later = usable.filter { ($0.date ?? asOf) > asOf }
        let current = usable.filter { ($0.date ?? asOf) <= asOf }
            .sorted { ($0.date ?? .init(daysSinceEpoch: .min)) > ($1.date ?? .init(daysSinceEpoch: .min)) }
        let newest = current.compactMap(\.date).max()

        var state: EvidenceState
        var freshUntil: CalendarDay?
        if current.isEmpty {
            state = .missing
        } else if let newest {
            if let window = frequency.freshnessWindow {
                freshUntil = newest.adding(days: window + map.graceDays)
                state = asOf.days(since: newest) <= window + map.graceDays ? .fresh : .stale
            } else {
                state = .fresh
            }
        } else {
            state = .undated
        }

        var windows: [(PeriodWindow, Int)] = []
        var missingWindows: [PeriodWindow] = []
        if let period = map.period {
            let dates = current.compactMap(\.date)
            for window in PeriodWindow.windows(of: frequency, from: period.start, to: period.end)
            where window.first <= asOf {
                let count = dates.filter(window.contains).count
                windows.append((window, count))
                if count == 0 && window.last < asOf { missingWindows.append(window) }
            }
        }
        return RequirementResult(
            requirement: requirement, frequency: frequency, state: state, files: current, unusable: unusable,
            later: later,
            newest: newest, freshUntil: freshUntil, missingWindows: missingWindows, windows: windows)
    }

    // MARK: - Controls and criteria

    func state(of control: Control, _ requirements: [RequirementResult]) -> ControlState {
        switch control.status {
        case .planned: return .planned
        case .notApplicable: return .notApplicable
        case .implemented: break
        }
        if requirements.contains(where: { $0.state == .missing || !$0.missingWindows.isEmpty }) {
            return .missingEvidence
        }
        if requirements.contains(where: { $0.state == .stale }) { return .stale }
        if requirements.contains(where: { $0.state == .undated }) { return .undated }
        return .ready
    }

    func criterion(for criterion: Criterion, _ map: ControlMap, _ controls: [ControlResult]) -> CriterionResult {
        let mapping = controls.filter { $0.control.criteria.contains(criterion.id) }
        let ids = mapping.map(\.control.id)
        if !map.scope.contains(criterion.category) {
            return CriterionResult(criterion: criterion, state: .outOfScope, controls: ids)
        }
        if let exclusion = map.exclusion(for: criterion.id) {
            return CriterionResult(
                criterion: criterion, state: .excluded, controls: ids, exclusionReason: exclusion.reason)
        }
        let state: CriterionState =
            mapping.contains(where: \.isReady) ? .covered : mapping.isEmpty ? .uncovered : .partial
        return CriterionResult(criterion: criterion, state: state, controls: ids)
    }
}
