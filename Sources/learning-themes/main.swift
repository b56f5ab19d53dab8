import Foundation
import LearningThemes

/// The command line only wires the library's stages together; see README.md.
enum Commands {
    static let all: [CommandEntry] = [
        ClassifyCommand.entry,
        RulesCommand.entry,
        EvaluateCommand.entry,
        CompareCommand.entry,
        MatrixCommand.entry,
        ReportCommand.entry,
        InspectCommand.entry,
    ]
}

func mainHelp() -> String {
    var text = """
    learning-themes: which learning themes safeguarding-children documents raise, paragraph by
    paragraph, with the exact words behind every tag.

    Usage: learning-themes COMMAND [OPTIONS] [ARGUMENTS]

    Commands:

    """
    let width = Commands.all.map(\.name.count).max() ?? 0
    for command in Commands.all {
        text += "  \(command.name.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(command.summary)\n"
    }
    text += """

    Run 'learning-themes COMMAND --help' for a command's options.
    Exit codes: 0 success, 1 finished with some failures, 2 usage, 3 rules, 4 input,
    5 output, 6 gold file, 7 missing external program.
    """
    return text
}

func runMain() -> ExitCode {
    var arguments = Array(CommandLine.arguments.dropFirst())
    guard let first = arguments.first else {
        print(mainHelp())
        return .usage
    }
    if first == "--help" || first == "-h" || first == "help" {
        if arguments.count > 1, let command = Commands.all.first(where: { $0.name == arguments[1] }) {
            print(command.help(), terminator: "")
        } else {
            print(mainHelp())
        }
        return .success
    }
    if first == "--version" {
        print("learning-themes 0.1.0")
        return .success
    }
    guard let command = Commands.all.first(where: { $0.name == first }) else {
        let hint = NearestName.suggestion(for: first, among: Commands.all.map(\.name))
        printError("learning-themes: unknown command '\(first)'\(hint); see 'learning-themes --help'")
        return .usage
    }
    arguments.removeFirst()
    do {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(command.help(), terminator: "")
            return .success
        }
        let parsed = try ParsedArguments.parse(arguments, options: command.options, command: command.name)
        return try command.run(parsed)
    } catch let error as LearningThemesError {
        printError("learning-themes: \(error)")
        return ExitCode(error.kind)
    } catch {
        printError("learning-themes: \(error)")
        return .input
    }
}

// A closed pipe (`| head`) must end the run quietly, not kill it with SIGPIPE mid-write.
signal(SIGPIPE, SIG_IGN)
exit(runMain().rawValue)
