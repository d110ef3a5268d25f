import Foundation

extension FetchRecord {
    /// The record with its body (and any browser rendering) let go: what a run keeps of a document once the
    /// archive holds its bytes, so that memory follows the number of documents, not their size.
    public var withoutBody: FetchRecord {
        var record = self
        record.body = Data()
        record.rendered = nil
        return record
    }
}
