import LearningThemes

/// The documented exit codes (README, "Exit codes"). Scripts depend on them: never renumber.
enum ExitCode: Int32 {
    case success = 0
    /// The run finished but something in it failed: some input files, some rule examples,
    /// some evaluation targets.
    case partialFailure = 1
    case usage = 2
    case rules = 3
    case input = 4
    case output = 5
    case gold = 6
    case tool = 7

    init(_ kind: LearningThemesError.Kind) {
        switch kind {
        case .usage: self = .usage
        case .rules: self = .rules
        case .input, .manifest: self = .input
        case .output: self = .output
        case .gold: self = .gold
        case .tool: self = .tool
        }
    }
}
