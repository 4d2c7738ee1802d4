import Foundation

extension TreeDigest {
    /// Adds what makes git answer differently about the same commits: its executable, the environment it reads
    /// (`GIT_*`, `HOME`, `XDG_CONFIG_HOME`), its configuration files, and the grafts, shallow list, packed refs
    /// and replace refs that change what history `git log` walks without moving HEAD. False when the replace
    /// refs cannot be described (more than `limit` of them).
    public mutating func addGitSetup(gitDirectory: String, commonDirectory common: String) -> Bool {
        addEntry("git", absolute: Git.executablePath ?? "-", isProgram: true)
        let environment = ProcessInfo.processInfo.environment
        for key in environment.keys.sorted() where key.hasPrefix("GIT_") || ["HOME", "XDG_CONFIG_HOME"].contains(key) {
            add("env." + key, environment[key]!)
        }
        let home = environment["HOME"] ?? "-"
        let xdg = environment["XDG_CONFIG_HOME"] ?? home + "/.config"
        for path in ["/etc/gitconfig", home + "/.gitconfig", xdg + "/git/config", xdg + "/git/attributes"] {
            addEntry(path, absolute: path, followingLinks: true)
        }
        addEntry("gitdir/config.worktree", absolute: gitDirectory + "/config.worktree")
        for name in ["config", "config.worktree", "info/grafts", "info/attributes", "shallow", "packed-refs"] {
            addEntry("common/" + name, absolute: common + "/" + name)
        }
        return addTree(root: common, relative: "refs/replace")
    }
}
