@testable import Extractor
import Foundation

extension FoldedRegex {
    /// The same pattern in `NSRegularExpression`, whose answers the ICU shim must give.
    var reference: NSRegularExpression { try! NSRegularExpression(pattern: regex.pattern) }
}
