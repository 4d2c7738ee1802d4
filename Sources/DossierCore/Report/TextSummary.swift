/// The human report of `dossier check`: the summary, the to-do list grouped by what to do, then diagnostics.
public struct TextSummary: Sendable {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    public func render(_ assessment: Assessment) -> String {
        let r = assessment.readiness
        let map = assessment.controlMap
        var out = ""
        var title = [map.organization, map.system].filter { !$0.isEmpty }.joined(separator: " — ")
        if title.isEmpty { title = "Workspace" }
        out += bold(title) + "\n"
        var basis = "readiness as of \(r.asOf)"
        if let period = map.period {
            basis += ", Type II period \(period.start) to \(period.end)"
        } else {
            basis += " (Type I)"
        }
        if let head = r.inventory.git.head { basis += ", commit \(head.prefix(12))" }
        out += basis + "\n\n"

        out +=
            bold("Readiness") + "  " + percent(r.percent)
            + "  (\(r.covered) of \(r.applicable) applicable criteria covered)\n"
        let width = TrustCategory.allCases.map(\.title.count).max()!
        for category in r.categories {
            let name = category.category.title.padding(width)
            if !category.inScope {
                out += "  \(name)  " + dim("out of scope") + "\n"
            } else {
                out +=
                    "  \(name)  \(percent(category.percent).leftPadding(6))  \(category.covered)/\(category.applicable)\n"
            }
        }
        let counts = ControlState.allCases.compactMap { state -> String? in
            let n = r.controls.filter { $0.state == state }.count
            return n == 0 ? nil : paint("\(n) \(state.label)", state)
        }
        out += "\n" + bold("Controls") + "  " + (counts.isEmpty ? "none" : counts.joined(separator: " · ")) + "\n"
        let registers = assessment.registers.summaryLines
        if !registers.isEmpty {
            out += "\n" + bold("Registers") + "\n"
            let nameWidth = registers.map(\.name.count).max()!
            for line in registers { out += "  \(line.name.padding(nameWidth))  \(line.text)\n" }
        }

        var todo = ToDoList(r)
        todo.sections += assessment.registers.toDoSections
        if !todo.isEmpty {
            out += "\n" + bold("To do") + "\n"
            for section in todo.sections where !section.items.isEmpty {
                out += "  " + bold(section.title) + " (\(section.items.count))\n"
                for item in section.items { out += "    " + item + "\n" }
            }
        } else {
            out +=
                "\nNothing to do: every applicable criterion is covered by a ready control"
                + (registers.isEmpty ? ".\n" : " and the registers are up to date.\n")
        }
        if let requests = assessment.requests { out += RequestSummary(colour: colour).render(requests) }
        let shown = assessment.diagnostics.shown
        if !shown.isEmpty {
            let errors = shown.filter { $0.severity == .error }.count
            out +=
                "\n" + bold("Diagnostics")
                + " (\(errors) error\(errors == 1 ? "" : "s"), \(shown.count - errors) warning\(shown.count - errors == 1 ? "" : "s"))\n"
            let printer = DiagnosticPrinter(
                colour: colour, source: { [workspace = assessment.workspace] in workspace.text($0) })
            out += printer.render(shown)
        }
        return out
    }

    // MARK: - Formatting

    private func percent(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        return String(format: value) + "%"
    }

    private func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    private func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }

    private func paint(_ text: String, _ state: ControlState) -> String {
        guard colour else { return text }
        let code =
            switch state {
            case .ready: "32"
            case .stale, .undated: "33"
            case .missingEvidence, .failingEvidence: "31"
            case .planned: "36"
            case .notApplicable: "2"
            }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

/// What stands between the workspace and the audit, grouped by what to do.
public struct ToDoList: Sendable {
    public struct Section: Sendable {
        public var title: String
        public var items: [String]
    }

    public var sections: [Section]
    public var isEmpty: Bool { sections.allSatisfy(\.items.isEmpty) }

    public init(_ r: Readiness) {
        var missing: [String] = []
        var stale: [String] = []
        var undated: [String] = []
        var windows: [String] = []
        var failing: [String] = []
        for c in r.controls where c.control.status == .implemented {
            let who = "\(c.control.id) (\(c.control.owner))"
            for q in c.requirements {
                switch q.state {
                case .missing:
                    let extra =
                        q.unusable.isEmpty ? "nothing matches" : "\(q.unusable.count) matching file(s) cannot count"
                    missing.append("\(who): \(q.requirement.path) — \(extra)")
                case .stale:
                    stale.append(
                        "\(who): \(q.requirement.path) — newest \(q.newest.map(\.description) ?? "?"), fresh until \(q.freshUntil.map(\.description) ?? "?") (\(q.frequency.rawValue))"
                    )
                case .undated:
                    undated.append(
                        "\(who): \(q.requirement.path) — no commit date; commit it or declare a collection date")
                case .fresh, .failing:
                    break
                }
                failing += Self.failingItems(q, who: who)
                if !q.missingWindows.isEmpty && q.state != .missing {
                    windows.append(
                        "\(who): \(q.requirement.path) — no evidence in \(Self.ranges(q.missingWindows, of: q.windows.map(\.window)))"
                    )
                }
            }
        }
        let uncovered = r.criteria.filter { $0.state == .uncovered }.map { "\($0.criterion.id) \($0.criterion.title)" }
        let partial = r.criteria.filter { $0.state == .partial }.map {
            "\($0.criterion.id) \($0.criterion.title) — mapped by \($0.controls.joined(separator: ", ")), none ready"
        }
        let planned = r.controls.filter { $0.state == .planned }.map {
            "\($0.control.id) \($0.control.title) (\($0.control.owner))"
        }
        sections = [
            Section(title: "Collect missing evidence", items: missing),
            Section(title: "Fix failing evidence", items: failing),
            Section(title: "Fill Type II gaps", items: windows),
            Section(title: "Refresh stale evidence", items: stale),
            Section(title: "Date undated evidence", items: undated),
            Section(title: "Map uncovered criteria", items: uncovered),
            Section(title: "Make mapped controls ready", items: partial),
            Section(title: "Implement planned controls", items: planned),
        ]
    }
}

extension ToDoList {
    /// Missing windows as runs: `2026-03`, `2026-05–2026-07`; long lists end with how many more runs there are.
    static func ranges(_ missing: [PeriodWindow], of all: [PeriodWindow]) -> String {
        let position = Dictionary(
            all.enumerated().map { ($0.element.label, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var runs: [(PeriodWindow, PeriodWindow)] = []
        for window in missing {
            if let last = runs.last, let a = position[last.1.label], let b = position[window.label], b == a + 1 {
                runs[runs.count - 1].1 = window
            } else {
                runs.append((window, window))
            }
        }
        let shown = runs.prefix(5).map { $0.0 == $0.1 ? $0.0.label : "\($0.0.label)–\($0.1.label)" }
        let more = runs.count > 5 ? " and \(runs.count - 5) more gaps" : ""
        return shown.joined(separator: ", ") + more + (missing.count > 1 ? " (\(missing.count) windows)" : "")
    }
}

extension String {
    init(format value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(tenths % 10)"
    }

    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadding(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
