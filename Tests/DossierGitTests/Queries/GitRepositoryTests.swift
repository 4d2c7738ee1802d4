import DossierTestSupport
import Foundation
import Testing

@testable import DossierGit

/// `GitRepository.open` asks one git process in the usual case and falls back to one question at a time; both
/// must give the same answers.
@Suite("git repository")
struct GitRepositoryTests {
    func open(_ path: String) throws -> GitRepository {
        try GitRepository.open(try #require(Git(directory: path)))
    }

    @Test("a branch with commits: top level, prefix, HEAD, branch and git folder from a subfolder")
    func branch() throws {
        let repo = GitFixture()
        repo.write("work/controls.yaml", "dossier: 1\n")
        let head = repo.commit(date: "2026-01-10")
        repo.git("checkout", "-q", "-b", "feature/x")
        let r = try open(repo.path + "/work")
        let top = URL(fileURLWithPath: repo.path).resolvingSymlinksInPath().path
        #expect(r.topLevel == top && r.prefix == "work/" && !r.isShallow)
        #expect(r.head == head && r.branch == "feature/x")
        #expect(r.gitDirectory == top + "/.git")
    }

    @Test("a detached HEAD has no branch")
    func detached() throws {
        let repo = GitFixture()
        repo.write("a", "1")
        let head = repo.commit(date: "2026-01-10")
        repo.git("checkout", "-q", "--detach")
        let r = try open(repo.path)
        #expect(r.head == head && r.branch == nil)
    }

    @Test("a repository without commits (the one-process question fails) still names its branch")
    func unborn() throws {
        let repo = GitFixture()
        let r = try open(repo.path)
        #expect(r.head == nil && r.branch == "main" && r.gitDirectory != nil)
    }

    @Test("a file named HEAD in the workspace does not confuse HEAD the commit")
    func fileNamedHEAD() throws {
        let repo = GitFixture()
        repo.write("HEAD", "not a ref")
        let head = repo.commit(date: "2026-01-10")
        let r = try open(repo.path)
        #expect(r.head == head && r.branch == "main")
    }
}
