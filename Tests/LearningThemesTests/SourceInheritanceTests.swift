import XCTest
@testable import LearningThemes

/// List items take the learning sources of their lead-in or heading, and paragraphs those of
/// the activity they refer back to, with the bundled rules.
final class SourceInheritanceTests: XCTestCase {
    private static let matcher = Matcher(ruleSet: try! RuleSet.load(directory: TestSupport.path("rules")))

    private func classify(_ text: String) -> [(Paragraph, Classification)] {
        let paragraphs = ParagraphSegmenter().segment(text)
        var scratch = MatchScratch(matcher: Self.matcher)
        return Array(zip(paragraphs, Self.matcher.classify(paragraphs, scratch: &scratch)))
    }

    private func item(_ results: [(Paragraph, Classification)], startingWith prefix: String) throws -> (Paragraph, Classification) {
        try XCTUnwrap(results.first { $0.0.text.hasPrefix(prefix) }, "no paragraph starts with \(prefix)")
    }

    func testListItemsInheritTheSourceNamedByTheirLeadIn() throws {
        let results = classify("""
        ## Neglect

        In March the partnership looked again at children living with neglect. Our multi-agency audit of these cases found:

        - Chronologies were out of date in half of the cases.
        - Health visitors rarely saw the fathers.

        Partners will repeat the exercise next year.

        - A new toolkit has been given to schools.
        """)
        let leadIn = try item(results, startingWith: "In March")
        XCTAssertEqual(leadIn.1.sources, ["audit"])
        for prefix in ["Chronologies", "Health visitors"] {
            let (paragraph, classification) = try item(results, startingWith: prefix)
            XCTAssertEqual(paragraph.role, .listItem)
            XCTAssertEqual(classification.sources, ["audit"], prefix)
            let evidence = try XCTUnwrap(classification.evidence.first { $0.label == "audit" })
            XCTAssertEqual(evidence.inheritedFrom, .leadIn(paragraph: leadIn.0.index))
            // The offsets point into the lead-in, at the quoted words.
            XCTAssertEqual(String(decoding: Array(leadIn.0.text.utf8)[evidence.bytes], as: UTF8.self), evidence.text)
            // Themes are not inherited: "neglect" is the lead-in's subject, not the bullet's.
            XCTAssertFalse(classification.themes.contains("neglect"), prefix)
        }
        // A paragraph that does not end in a colon closes the list.
        XCTAssertEqual(try item(results, startingWith: "A new toolkit").1.sources, [])
    }

    func testShortParagraphsStraightAfterALeadInAreItsListWhenTheirBulletsWereLost() throws {
        let results = classify("""
        Inspectors from Ofsted visited the front door in June. Inspectors found:

        Decisions on referrals were made within a day.

        too few strategy discussions included health.

        Partners agreed an action plan, which the executive will oversee each quarter through a new dashboard of measures drawn from the front door, with a report to every meeting of the partnership board next year. The plan sets out who leads each action, the date by which it will be done and how partners will know that it has made a difference to children, and the board will hear from practitioners as well as managers.

        Schools were reminded of the escalation policy.
        """)
        XCTAssertEqual(try item(results, startingWith: "Inspectors from").1.sources, ["inspection"])
        for prefix in ["Decisions on referrals", "too few strategy"] {
            let (paragraph, classification) = try item(results, startingWith: prefix)
            XCTAssertEqual(paragraph.role, .body, prefix)
            XCTAssertEqual(classification.sources, ["inspection"], prefix)
            XCTAssertEqual(classification.evidence.first { $0.label == "inspection" }?.inheritedFrom, .leadIn(paragraph: results[0].0.index))
        }
        // A long paragraph ends the list, and nothing after it is an item.
        XCTAssertEqual(try item(results, startingWith: "Partners agreed").1.sources, [])
        XCTAssertEqual(try item(results, startingWith: "Schools were").1.sources, [])
    }

    func testATitleWithNoFullStopIsNotAnUnmarkedItem() {
        func readsAsItem(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { SourceInheritance<String>.readsAsUnmarkedItem($0) }
        }
        XCTAssertTrue(readsAsItem("Decisions on referrals were made within a day."))
        XCTAssertTrue(readsAsItem("a lack of professional curiosity"))
        // A priority's title, not a finding.
        XCTAssertFalse(readsAsItem("Safer communities: exploitation and serious youth violence"))
        XCTAssertFalse(readsAsItem("The audit looked at:"))
        XCTAssertFalse(readsAsItem("the audit looked at:"))
        XCTAssertFalse(readsAsItem(String(repeating: "Chronologies were out of date. ", count: 14)))
    }

    func testAParagraphAfterAMarkedListIsNotAnItem() throws {
        let results = classify("""
        The Section 11 audit found:

        - Most agencies had a safeguarding lead.

        Schools were reminded of the escalation policy.
        """)
        XCTAssertEqual(try item(results, startingWith: "Most agencies").1.sources, ["audit"])
        XCTAssertEqual(try item(results, startingWith: "Schools were").1.sources, [])
    }

    func testOnlyTheSentenceIntroducingTheListCounts() throws {
        let results = classify("""
        ## Our priorities for next year

        Ofsted inspected children's services in May and rated them good. Next year we will focus on:

        - Young people who go missing from home.
        """)
        XCTAssertEqual(try item(results, startingWith: "Ofsted").1.sources, ["inspection"])
        XCTAssertEqual(try item(results, startingWith: "Young people").1.sources, [])
    }

    func testListItemsWithoutALeadInInheritFromTheirHeading() throws {
        let results = classify("""
        ## Findings of the joint targeted area inspection

        - Leaders know their services well.
        - Referrals from schools are handled quickly.

        | Area | Finding |
        | --- | --- |
        | Health | Leaders know their services well |
        """)
        for prefix in ["Leaders know", "Referrals"] {
            let classification = try item(results, startingWith: prefix).1
            XCTAssertEqual(classification.sources, ["inspection"], prefix)
            XCTAssertEqual(classification.evidence.first { $0.label == "inspection" }?.inheritedFrom, .heading)
        }
        // Table rows and body paragraphs keep to their own words.
        XCTAssertEqual(results.filter { $0.0.role == .tableRow }.flatMap(\.1.sources), [])
    }

    /// Members listed under the panel's heading are names, not what the panel learnt.
    func testListItemsThatAreOnlyNamesTakeNothingFromTheirHeading() throws {
        let results = classify("""
        ## Child Death Overview Panel

        - Deputy Director of Public Health (Chair)
        - NHS Trust Designated Nurse for Safeguarding Children
        - ‘Safer Sleep’ Lead Midwife
        - Most deaths of infants were of babies born too early.
        - families were offered bereavement support
        """)
        for prefix in ["Deputy Director", "NHS Trust", "‘Safer Sleep’"] {
            XCTAssertEqual(try item(results, startingWith: prefix).1.sources, [], prefix)
        }
        for prefix in ["Most deaths", "families were"] {
            XCTAssertEqual(try item(results, startingWith: prefix).1.sources, ["child-death-review"], prefix)
        }
    }

    func testANameHasEveryWordCapitalisedAndNoSentenceEnd() {
        func isName(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { NameOnlyItem.matches($0) }
        }
        XCTAssertTrue(isName("LCC Children’s Services 0-11 Safeguarding Coordinator"))
        XCTAssertTrue(isName("Head of Nursing (Children) and Head of Midwifery"))
        XCTAssertTrue(isName("Élodie Martin, Designated Doctor"))
        XCTAssertFalse(isName("Designated Doctor."), "a sentence")
        XCTAssertFalse(isName("Members of the panel:"), "a lead-in")
        XCTAssertFalse(isName("Improve the quality of supervision"), "a finding")
        XCTAssertFalse(isName("Panel"), "one word is a heading, not a list of names")
        XCTAssertFalse(isName(String(repeating: "Designated Nurse ", count: 10)), "too long for a name")
    }

    func testALeadInThatPointsBackCountsWhole() throws {
        let results = classify("""
        ## Child and Adolescent Mental Health

        The CSCP has embedded recommendations over 2019-20 from the adolescent mental health multi-agency audit completed in 2018-19. This has included:

        - Development of an Early Help Engagement Policy which clarifies process to follow when working with a 16 year old.

        ## CSCP Priorities for 2025/26

        Our identified key priorities reflect our commitment to continuous improvement and are shaped by feedback, inspection findings, and the lived experiences of children and families. They will focus on:

        - Monitor the impact of the cost-of-living crisis on child vulnerability and family stress.
        """)
        let leadIn = try item(results, startingWith: "The CSCP has embedded")
        let bullet = try item(results, startingWith: "Development of").1
        XCTAssertEqual(bullet.sources, ["audit"])
        let evidence = try XCTUnwrap(bullet.evidence.first { $0.label == "audit" })
        XCTAssertEqual(evidence.inheritedFrom, .leadIn(paragraph: leadIn.0.index))
        XCTAssertEqual(String(decoding: Array(leadIn.0.text.utf8)[evidence.bytes], as: UTF8.self), evidence.text)
        // "They" is the priorities, not what the inspections found.
        XCTAssertEqual(try item(results, startingWith: "Monitor the impact").1.sources, [])
    }

    func testAParagraphThatRefersBackTakesTheSourceOfTheParagraphBefore() throws {
        let results = classify("""
        ## Child Criminal Exploitation

        In March 2020, the National Safeguarding Practice Review Panel published their first report which focused on criminal exploitation of young people.

        Key findings and recommendations from the review were shared with the CSCP's Vulnerable Adolescents Strategy Group.

        The Strategy Group has tasked Community Safety with implementing Nightwatch in Camden.
        """)
        let antecedent = try item(results, startingWith: "In March 2020")
        let (_, referring) = try item(results, startingWith: "Key findings")
        XCTAssertEqual(referring.sources, ["national-review"])
        XCTAssertEqual(referring.themes, [])
        let anaphor = try XCTUnwrap(referring.evidence.first { $0.rule == SourceAnaphor.ruleID })
        XCTAssertEqual(anaphor.text, "Key findings")
        XCTAssertNil(anaphor.inheritedFrom)
        let named = try XCTUnwrap(referring.evidence.first { $0.inheritedFrom != nil })
        XCTAssertEqual(named.inheritedFrom, .antecedent(paragraph: antecedent.0.index))
        XCTAssertEqual(String(decoding: Array(antecedent.0.text.utf8)[named.bytes], as: UTF8.self), named.text)
        // No reference back, no source.
        XCTAssertEqual(try item(results, startingWith: "The Strategy Group").1.sources, [])
    }

    func testAReferenceBackPastAnUnrelatedParagraphReachesOnlyTheHeading() throws {
        let results = classify("""
        ## National Probation Service (NPS) Inspection – January 2019

        The London division of the NPS's senior leaders have a strategic focus on quality and performance. They have taken action to address the recommendations in our last report.

        ## Mental Health

        Our Young Advisors shared their thoughts on the recommendations from our themed multi-agency audits, which were on adolescent mental health.

        Based on their interests, they chose to look at how front line services work with young people.

        The review will be completed and published on our website in autumn 2020.
        """)
        let (_, fromHeading) = try item(results, startingWith: "The London division")
        XCTAssertEqual(fromHeading.sources, ["inspection"])
        XCTAssertEqual(fromHeading.evidence.first { $0.inheritedFrom != nil }?.inheritedFrom, .heading)
        XCTAssertEqual(fromHeading.evidence.first { $0.rule == SourceAnaphor.ruleID }?.text, "the recommendations")
        XCTAssertEqual(try item(results, startingWith: "The review will").1.sources, [])
    }

    /// A briefing names the review once, tells what happened to the child, then goes on
    /// about "the review": that reaches back over the story to the review, while vaguer
    /// words do not, nor does "the review" reach an audit named further back.
    func testTheReviewReachesPastParagraphsThatNameNothing() throws {
        let results = classify("""
        The Panel's national review of the deaths of Arthur and Star was published in May.

        Arthur was six when he died at home; Star was sixteen months old.

        Both children had been seen by several agencies in the months before.

        The review found that information was not pulled together across agencies.

        The findings were discussed at the next executive meeting.

        Members thanked the officers for the update.

        The learning has been built into the training offer.

        Partners completed a multi-agency audit of strategy discussions.

        Practitioners described the pressure of caseloads in the winter.

        Managers said that supervision records had improved.

        The review will report to the executive in spring.
        """)
        let (_, review) = try item(results, startingWith: "The review found")
        XCTAssertEqual(review.sources, ["national-review"])
        XCTAssertEqual(review.evidence.first { $0.inheritedFrom != nil }?.inheritedFrom,
                       .antecedent(paragraph: try item(results, startingWith: "The Panel's").0.index))
        // The paragraph just before now carries the source, so the findings take it too.
        XCTAssertEqual(try item(results, startingWith: "The findings").1.sources, ["national-review"])
        XCTAssertEqual(try item(results, startingWith: "Arthur was six").1.sources, [])
        XCTAssertEqual(try item(results, startingWith: "The learning has").1.sources, [])
        XCTAssertEqual(try item(results, startingWith: "Managers said").1.sources, [])
        XCTAssertEqual(try item(results, startingWith: "The review will report").1.sources, [])
    }

    func testAReferenceBackTakesOnlyAnUnambiguousFittingSource() throws {
        let results = classify("""
        ## Learning

        Ofsted inspected children's services in May and a multi-agency audit of neglect was completed.

        The review found that chronologies were out of date.

        A rapid review and a local child safeguarding practice review were completed.

        The findings were shared with schools.
        """)
        // "The review" cannot be the inspection, so it is the audit.
        XCTAssertEqual(try item(results, startingWith: "The review found").1.sources, ["audit"])
        // Two kinds of review before it: which one is meant is unclear.
        XCTAssertEqual(try item(results, startingWith: "The findings").1.sources, [])
    }

    func testALeadInThatRefersBackPassesItsSourceOnToTheList() throws {
        let results = classify("""
        ## Child D

        In 2022 the partnership completed a local child safeguarding practice review about a baby who was seriously injured.

        The review identified the following learning:

        - Fathers were not routinely seen by health visitors.
        """)
        let antecedent = try item(results, startingWith: "In 2022")
        XCTAssertEqual(try item(results, startingWith: "The review identified").1.sources, ["practice-review"])
        let bullet = try item(results, startingWith: "Fathers").1
        XCTAssertEqual(bullet.sources, ["practice-review"])
        XCTAssertEqual(bullet.evidence.first { $0.label == "practice-review" }?.inheritedFrom, .antecedent(paragraph: antecedent.0.index))
    }

    func testTheEventOfAPracticeReviewCarriesItsSourceOnlyToWhatFollows() throws {
        let results = classify("""
        ## Learning from Child M

        The partnership held a learning event on the local child safeguarding practice review about Child M. The event's aims were:

        - To help staff notice when a baby is bruised.

        Practitioners said the workshop changed how they talk to parents.

        The event will be repeated in the spring.

        ## Audit

        A multi-agency audit looked at neglect cases.

        The event was attended by forty practitioners.

        In the event of a concern, call the front door.
        """)
        XCTAssertEqual(try item(results, startingWith: "To help staff").1.sources, ["practice-review"])
        let workshop = try item(results, startingWith: "Practitioners said").1
        XCTAssertEqual(workshop.sources, ["practice-review"])
        XCTAssertEqual(workshop.evidence.first { $0.rule == SourceAnaphor.ruleID }?.text, "the workshop")
        XCTAssertEqual(try item(results, startingWith: "The event will").1.sources, ["practice-review"])
        // An audit is not held as an event, and "in the event of" refers to nothing.
        XCTAssertEqual(try item(results, startingWith: "The event was").1.sources, [])
        XCTAssertEqual(try item(results, startingWith: "In the event").1.sources, [])
    }

    func testTheReportReachesBackOnlyToANationalReview() throws {
        let results = classify("""
        ## National learning

        The Child Safeguarding Practice Review Panel's annual report was published in December.

        Furthermore, the report stresses the link between parental mental health and harm to babies.

        ## Our own reviews

        The partnership published a local child safeguarding practice review about Child B.

        The report was presented to the executive in March.

        This report sets out the work of the partnership over the year.
        """)
        let stresses = try item(results, startingWith: "Furthermore").1
        XCTAssertEqual(stresses.sources, ["national-review"])
        XCTAssertEqual(stresses.evidence.first { $0.rule == SourceAnaphor.ruleID }?.text, "the report")
        // "the report" after a local review is as often the partnership's own report: no step.
        XCTAssertEqual(try item(results, startingWith: "The report was").1.sources, [])
        XCTAssertEqual(try item(results, startingWith: "This report").1.sources, [])
    }

    func testReferencesBackAndWhatIsNotOne() {
        func anaphor(_ text: String) -> String? {
            var copy = text
            return copy.withUTF8 { bytes in
                SourceAnaphor.first(in: bytes).map { String(decoding: bytes[$0.bytes], as: UTF8.self) }
            }
        }
        XCTAssertEqual(anaphor("We will report the findings for both these reviews in our next annual report."), "the findings")
        XCTAssertEqual(anaphor("Recommendations have been adopted and include sessions in confidence building."), "Recommendations")
        XCTAssertEqual(anaphor("Areas of development will be taken forward by the relevant service."), "Areas of development")
        XCTAssertEqual(anaphor("It was noted that the strong partnership with the police has enabled the YOS to innovate."), "It was noted")
        XCTAssertEqual(anaphor("The Designated Teachers Forum was noted as an area of good practice."), "noted as an area")
        XCTAssertEqual(anaphor("The local Safer Schools Officers discussed the learning in the DSL forums."), "the learning")
        XCTAssertEqual(anaphor("‘The partnership works cohesively to provide children with access to the right services.’"),
                       "‘The partnership works cohesively to provide children with access to the right services.’")
        XCTAssertEqual(anaphor("Delegates agreed that the workshop met its aims."), "the workshop")
        XCTAssertNil(anaphor("In the event of a disagreement, the escalation policy applies."))
        XCTAssertNil(anaphor("The review of the threshold document was completed in the spring."))
        XCTAssertNil(anaphor("The learning and development offer was refreshed."))
        XCTAssertNil(anaphor("99% of children looked after contributed to their reviews in 2023-24."))
        XCTAssertNil(anaphor("Training needs will be considered by the Learning & Development Subgroup."))
        XCTAssertNil(anaphor("The partnership keeps its arrangements under review."))
        XCTAssertNil(anaphor("This report sets out the work of the partnership."))
        XCTAssertNil(anaphor("The report of the inspection was published in May."))
        XCTAssertEqual(anaphor("The final report was published in May."), "The final report")
    }

    func testCountingAgreesWithClassifyingForEveryCorpusDocument() throws {
        let pipeline = DocumentPipeline(matcher: Self.matcher, jobs: 1)
        let documents = try Corpus.load(TestSupport.path("corpus")).documents
        XCTAssertEqual(documents.count, 5)
        var scratch = MatchScratch(matcher: Self.matcher)
        var inherited = 0
        for metadata in documents {
            let (metadata, loaded) = try pipeline.read(metadata)
            let classified = pipeline.classify(loaded, metadata: metadata, scratch: &scratch)
            inherited += classified.paragraphs.filter { $0.classification.evidence.contains { $0.inheritedFrom != nil } }.count
            let counted = pipeline.tally(loaded, metadata: metadata, scratch: &scratch)
            XCTAssertEqual(counted.pairCounts, DocumentTally(classified, ruleSet: Self.matcher.ruleSet).pairCounts, metadata.id)
        }
        XCTAssertGreaterThan(inherited, 20, "the corpus has many bulleted findings under lead-ins")
    }
}
