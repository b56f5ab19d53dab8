#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer target: any bytes as a rule file, checked against the real taxonomy; a file
/// that loads must compile and classify. Built by `scripts/fuzz rules`.

let realTaxonomy: Taxonomy = {
    let path = FuzzInvariants.rulesDirectory + "/taxonomy.txt"
    guard let file = fopen(path, "rb") else {
        FuzzInvariants.report("cannot open \(path)")
        exit(2)
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    do {
        return try Taxonomy.parse(bytes, file: path)
    } catch {
        FuzzInvariants.report("cannot parse \(path): \(error)")
        exit(2)
    }
}()

/// Words most rule files mention, with curly quotes, a hyphen, an accent and two
/// sentences, so a loaded rule has something to fire on and proximity sees a boundary.
let fixedSentence = "The Child’s voice was not heard: professional curiosity about the father’s drug misuse was missing. Multi-agency neglect, café, self-neglect and a rapid review followed."

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = realTaxonomy
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let ruleSet: RuleSet
    do {
        ruleSet = try RuleSet.build(taxonomy: realTaxonomy, files: [("fuzz.rules", bytes)])
    } catch let error as LearningThemesError {
        FuzzInvariants.checkOneLine(error, expectedFile: "fuzz.rules", kinds: [.rules])
        let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        if let line = error.location?.line {
            FuzzInvariants.require(line >= 1 && line <= lines, "error on line \(line) of a \(lines)-line file: \(error)")
        }
        return 0
    } catch {
        FuzzInvariants.require(false, "rule loading threw a non-LearningThemesError: \(error)")
        return 0
    }
    let matcher = Matcher(ruleSet: ruleSet)
    var scratch = MatchScratch(matcher: matcher)
    FuzzInvariants.checkClassification(of: fixedSentence, matcher: matcher, scratch: &scratch)
    for rule in ruleSet.rules {
        for example in rule.examples {
            FuzzInvariants.checkClassification(of: example.text, matcher: matcher, scratch: &scratch)
        }
    }
    _ = RuleLinter.check(ruleSet)
    return 0
}
