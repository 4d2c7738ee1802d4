/// The "Requests" section of `dossier check`: the auditor's request list by assignee, each request with its
/// state, what is missing for an open one and the due date of one not answered.
public struct RequestSummary: Sendable {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    public func render(_ book: RequestBook) -> String {
        let counts = RequestState.allCases.compactMap { state -> String? in
            let n = book.count(state)
            return n == 0 ? nil : paint("\(n) \(state.rawValue)", state)
        }
        var out = "\n" + bold("Requests") + "  " + (counts.isEmpty ? "none" : counts.joined(separator: " · ")) + "\n"
        for group in RequestStatuses.byAssignee(book.statuses) {
            out += "  " + bold(group.assignee ?? "unassigned") + "\n"
            for status in group.requests {
                out += "    " + status.request.id + "  " + paint(status.state.rawValue, status.state)
                if status.state != .answered {
                    if let due = status.request.due { out += ", due \(due)" }
                    if !status.unanswered.isEmpty {
                        out += "; no usable evidence for " + status.unanswered.joined(separator: ", ")
                    } else if !status.request.hasLinks {
                        out += "; link controls, evidence or a note in requests.yaml"
                    }
                } else if !status.files.isEmpty {
                    out += " (\(status.files.count) file\(status.files.count == 1 ? "" : "s"))"
                }
                if !status.request.description.isEmpty { out += "  " + status.request.description }
                out += "\n"
            }
        }
        return out
    }

    private func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    private func paint(_ text: String, _ state: RequestState) -> String {
        guard colour else { return text }
        let code =
            switch state {
            case .answered: "32"
            case .open: "33"
            case .overdue: "31"
            }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
