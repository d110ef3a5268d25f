/// A failure of the pipeline, named by its step and, where there is one, the platform and URL.
public struct PipelineError: Error, CustomStringConvertible {
    public enum Step: String, Sendable {
        case loadInputs = "load inputs"
        case fetch
        case extract
        case score
        case render
    }

    public var step: Step
    public var platform: String?
    public var url: String?
    public var message: String
    /// Bad input or usage (exit code 2), as opposed to a failure while running.
    public var isInputError: Bool

    public init(step: Step, platform: String? = nil, url: String? = nil, message: String, isInputError: Bool = false) {
        self.step = step
        self.platform = platform
        self.url = url
        self.message = message
        self.isInputError = isInputError
    }

    /// Bad input exits 2; anything else stopped the run and exits 4, never 1 ("site written").
    public var exitStatus: ExitStatus { isInputError ? .badInput : .fatal }

    public var description: String {
        var where_ = "[\(step.rawValue)]"
        if let platform { where_ += " platform '\(platform)'" }
        if let url { where_ += " \(url)" }
        return "\(where_): \(message)"
    }
}
