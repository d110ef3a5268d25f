/// The exit codes every command documents, in one place: a scheduler reads them to decide whether to publish the site.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Every document fetched and read; the site is written.
    case done = 0
    /// Some documents failed, or an archived copy could not be read back; the site is written and says which.
    case someFailed = 1
    /// Bad input or usage; nothing is written.
    case badInput = 2
    /// No document could be fetched; an existing site is left as it was.
    case nothingFetched = 3
    /// The run stopped on a failure of its own (disk full, a damaged index, a site that cannot be written): no new
    /// site to publish. Distinct from 1 and 3 so that `[ $? -le 1 ]` and `SuccessExitStatus=1` never publish it.
    case fatal = 4
}
