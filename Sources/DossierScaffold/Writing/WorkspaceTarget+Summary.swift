import DossierCore

extension WorkspaceTarget.Outcome {
    /// The lines `init` and `import` both print after writing: files left alone, then what happened with git.
    func skippedAndGitLines(_ git: GitSetup.Outcome) -> String {
        var out = ""
        if !skipped.isEmpty {
            let files = "file\(skipped.count == 1 ? "" : "s")"
            out += "Skipped \(skipped.count) \(files) (existing files are never overwritten):\n"
            for skip in skipped { out += "  \(skip.path): \(skip.reason)\n" }
        }
        switch git {
        case .initialised: out += "Initialised a git repository.\n"
        case .insideWorkTree(let top): out += "Already inside the git work tree at \(top); no new repository.\n"
        case .gitMissing:
            out += "git was not found: install it and run `git init`; Dossier dates evidence by its commits.\n"
        case .failed(let message): out += "Did not set up git: \(message)\n"
        }
        return out
    }
}
