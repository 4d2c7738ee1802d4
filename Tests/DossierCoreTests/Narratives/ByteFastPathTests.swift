import DossierGit
import Testing

@testable import DossierCore

/// The byte-level fast paths of narrative checking give what the character-level code gave, including where
/// a combining mark joins an ASCII mark into a larger character, and lines end in CR LF.
@Suite struct ByteFastPathTests {
    /// `firstTODO` on characters throughout (as it was written before the byte walk, with lines ending at LF,
    /// CR LF or CR as a reader sees them).
    static func referenceTODO(_ body: String) -> (line: Int, column: Int, count: Int)? {
        var first: (line: Int, column: Int)?
        var count = 0
        var fence: Substring?
        let lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (index, text) in lines.enumerated() {
            let stripped = text.drop { $0 == " " }
            if text.count - stripped.count <= 3, let marker = ["```", "~~~"].first(where: { stripped.hasPrefix($0) }) {
                if fence == nil {
                    fence = Substring(marker)
                } else if fence == Substring(marker) {
                    fence = nil
                }
                continue
            }
            guard fence == nil, let column = NarrativePlaceholders.todoColumn(in: text) else { continue }
            count += 1
            if first == nil { first = (index + 1, column) }
        }
        return first.map { ($0.line, $0.column, count) }
    }

    @Test func todoLinesAndColumnsAreTheCharacterWalks() {
        let bodies = [
            "# Title\n\nTODO(owner): write this\n", "a\r\nTODO\r\nb TODO\n", "```\nTODO\n```\nTODO here\n",
            "```\u{301}\nTODO\n", "  ~~~\nTODO\n  ~~~\n    ```\nTODO\n", "é TODO\nüTODO\nTODOS\nMASTODON\n",
            "ｔ TODO\u{301}\n👍🏽 TODO x\n", "\n\n\nTODO", "", "TODO", "x\u{301}\nTODO",
            "````\nTODO\n```\nTODO\n````\nTODO\n", "\r\n\r\n TODO", "\u{FEFF}TODO\n", "a\rb\r\n\r...TODO\n",
        ]
        for body in bodies {
            let fast = NarrativePlaceholders.firstTODO(in: body)
            let reference = Self.referenceTODO(body)
            #expect(fast?.line == reference?.line, "\(body.debugDescription)")
            #expect(fast?.column == reference?.column, "\(body.debugDescription)")
            #expect(fast?.count == reference?.count, "\(body.debugDescription)")
        }
    }

    /// Found by the `narrative` fuzz target: CR LF did not end a line, so in a CR LF file every `TODO` was
    /// reported on the first line.
    @Test func aTODOInACRLFFileIsOnItsOwnLine() throws {
        let found = try #require(NarrativePlaceholders.firstTODO(in: "# Title\r\n\r\nTODO: write this\r\n"))
        #expect(found.line == 3)
        #expect(found.column == 1)
        #expect(NarrativePlaceholders.firstTODO(in: "a\rTODO")?.line == 2)
    }

    @Test func pathsSplitOnBytesOnlyWhereCharactersWould() {
        #expect(NarrativeLinker.splitsByBytes("narratives/access/a.md"))
        #expect(NarrativeLinker.splitsByBytes("narratives/continuity/ログ 0034.md"))
        #expect(NarrativeLinker.splitsByBytes("../evidence/Übersicht/x.csv#Prüfung"))
        #expect(!NarrativeLinker.splitsByBytes("a/\u{301}b"))
        #expect(!NarrativeLinker.splitsByBytes("a#\u{301}b"))
        #expect(!NarrativeLinker.splitsByBytes("x.\u{20E3}"))
        // The character walk and the byte walk resolve alike on both sides of the check.
        let cases: [(String, String, String?)] = [
            ("../evidence/a b.csv", "narratives/x/n.md", "narratives/evidence/a b.csv"),
            ("../../evidence/ü/./x.csv", "narratives/ログ/n.md", "evidence/ü/x.csv"),
            ("/evidence//y", "narratives/n.md", "evidence/y"),
            ("../../..", "narratives/n.md", nil),
            ("..", "narratives/n.md", ""),
            // A combining mark joins the first slash to `a`: the character walk sees one part there.
            ("a/\u{301}/../b", "narratives/n.md", "narratives/b"),
        ]
        for (link, narrative, expected) in cases {
            #expect(NarrativeLinker.resolve(link, from: narrative) == expected, "\(link)")
        }
    }

    @Test func globSearchPrefixesFindEveryMatch() {
        let paths = [
            "evidence/a/ACC-1 export-1.csv", "evidence/a/ACC-1 export-2.png", "evidence/a/ACC-10 export-1.csv",
            "evidence/a/ACC-2 x.csv", "evidence/a/b/ACC-1 export-3.csv", "evidence/a", "evidence/ä/ÜX-1.csv",
            "evidence/ä/ÜX-2.csv", "evidence/ä/U\u{308}X-3.csv", "evidencex/a/ACC-1 export-1.csv", "other/ACC-1.csv",
        ].map { Array($0.utf8) }
        let inventory = EvidenceInventory(
            files: paths.map { EvidenceFile(path: $0) }, git: GitContext(isWorkTree: false))
        let globs = [
            "evidence/a/ACC-1 export-*.csv", "evidence/a/ACC-1*", "evidence/a/*", "evidence/**", "evidence/a/**/ACC-1*",
            "evidence/ä/ÜX-*.csv", "evidence/ä/?X-*.csv", "**/ACC-1*.csv", "evidence/a", "evidence/[ae]/ACC-1*",
            "evidence/a/ACC-\\1*",
        ].map(Glob.init)
        for glob in globs {
            let brute = inventory.files.indices.filter { glob.matches(inventory.files[$0].path) }
            #expect(inventory.indices(matching: glob) == brute, "\(glob.pattern)")
        }
    }
}
