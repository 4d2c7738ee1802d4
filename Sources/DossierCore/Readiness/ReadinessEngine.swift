/// Judges readiness: requirement freshness, Type II windows, control states, criterion coverage, percentages.
///
/// A pure function of the control map, the inventory and the as-of date, shared by every command.
public struct ReadinessEngine: Sendable {
    public var asOf: CalendarDay

    public init(asOf: CalendarDay) { self.asOf = asOf }

    public func evaluate(
        _ map: ControlMap, _ inventory: EvidenceInventory, tests: EvidenceTestResults = EvidenceTestResults()
    ) -> Readiness {
        var used = [Bool](repeating: false, count: inventory.files.count)
        let controls = map.controls.map { control in
            let requirements = control.evidence.map { requirement in
                var (result, matched) = evaluate(requirement, of: control, in: map, inventory)
                if !requirement.tests.isEmpty { judgeTests(&result, map, tests) }
                for index in matched where inventory.files[index].isUsable { used[index] = true }
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
        let unused = inventory.files.indices.filter { inventory.files[$0].isUsable && !used[$0] }.map {
            inventory.files[$0]
        }
        return Readiness(
            asOf: asOf, controlMap: map, inventory: inventory, controls: controls, criteria: criteria,
            categories: categories, unusedFiles: unused)
    }

    // MARK: - Requirements

    /// The judgement of one requirement, and the inventory indices of every file its glob matched.
    func evaluate(
        _ requirement: EvidenceRequirement, of control: Control, in map: ControlMap, _ inventory: EvidenceInventory
    ) -> (RequirementResult, [Int]) {
        let frequency = requirement.frequency ?? control.frequency
        let matched = inventory.indices(matching: Glob(requirement.path))
        var usable: [(date: CalendarDay?, index: Int)] = []
        var unusable: [EvidenceFile] = []
        for index in matched {
            let file = inventory.files[index]
            if file.isUsable { usable.append((file.date, index)) } else { unusable.append(file) }
        }
        // Evidence dated after the as-of day did not exist yet on that day.
        let later = usable.filter { ($0.date ?? asOf) > asOf }.map { inventory.files[$0.index] }
        let currentDated = usable.filter { ($0.date ?? asOf) <= asOf }
            .sorted { ($0.date?.daysSinceEpoch ?? .min, $1.index) > ($1.date?.daysSinceEpoch ?? .min, $0.index) }
        let current = currentDated.map { inventory.files[$0.index] }
        let newest = currentDated.first?.date

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
            let dates = currentDated.compactMap(\.date)
            for window in PeriodWindow.windows(of: frequency, from: period.start, to: period.end)
            where window.first <= asOf {
                let count = dates.filter(window.contains).count
                windows.append((window, count))
                if count == 0 && window.last < asOf { missingWindows.append(window) }
            }
        }
        let result = RequirementResult(
            requirement: requirement, frequency: frequency, state: state, files: current, unusable: unusable,
            later: later,
            newest: newest, freshUntil: freshUntil, missingWindows: missingWindows, windows: windows)
        return (result, matched)
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
        if requirements.contains(where: { $0.state == .failing || !$0.failingWindows.isEmpty }) {
            return .failingEvidence
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
