import LearningThemes

/// An option a command accepts.
struct OptionSpec: Sendable {
    var name: String
    /// Name of the value in help (`FILE`), or nil for a flag.
    var value: String?
    /// Allowed values, if the option takes one of a fixed list.
    var choices: [String] = []
    var help: String
}

/// The command line after parsing: positionals in order, option values by name.
struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: String] = [:]
    var flags: Set<String> = []

    func value(_ name: String) -> String? { values[name] }
    func flag(_ name: String) -> Bool { flags.contains(name) }

    func integer(_ name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let text = values[name] else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw LearningThemesError(.usage, "\(name) takes a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return number
    }

    /// Parses `--name value`, `--name=value`, flags, `-` (standard input) and `--`.
    static func parse(_ arguments: [String], options: [OptionSpec], command: String) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        let byName = Dictionary(options.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if name == "-h" { name = "--help" }
            guard let spec = byName[name] else {
                let hint = NearestName.suggestion(for: name, among: options.map(\.name))
                throw LearningThemesError(.usage, "unknown option '\(name)' for '\(command)'\(hint); see 'learning-themes \(command) --help'")
            }
            guard let valueName = spec.value else {
                if inlineValue != nil { throw LearningThemesError(.usage, "\(name) takes no value") }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else {
                    throw LearningThemesError(.usage, "\(name) needs a value (\(valueName))")
                }
                value = arguments[index]
                index += 1
            }
            if !spec.choices.isEmpty && !spec.choices.contains(value) {
                let hint = NearestName.suggestion(for: value, among: spec.choices)
                throw LearningThemesError(.usage, "\(name) must be one of \(spec.choices.joined(separator: ", ")), not '\(value)'\(hint)")
            }
            if let previous = parsed.values[name], previous != value {
                throw LearningThemesError(.usage, "\(name) given twice with different values ('\(previous)' and '\(value)')")
            }
            parsed.values[name] = value
        }
        return parsed
    }
}
