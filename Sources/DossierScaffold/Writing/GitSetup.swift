import DossierCore
import DossierGit

/// Makes a new workspace a git work tree: Dossier dates evidence by its commits.
public enum GitSetup {
    public enum Outcome: Sendable, Equatable {
        /// `git init` ran in the folder.
        case initialised
        /// The folder is already inside the work tree with this top level; nothing was done.
        case insideWorkTree(String)
        case gitMissing
        /// git refused (for example a repository above the folder owned by another user); nothing was done.
        case failed(String)
    }

    /// Runs `git init` in `directory` unless `git rev-parse --is-inside-work-tree` says it already is in one.
    /// git runs with Dossier's safety options (no fsmonitor, no hooks, no pager).
    public static func ensureWorkTree(at directory: String) -> Outcome {
        guard let git = Git(directory: directory) else { return .gitMissing }
        do {
            let inside = try git.text(["rev-parse", "--is-inside-work-tree"])
            if inside == "true" {
                return .insideWorkTree((try? git.text(["rev-parse", "--show-toplevel"])) ?? directory)
            }
            return .failed("the folder is inside a repository's git directory")
        } catch let failure as GitError where failure.isNotARepository {
            // Not in a work tree: make one below.
        } catch {
            return .failed(message(error))
        }
        do {
            _ = try git.run(["init", "-q"])
            return .initialised
        } catch {
            return .failed(message(error))
        }
    }

    private static func message(_ error: any Error) -> String {
        (error as? GitError)?.message ?? "\(error)"
    }
}
