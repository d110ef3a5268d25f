import Archive
import InputFiles
import SovereigntyModel

/// What a run is judged with, parsed from its input files: the platforms, the provider catalogue with its
/// registries, and the corrections.
struct Knowledge {
    let inputs: InputSet
    let platforms: [Platform]
    let catalog: ProviderCatalog
    let corrections: [Correction]

    /// `context` says where the files came from, when not from disk (an archived run's inputs).
    init(_ inputs: InputSet, context: String? = nil) throws(PipelineError) {
        self.inputs = inputs
        do {
            platforms = try inputs.platforms()
            catalog = try inputs.catalog()
            // Corrections name platforms, so they are read after them.
            corrections = try inputs.corrections(platformIDs: Set(platforms.map(\.id)))
        } catch {
            throw PipelineError(step: .loadInputs, message: (context.map { "\($0): " } ?? "") + error.description, isInputError: true)
        }
    }
}

extension InputSet {
    /// The files as the archive keeps them with a run.
    var archived: [ArchivedInput] { files.map { ArchivedInput(role: $0.role.rawValue, path: $0.path, text: $0.text) } }

    /// The files an archived run kept; nil for a run archived before inputs were kept.
    init?(archived: [ArchivedInput]) {
        let files = archived.compactMap { input in Role(rawValue: input.role).map { File(role: $0, path: input.path, text: input.text) } }
        guard files.contains(where: { $0.role == .platforms }) else { return nil }
        self.init(files: files)
    }
}
