/// Rules for paths written in the control map: relative to the workspace and unable to leave it.
public enum WorkspacePath {
    /// What is wrong with `path` (to finish the sentence "path `x` …"), or nil when it is acceptable.
    public static func problem(with path: String) -> String? {
        if path.isEmpty { return "is empty" }
        if path.hasPrefix("/") { return "is absolute" }
        if path.contains("\\") && !path.contains("\\*") && !path.contains("\\?") && !path.contains("\\[") {
            return "contains a backslash; use `/` between folders"
        }
        if path.utf8.contains(0) { return "contains a NUL byte" }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains("..") { return "leaves the workspace with `..`" }
        if segments.dropLast().contains("") { return "has an empty folder name (`//`)" }
        if segments.contains(".") { return "contains a `.` segment" }
        return nil
    }
}
