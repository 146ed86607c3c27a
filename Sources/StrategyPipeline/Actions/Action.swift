import StrategyModel
import StrategyRender
import StrategyDiagnostics

/// One named step of an action: what it does, said in a few words (shown in docs and tests, and the
/// unit a progress line or a server's log counts in), and the work.
public struct ActionStep<Work> {
    public let name: String
    let body: (inout Work) throws -> Void

    public init(_ name: String, _ body: @escaping (inout Work) throws -> Void) {
        (self.name, self.body) = (name, body)
    }
}

/// What every action's work carries: whether a step has ended the run (the sources left no model to
/// render, say). A step that stops says why in the collector first.
public protocol ActionWork {
    var stopped: Bool { get set }
}

/// A job of strategyc (check, build, a batch of variants, …) as Publish lays out a site's generation: a
/// value made from its inputs, an explicit list of named steps over one piece of work, every step
/// reporting into the pipeline's one collector and none printing, and an outcome at the end.
///
/// The command line, the preview server and the online diagnostic all call the same action, so the
/// order of a job is written once, here, and a command is option parsing, one `perform` and a line
/// saying what it wrote.
public protocol PipelineAction {
    associatedtype Work: ActionWork
    associatedtype Outcome

    var pipeline: PublicationPipeline { get }
    /// What the first step starts from.
    func start() -> Work
    /// Every step, in the order it runs.
    var steps: [ActionStep<Work>] { get }
    /// The outcome when the run ended, or nil when a step stopped it with nothing to show (reported).
    func outcome(of work: Work) -> Outcome?
}

extension PipelineAction {
    /// Runs the steps in order until one stops the run. Throws only for I/O (a folder that cannot be read,
    /// an output that cannot be written); every other problem is a diagnostic in the collector.
    public func perform() throws -> Outcome? {
        var work = start()
        for step in steps where !work.stopped {
            try step.body(&work)
        }
        return outcome(of: work)
    }

    /// The steps' names, in order.
    public var stepNames: [String] { steps.map(\.name) }

    public var collector: DiagnosticCollector { pipeline.collector }
}

/// The work of an action that publishes files: what it rendered, and whether it wrote them.
public protocol PublishingWork: ActionWork {
    var files: [OutputFile] { get }
    var written: Bool { get set }
}

extension ActionStep where Work: PublishingWork {
    /// The last step of every build: the rendered files written to the output folder in one atomic step,
    /// only when nothing anywhere is wrong (a failed build leaves the previous output as it was).
    static func writeOutputFolder(_ pipeline: PublicationPipeline) -> ActionStep {
        ActionStep("write the output folder") { work in
            guard !pipeline.collector.hasErrors else { return }
            try pipeline.write(work.files)
            work.written = pipeline.request.outputFolder != nil
        }
    }
}

/// What a publishing action gives: the publication, the variant it is of, and whether it was written.
public struct PublicationOutcome: Sendable {
    public var publication: Publication
    /// For a variant's publication, the variant resolved onto its bases.
    public var resolved: ResolvedVariant?
    /// Whether the output folder was written (a build with nothing wrong).
    public var written: Bool
}
