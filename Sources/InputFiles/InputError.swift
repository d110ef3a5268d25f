/// Bad input, located: the file, the line and the field, and what is wrong.
public struct InputError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var field: String?
    public var message: String
    /// The file's other errors, reported with this one (see `InputErrorList`).
    public var others: [InputError] = []
    /// Errors past the reporting limit, counted but not listed.
    public var notShown = 0

    public init(file: String, line: Int?, field: String?, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let field { place += ": \(field)" }
        let lines = ["\(place): \(message)"] + others.map(\.description) + (notShown > 0 ? ["… and \(notShown) more in \(file)"] : [])
        return lines.joined(separator: "\n")
    }
}

/// Gathers the errors of one file, so that a single run reports all of them (up to `limit`), each with its line,
/// rather than one per attempt.
struct InputErrorList {
    static let limit = 20
    private var errors: [InputError] = []

    /// Runs one independent part of the file (an item, a row); its error is kept and reading goes on.
    mutating func collect<T>(_ body: () throws(InputError) -> T) -> T? {
        do { return try body() } catch {
            errors.append(error)
            return nil
        }
    }

    mutating func append(_ error: InputError) { errors.append(error) }

    /// Throws the first error, carrying the others in line order.
    func check() throws(InputError) {
        guard var first = errors.first else { return }
        let rest = errors.dropFirst()
        first.others = Array(rest.prefix(Self.limit - 1))
        first.notShown = max(0, rest.count - (Self.limit - 1))
        throw first
    }
}
