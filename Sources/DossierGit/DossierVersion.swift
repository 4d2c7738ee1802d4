/// The version of Dossier: printed by `--version`, written into reports, and part of every cache key under
/// `.git/dossier`, so a new release never trusts a file an older one wrote.
public enum DossierVersion {
    public static let current = "0.1.0"
}
