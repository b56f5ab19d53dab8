import XCTest
@testable import LearningThemes

/// Every rule operator, on short real-looking sentences.
final class MatcherTests: XCTestCase {
    private func tags(_ rules: String, _ text: String) throws -> [String] {
        let result = try TestSupport.matcher(rules).classify(text)
        return result.themes + result.sources
    }

    func testExactPhraseNeedsWordsInARow() throws {
        let rules = "theme professional-curiosity\nmatch pc-a: professional curiosity\n"
        XCTAssertEqual(try tags(rules, "A lack of Professional Curiosity was noted."), ["professional-curiosity"])
        XCTAssertEqual(try tags(rules, "Professional staff showed curiosity."), [])
    }

    func testWildcardMatchesWordForms() throws {
        let rules = "theme professional-curiosity\nmatch pc-a: curio*\n"
        for text in ["curious", "curiosity", "Curiously", "curio"] {
            XCTAssertEqual(try tags(rules, "They were \(text)."), ["professional-curiosity"], text)
        }
        XCTAssertEqual(try tags(rules, "They were cure."), [])
    }

    func testAlternativesGroupsAndOptionalWords() throws {
        let rules = "theme fathers-male-carers\nmatch fmc-a: (mother's | mums) (new)? partner*\n"
        XCTAssertEqual(try tags(rules, "The mother’s new partner moved in."), ["fathers-male-carers"])
        XCTAssertEqual(try tags(rules, "Mums partners were not assessed."), ["fathers-male-carers"])
        XCTAssertEqual(try tags(rules, "The mother's old partner moved in."), [])
    }

    func testHyphenatedRuleWordsMatchAllThreeSpellings() throws {
        let rules = "theme multi-agency-working\nmatch maw-a: multi-agency strategy\n"
        for text in ["multi-agency strategy", "multi agency strategy", "multiagency strategy", "Multi–Agency Strategy"] {
            XCTAssertEqual(try tags(rules, "A \(text) meeting was held."), ["multi-agency-working"], text)
        }
    }

    func testProximityWithinDistanceInEitherOrderInOneSentence() throws {
        let rules = "theme information-sharing\nmatch is-a: share* near/3 information\n"
        XCTAssertEqual(try tags(rules, "Agencies shared relevant health information."), ["information-sharing"])
        XCTAssertEqual(try tags(rules, "Information was not shared."), ["information-sharing"])
        XCTAssertEqual(try tags(rules, "Agencies shared their plans, budgets and also some information."), [],
                       "more than 3 words between")
        XCTAssertEqual(try tags(rules, "Agencies shared plans. Information arrived later."), [], "different sentences")
    }

    func testProximityNeedsTwoDifferentOccurrences() throws {
        let rules = "theme neglect\nmatch neg-a: neglect* near/5 neglect*\n"
        XCTAssertEqual(try tags(rules, "Neglect was discussed."), [])
        XCTAssertEqual(try tags(rules, "Neglect and more neglect."), ["neglect"])
    }

    func testExclusionCancelsOnlyTheOverlappingMatch() throws {
        let rules = "theme neglect\nmatch neg-a: neglect\nexclude neg-self: self-neglect\n"
        XCTAssertEqual(try tags(rules, "Adults at risk of self-neglect."), [])
        XCTAssertEqual(try tags(rules, "Adults at risk of self neglect and selfneglect."), [])
        XCTAssertEqual(try tags(rules, "Self-neglect in adults and neglect of children."), ["neglect"])
    }

    func testProximityExclusionCancelsEveryPhraseInReach() throws {
        let rules = "theme child-mental-health\nmatch cmh-a: suicide | self-harm\nexclude cmh-mother: mother's near/6 (suicide | self-harm)\n"
        XCTAssertEqual(try tags(rules, "The mother's self-harm and attempted suicide."), [],
                       "one mention of the mother reaches both phrases")
        XCTAssertEqual(try tags(rules, "The mother's self-harm was known. The boy spoke of suicide."), ["child-mental-health"],
                       "the other sentence is out of reach")
    }

    func testMinimumEvidenceWithWeightsAndOverlapCountedOnce() throws {
        let rules = """
        theme neglect
        min-evidence 2
        match neg-weak: neglect
        match neg-also: neglect of children
        match neg-strong weight 2: graded care profile
        """
        XCTAssertEqual(try tags(rules, "Neglect was raised."), [], "one weak hit")
        XCTAssertEqual(try tags(rules, "Neglect of children was raised."), [], "two clauses on the same words count once")
        XCTAssertEqual(try tags(rules, "Neglect was raised, and neglect again."), ["neglect"], "two separate hits")
        XCTAssertEqual(try tags(rules, "Staff used the Graded Care Profile."), ["neglect"], "one strong hit")
    }

    func testSpellingGroupsMatchBritishAndAmericanForms() throws {
        let rules = "spelling scepticism skepticism\ntheme professional-curiosity\nmatch pc-a: healthy scepticism\n"
        XCTAssertEqual(try tags(rules, "Healthy skepticism is needed."), ["professional-curiosity"])
        XCTAssertEqual(try tags(rules, "Healthy scepticism is needed."), ["professional-curiosity"])
    }

    func testEvidenceQuotesExactBytesAfterNonASCIIText() throws {
        let matcher = try TestSupport.matcher("theme fathers-male-carers\nmatch fmc-a: male carer*\n")
        let text = "Café – “Invisible” fathers and Male  Carers’ roles"
        let result = matcher.classify(text)
        let evidence = try XCTUnwrap(result.evidence.first)
        XCTAssertEqual(evidence.rule, "fmc-a")
        XCTAssertEqual(evidence.label, "fathers-male-carers")
        XCTAssertEqual(evidence.text, "Male  Carers")
        XCTAssertEqual(String(decoding: Array(text.utf8)[evidence.bytes], as: UTF8.self), "Male  Carers")
    }

    func testSourcesAndThemesAreSeparatedAndOrderedByTaxonomy() throws {
        let rules = """
        theme neglect
        match neg-a: neglect
        theme professional-curiosity
        match pc-a: curiosity
        source audit
        match au-a: audit
        """
        let result = try TestSupport.matcher(rules).classify("An audit of neglect cases found little curiosity.")
        XCTAssertEqual(result.themes, ["professional-curiosity", "neglect"])
        XCTAssertEqual(result.sources, ["audit"])
        XCTAssertEqual(result.evidence.map(\.label), ["professional-curiosity", "neglect", "audit"])
    }

    /// Counting tags skips the hits of a target that one of its clauses settles (see
    /// `ClauseEvaluator.isTaggedWithoutHits`): the tags must still be those of a full
    /// classification, in target order, with exclusions, weights, minimum evidence and
    /// `near/N` in play, and on the corpus with the bundled rules, also with a phrase state
    /// cache that starts again within paragraphs.
    func testCountingTagsAgreesWithClassification() throws {
        let rules = """
        theme neglect
        min-evidence 2
        match neg-weak: neglect
        match neg-strong weight 2: graded care profile
        exclude neg-self: self-neglect
        theme professional-curiosity
        match pc-a: curiosity
        match pc-b: professional* near/3 curious
        source audit
        match au-a: audit
        exclude au-not: audit committee
        """
        try assertCountedTagsMatchClassification(TestSupport.matcher(rules), [
            "An audit of neglect cases found little curiosity.",
            "Neglect was raised, and neglect again.",
            "Staff used the Graded Care Profile.",
            "Staff used the Graded Care Profile for self-neglect.",
            "The audit committee met. Professionals were not curious.",
            "The audit committee approved the audit.",
            "Self-neglect and neglect.",
            "Nothing here.",
        ])
        let matcher = Matcher(ruleSet: try RuleSet.load(directory: TestSupport.path("rules")))
        let names = try FileManager.default.contentsOfDirectory(atPath: TestSupport.path("corpus/documents"))
            .filter { $0.hasSuffix(".txt") }.sorted()
        let paragraphs = names.map(TestSupport.seed).flatMap { $0.components(separatedBy: "\n\n") }
        assertCountedTagsMatchClassification(matcher, paragraphs)
        assertCountedTagsMatchClassification(matcher, paragraphs, maximumPhraseStates: 5)
    }

    private func assertCountedTagsMatchClassification(_ matcher: Matcher, _ texts: [String],
                                                      maximumPhraseStates: Int = PhraseStateCache.defaultMaximumStates) {
        var scratch = MatchScratch(matcher: matcher, maximumPhraseStates: maximumPhraseStates)
        let ids = matcher.ruleSet.rules.map(\.id)
        for text in texts {
            let classified = matcher.classify(text, scratch: &scratch)
            let expected = (classified.themes + classified.sources).compactMap { ids.firstIndex(of: $0) }.sorted()
            XCTAssertEqual(matcher.tagIndices(text, scratch: &scratch), expected, text)
        }
    }

    func testNestedEvidenceIsReportedOnce() throws {
        let rules = "source practice-review\nmatch pr-a: safeguarding practice review*\nmatch pr-b: practice review*\n"
        let result = try TestSupport.matcher(rules).classify("Two Safeguarding Practice Reviews were completed.")
        XCTAssertEqual(result.evidence.map(\.text), ["Safeguarding Practice Reviews"])
    }

    /// The phrase state cache starts again when it passes its bound on states. With a tiny
    /// bound it does so all the time, and no result may change.
    func testPhraseStateCacheRestartsChangeNoResult() throws {
        let matcher = Matcher(ruleSet: try RuleSet.load(directory: TestSupport.path("rules")))
        let names = try FileManager.default.contentsOfDirectory(atPath: TestSupport.path("corpus/documents"))
            .filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertFalse(names.isEmpty)
        let documents = names.map(TestSupport.seed)
        let texts = documents.flatMap { $0.components(separatedBy: "\n\n") } + documents
        var roomy = MatchScratch(matcher: matcher)
        let expected = texts.map { matcher.classify($0, scratch: &roomy) }
        XCTAssertGreaterThan(expected.filter { !$0.themes.isEmpty }.count, 10)
        XCTAssertEqual(roomy.buffers.phraseStates.restarts, 0)
        for limit in [2, 3, 17] {
            var tiny = MatchScratch(matcher: matcher, maximumPhraseStates: limit)
            for (text, result) in zip(texts, expected) {
                XCTAssertEqual(matcher.classify(text, scratch: &tiny), result, "limit \(limit)")
            }
            XCTAssertGreaterThan(tiny.buffers.phraseStates.restarts, 0, "limit \(limit)")
        }
    }

    /// The passes after the scan visit only the tokens listed as ending a phrase, with the
    /// states recorded for them: each must have phrases, and a cache that starts again
    /// within paragraphs (which detaches tokens) must list the same tokens with the same
    /// phrases as a roomy one.
    func testPhraseEndsListTheSameTokensAndPhrasesWhateverTheCache() throws {
        let matcher = Matcher(ruleSet: try RuleSet.load(directory: TestSupport.path("rules")))
        let names = try FileManager.default.contentsOfDirectory(atPath: TestSupport.path("corpus/documents"))
            .filter { $0.hasSuffix(".txt") }.sorted()
        let texts = names.map(TestSupport.seed).flatMap { $0.components(separatedBy: "\n\n") }
        /// Each listed token's ordinal, then its phrases as atom/length.
        func phraseEnds(of text: String, _ scratch: inout MatchScratch) -> [[String]] {
            var copy = text
            copy.withUTF8 { bytes in matcher.scan(bytes, scratch: &scratch, recording: SentenceRecorder.self) }
            let trace = scratch.buffers.trace
            let reader = trace.reader(cache: scratch.buffers.phraseStates)
            return (0..<trace.phraseEnds.count).map { index in
                ["\(trace.phraseEnds[index].ordinal)"] + reader.outputs(ofPhraseEnd: index).map { "\($0.atom)/\($0.length)" }
            }
        }
        var roomy = MatchScratch(matcher: matcher, maximumPhraseStates: PhraseStateCache.defaultMaximumStates)
        var tiny = MatchScratch(matcher: matcher, maximumPhraseStates: 5)
        var ends = 0
        for text in texts {
            let listed = phraseEnds(of: text, &roomy)
            XCTAssertEqual(phraseEnds(of: text, &tiny), listed)
            XCTAssertTrue(listed.allSatisfy { $0.count > 1 }, "a listed token without phrases")
            ends += listed.count
        }
        XCTAssertGreaterThan(ends, 100)
        XCTAssertGreaterThan(tiny.buffers.phraseStates.restarts, 0)
    }
}
