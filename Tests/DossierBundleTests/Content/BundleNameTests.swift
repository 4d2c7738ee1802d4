import Testing

@testable import DossierBundle

@Suite struct BundleNameTests {
    @Test func slugIsLowercaseASCIIWithSingleHyphens() {
        #expect(BundleName.slug("Acme Cloud, Inc.") == "acme-cloud-inc")
        #expect(BundleName.slug("Société Générale") == "societe-generale")
        #expect(BundleName.slug("  --Ünïcode__ 2026 --") == "unicode-2026")
        #expect(BundleName.slug("東京") == "organization")
        #expect(BundleName.slug("") == "organization")
    }

    @Test func timestampsAreUTCWithoutTheCLibrary() {
        #expect(BundleName.compactTimestamp(0) == "19700101T000000Z")
        #expect(BundleName.compactTimestamp(1_774_958_400) == "20260331T120000Z")
        #expect(BundleName.isoTimestamp(1_774_958_399 + 86_400) == "2026-04-01T11:59:59Z")
        #expect(
            BundleName(organization: "Acme", time: 1_774_958_400).fileName(.tarGzip)
                == "acme-soc2-20260331T120000Z.tar.gz")
    }
}
