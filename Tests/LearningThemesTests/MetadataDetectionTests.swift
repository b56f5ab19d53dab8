import Foundation
import XCTest
@testable import LearningThemes

/// Metadata detection on the five seed documents (facts from corpus README) and on
/// small texts written to pin down one rule each.
final class MetadataDetectionTests: XCTestCase {
    private static let documents = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../corpus/documents")
        .standardizedFileURL

    private func detectSeed(_ name: String) throws -> DetectedMetadata {
        let url = Self.documents.appendingPathComponent(name)
        return MetadataDetector.detect(text: try String(contentsOf: url, encoding: .utf8))
    }

    // MARK: Seeds

    func testCamdenScrutinyReportOnTheAnnualReport2023To24() throws {
        let detected = try detectSeed("000_e02728fd870d2b9b.txt")
        XCTAssertEqual(detected.partnership?.value, "Camden Safeguarding Children Partnership")
        XCTAssertEqual(detected.areas?.value, ["London Borough of Camden"])
        XCTAssertEqual(detected.period?.value, "2023-24")
        XCTAssertEqual(detected.kind?.value, .committeeReport)
        XCTAssertEqual(detected.title?.value, "Camden Safeguarding Children Partnership – Annual Report 2023-24")
        XCTAssertEqual(detected.title?.line, 4)
        // The meeting's date, not the "Date: 26th November 2024" the officer signed on.
        XCTAssertEqual(detected.date?.value, "2024-12-10")
        XCTAssertEqual(detected.date?.line, 6)
        XCTAssertTrue(detected.date?.evidence.contains("DATE: 10 December 2024") ?? false)
        XCTAssertEqual(detected.missingFields, [])
    }

    func testCamdenFirstAnnualReportWithoutATitleLine() throws {
        let detected = try detectSeed("001_ac00c8670f1ab85a.txt")
        XCTAssertEqual(detected.partnership?.value, "Camden Safeguarding Children Partnership")
        XCTAssertEqual(detected.areas?.value, ["London Borough of Camden"])
        // The opening itself only mentions next year ("Over 2020-21"); the page header
        // the PDF repeats names the year reported on.
        XCTAssertEqual(detected.period?.value, "2019-20")
        XCTAssertEqual(detected.kind?.value, .annualReport)
        XCTAssertEqual(detected.title?.value, "Camden Safeguarding Children Partnership – Annual Report 2019/20")
        XCTAssertEqual(detected.title?.line, 910)
        XCTAssertNil(detected.date)
        XCTAssertEqual(detected.missingFields, ["date"])
    }

    func testCroydonScrutinyReportOnTheAnnualReport2022To23() throws {
        let detected = try detectSeed("002_99b8432725e0b66d.txt")
        XCTAssertEqual(detected.partnership?.value, "Croydon Safeguarding Children Partnership")
        XCTAssertEqual(detected.areas?.value, ["London Borough of Croydon"])
        XCTAssertEqual(detected.period?.value, "2022-23")
        XCTAssertEqual(detected.kind?.value, .committeeReport)
        XCTAssertEqual(detected.title?.value, "Croydon Safeguarding Children Partnership Annual Report 2022-23")
        XCTAssertEqual(detected.date?.value, "2023-11-14")
        XCTAssertEqual(detected.missingFields, [])
    }

    func testCamdenJointReportIsCreditedToTheChildrensPartnership() throws {
        let detected = try detectSeed("003_d2ec2fb248091264.txt")
        XCTAssertEqual(detected.partnership?.value, "Camden Safeguarding Children Partnership")
        XCTAssertEqual(detected.areas?.value, ["London Borough of Camden"])
        XCTAssertEqual(detected.period?.value, "2024-25")
        XCTAssertEqual(detected.kind?.value, .committeeReport)
        XCTAssertEqual(detected.title?.value, "Camden Safeguarding Partnerships: Annual Reports 2024-25")
        XCTAssertEqual(detected.date?.value, "2025-12-17")
        XCTAssertEqual(detected.missingFields, [])
    }

    func testBiBoroughAnnualReportInsideACommitteeAgenda() throws {
        let detected = try detectSeed("004_88e82ee6e365f5e3.txt")
        XCTAssertEqual(detected.partnership?.value,
                       "Kensington and Chelsea and Westminster Local Safeguarding Children Partnership")
        XCTAssertEqual(detected.areas?.value, ["Royal Borough of Kensington and Chelsea", "City of Westminster"])
        XCTAssertEqual(detected.period?.value, "2022-23")
        XCTAssertEqual(detected.kind?.value, .committeeReport)
        // The agenda's own "Title: Health & Wellbeing Board" names no kind of document.
        XCTAssertEqual(detected.title?.value, "Local Safeguarding Children Partnership Annual Report 2022/2023")
        XCTAssertEqual(detected.date?.value, "2024-01-25")
        XCTAssertEqual(detected.missingFields, [])
    }

    func testEvidenceIsTheTextOfTheLineItNames() throws {
        let url = Self.documents.appendingPathComponent("004_88e82ee6e365f5e3.txt")
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let detected = MetadataDetector.detect(text: lines.joined(separator: "\n"))
        let located: [(line: Int, evidence: String)?] = [
            detected.partnership.map { ($0.line, $0.evidence) }, detected.period.map { ($0.line, $0.evidence) },
            detected.kind.map { ($0.line, $0.evidence) }, detected.title.map { ($0.line, $0.evidence) },
        ]
        for case let (line, evidence)? in located {
            let quotedStart = String(evidence.prefix(20))
            XCTAssertTrue(lines[line - 1].contains(quotedStart), "line \(line) does not hold «\(evidence)»")
        }
    }

    // MARK: Periods

    func testPeriodSpellingsNormaliseToOneForm() {
        let cases: [(written: String, period: String?)] = [
            ("2023-24", "2023-24"),
            ("2023/24", "2023-24"),
            ("2023–24", "2023-24"),
            ("2022/2023", "2022-23"),
            ("2022-2023", "2022-23"),
            ("April 2022 to March 2023", "2022-23"),
            ("April 2022 - March 2023", "2022-23"),
            ("financial year 2022/23", "2022-23"),
            ("1999/00", "1999-00"),
            // Not one reporting year: a three-year plan, biennial priorities, a date.
            ("Children and Young People's Plan 2022-2025", nil),
            ("priority areas for 2024-26", nil),
            ("met on 2023-11-14", nil),
        ]
        for (written, period) in cases {
            let detected = MetadataDetector.detect(text: "Report\n\nThis covers \(written).\n")
            XCTAssertEqual(detected.period?.value, period, written)
        }
    }

    func testPeriodInTheTitleBeatsThePeriodMentionedMost() {
        let text = """
            REPORT TITLE: Leeds Safeguarding Children Partnership Annual Report 2021/22
            Over 2022-23 we will build on this. In 2022-23 the priorities change. 2022-23 again.
            """
        XCTAssertEqual(MetadataDetector.detect(text: text).period?.value, "2021-22")
        let untitled = text.replacingOccurrences(of: " Annual Report 2021/22", with: "")
        XCTAssertEqual(MetadataDetector.detect(text: untitled + "\nIn 2021-22 only once.").period?.value, "2022-23")
    }

    // MARK: Partnerships and areas

    func testSameInitialsInTwoBoroughsGiveTwoPartnerships() throws {
        let camden = try detectSeed("000_e02728fd870d2b9b.txt").partnership?.value
        let croydon = try detectSeed("002_99b8432725e0b66d.txt").partnership?.value
        XCTAssertNotNil(camden)
        XCTAssertNotEqual(camden, croydon)
    }

    func testPartnershipNameVariantsAndPlaceSpellings() {
        let cases: [(text: String, partnership: String?, areas: [String]?)] = [
            ("The Brighton & Hove Safeguarding Children Partnership met.",
             "Brighton and Hove Safeguarding Children Partnership", ["Brighton and Hove"]),
            ("NORTH YORKSHIRE SAFEGUARDING CHILDREN PARTNERSHIP",
             "North Yorkshire Safeguarding Children Partnership", ["North Yorkshire"]),
            ("Bath and North East Somerset Safeguarding Children Partnership",
             "Bath and North East Somerset Safeguarding Children Partnership", ["Bath and North East Somerset"]),
            ("the Local Safeguarding Children Partnership for Hammersmith and Fulham",
             "Hammersmith and Fulham Local Safeguarding Children Partnership",
             ["London Borough of Hammersmith and Fulham"]),
            ("St. Helens Safeguarding Children Partnership", "St Helens Safeguarding Children Partnership",
             ["Metropolitan Borough of St Helens"]),
            ("Annual report of the Wirral Safeguarding Children Board",
             "Wirral Safeguarding Children Board", ["Metropolitan Borough of Wirral"]),
            ("Cambridgeshire and Peterborough Safeguarding Partnership Board",
             "Cambridgeshire and Peterborough Safeguarding Partnership", ["Cambridgeshire", "Peterborough"]),
            ("the Leeds Safeguarding Children \nPartnership, wrapped by the PDF", "Leeds Safeguarding Children Partnership",
             ["City of Leeds"]),
            // No place, or a place only in lower-case prose: no full name to give.
            ("the Local Safeguarding Children Partnership", nil, nil),
            ("further reading Safeguarding Children Partnership guidance", nil, nil),
            // A blank line ends a name: a cover page's separate lines are not one name.
            ("Leeds\n\nSafeguarding Children Partnership", nil, nil),
        ]
        for (text, partnership, areas) in cases {
            let detected = MetadataDetector.detect(text: text)
            XCTAssertEqual(detected.partnership?.value, partnership, text)
            XCTAssertEqual(detected.areas?.value, areas, text)
        }
    }

    func testAChildrensPartnershipBeatsAGenericOneAndAPartnershipItsPredecessorBoard() {
        let text = """
            REPORT TITLE: Sutton Safeguarding Partnerships Annual Report 2022-23
            The Sutton Safeguarding Children Partnership replaced the Sutton Safeguarding Children Board.
            The Sutton Safeguarding Children Partnership met six times.
            """
        XCTAssertEqual(MetadataDetector.detect(text: text).partnership?.value,
                       "Sutton Safeguarding Children Partnership")
    }

    func testAreasComeFromTheTitleWhenNoPartnershipIsNamed() {
        let detected = MetadataDetector.detect(text: "# Joint targeted area inspection of Telford & Wrekin\n\nText.")
        XCTAssertNil(detected.partnership)
        XCTAssertEqual(detected.areas?.value, ["Telford and Wrekin"])
    }

    func testAuthorityTableHoldsEveryUpperTierAuthorityOnce() {
        let authorities = MetadataDetector.LocalAuthority.all
        XCTAssertEqual(authorities.count, 153)
        XCTAssertEqual(Set(authorities.map(\.officialName)).count, 153)
        var owners: [String: Set<String>] = [:]
        for authority in authorities {
            for name in authority.placeNames {
                owners[MetadataDetector.TextCleaning.lookupKey(name), default: []].insert(authority.officialName)
            }
        }
        XCTAssertEqual(owners.filter { $0.value.count > 1 }.keys.sorted(), [], "place names of two authorities")
        for official in ["London Borough of Camden", "Royal Borough of Greenwich", "City of Westminster",
                         "City of London", "Metropolitan Borough of Wirral", "City of Manchester", "Kent",
                         "Cumberland", "Westmorland and Furness", "County Durham", "City of Kingston upon Hull"] {
            XCTAssertTrue(authorities.contains { $0.officialName == official }, official)
        }
    }

    // MARK: Kinds

    func testKindFromTitleWordsMostSpecificFirst() {
        let cases: [(title: String, kind: DocumentKind)] = [
            ("# Rapid Review: Baby T", .rapidReview),
            ("# Local Child Safeguarding Practice Review: Child H", .practiceReview),
            ("# Serious Case Review: Child Q", .practiceReview),
            ("# Child Safeguarding Practice Review Panel: national review of child deaths", .nationalReview),
            ("# Multi-agency audit of neglect cases", .auditReport),
            ("# Joint targeted area inspection of Leeds", .inspectionReport),
            ("# 7 Minute Briefing: Neglect", .briefing),
            ("# Learning briefing: Child Q", .briefing),
            ("# Annual Report 2022-23", .annualReport),
            // Reviews are summarised inside annual reports; the title says which it is.
            ("# Annual Report 2022-23 including rapid reviews", .rapidReview),
        ]
        for (title, kind) in cases {
            let detected = MetadataDetector.detect(text: "\(title)\n\nThe Leeds partnership learns.\n")
            XCTAssertEqual(detected.kind?.value, kind, title)
        }
    }

    func testNationalReviewMentionedInTheBodyDoesNotMakeANationalReview() {
        let text = """
            # Leeds Safeguarding Children Partnership Annual Report 2022-23

            Learning from the national review of Child Q and the Child Safeguarding Practice Review Panel.
            """
        XCTAssertEqual(MetadataDetector.detect(text: text).kind?.value, .annualReport)
    }

    func testCommitteeCoverSheetPresentingAPracticeReviewStaysAPracticeReview() {
        let text = """
            REPORT TITLE: Local Child Safeguarding Practice Review: Child H
            REPORT OF: Director of Children's Services
            FOR SUBMISSION TO: Scrutiny Committee\tDATE: 3 March 2024
            """
        let detected = MetadataDetector.detect(text: text)
        XCTAssertEqual(detected.kind?.value, .practiceReview)
        XCTAssertEqual(detected.date?.value, "2024-03-03")
    }

    func testKindFromHowAnUntitledDocumentDescribesItself() {
        let text = """
            Foreword

            Safeguarding is shared in Leeds and this is
            the first annual report of the Leeds Safeguarding Children Partnership.
            """
        let detected = MetadataDetector.detect(text: text)
        XCTAssertNil(detected.title)
        XCTAssertEqual(detected.kind?.value, .annualReport)
        XCTAssertEqual(detected.kind?.line, 3)
        XCTAssertEqual(detected.partnership?.value, "Leeds Safeguarding Children Partnership")
        XCTAssertEqual(detected.partnership?.line, 4)
    }

    // MARK: Dates

    func testMeetingDateSpellings() {
        let cases: [(header: String, date: String?)] = [
            ("DATE: 10 December 2024", "2024-12-10"),
            ("DATE OF DECISION\t14th November 2023\t", "2023-11-14"),
            ("Meeting Date:\n\nThursday 25th January, 2024", "2024-01-25"),
            ("DATE 17 th December 2025", "2025-12-17"),
            ("Date: 14/11/2023", "2023-11-14"),
            ("Date: Sept 5, 2023", "2023-09-05"),
            ("DATE: 31 November 2023", nil),
            // A sentence, not a label.
            ("Date of birth is recorded as 1 May 2010", nil),
        ]
        for (header, date) in cases {
            XCTAssertEqual(MetadataDetector.detect(text: header).date?.value, date, header)
        }
    }

    /// `HeaderLabel.mayOpen` rules cells out before `match` reads them: it must never rule
    /// out a cell that `match` finds a label in, on the seeds' cells and on awkward ones.
    func testHeaderLabelPreTestRulesOutNoCellWithALabel() {
        let seeds = ["000_e02728fd870d2b9b.txt", "001_ac00c8670f1ab85a.txt", "002_99b8432725e0b66d.txt",
                     "003_d2ec2fb248091264.txt", "004_88e82ee6e365f5e3.txt"]
        let seedCells = seeds.flatMap { name in
            TestSupport.seed(name).split(separator: "\n").prefix(300).flatMap { $0.split(separator: "\t").map(String.init) }
        }
        let awkward = ["Date: 1 May 2024", "  # **REPORT TITLE:** x", "\u{00A0}Title: x", "\u{2003}Date", "##\u{00A0}Wards",
                       "**Meeting Date**", "DATE OF DECISION", "Dates", "Title:Health", "report of the panel", "Wards:",
                       "\u{0301}Date: x", "# ", "", "**", "The report", "Children: x", "7 Date"]
        var labels = 0
        for text in seedCells + awkward {
            let bytes = Array(text.utf8)
            let found = MetadataDetector.HeaderLabel.match(in: MetadataDetector.ScanText(bytes: bytes, range: 0..<bytes.count)) != nil
            let mayOpen = bytes.withUnsafeBufferPointer { MetadataDetector.HeaderLabel.mayOpen(0..<bytes.count, in: $0) }
            if found { labels += 1 }
            XCTAssertTrue(mayOpen || !found, text)
        }
        XCTAssertGreaterThan(labels, 10)
        XCTAssertFalse(Array("The report".utf8).withUnsafeBufferPointer { MetadataDetector.HeaderLabel.mayOpen(0..<10, in: $0) })
    }

    // MARK: Hostile and awkward text

    func testAFiveMegabyteSingleLineIsReadQuicklyAndNothingIsMadeUp() {
        let head = "Leeds Safeguarding Children Partnership annual report 2022-23. "
        // Near misses of every pattern, repeated without a line break: each must stay a miss.
        let filler = "Leeds 2022-2025 Safeguarding Children 2024-26 April 2022 until May 2023 12023-24 "
            + "this is not a briefing Title:x DATE 31 November 2023 <b Kent's "
        var text = head
        while text.utf8.count < 5 << 20 { text += filler }
        // A backtracking matcher would not finish this in the lifetime of the test run;
        // timing is measured by scripts/bench, not asserted here.
        let detected = MetadataDetector.detect(text: text)
        XCTAssertEqual(detected.partnership?.value, "Leeds Safeguarding Children Partnership")
        XCTAssertEqual(detected.partnership?.line, 1)
        XCTAssertEqual(detected.areas?.value, ["City of Leeds"])
        XCTAssertEqual(detected.period?.value, "2022-23")
        XCTAssertEqual(detected.missingFields, ["kind", "title", "date"])
        // Evidence is the words around the match, not the 5 MB line.
        XCTAssertLessThan(detected.partnership?.evidence.count ?? .max, 300)
    }

    func testNearMissesOfEveryPatternDetectNothing() {
        let inline = [
            "the Local Safeguarding Children Partnership", "leeds Safeguarding Children Partnership",
            "Leedsshire Safeguarding Children Partnership", "Leeds Safeguarding Children Partnerships",
            "Leeds Safeguarding Childrens' Partnership", "Leeds Safeguarding Adults Board",
            "Safeguarding Children Partnership for the people of Leeds", "Leeds’Safeguarding Children Partnership",
            "Plan 2022-2025", "priorities for 2024-26", "met on 2023-11-14", "reference 12023-24", "see 2023/24/25",
            "April 2022 to May 2023", "2023-245 entries", "1/2022-23", "20223-24",
            "this is the annual reporting cycle", "Annual Reporter", "auditors met inspectorates", "this is not a briefing",
            "this isn't an annual report", "this is the\n\nannual report",
        ]
        let labelled = [
            "DATE: 31 November 2023", "DATE: 123 May 2023", "DATE: 14/13/2023", "DATE: 5 Mayo 2023",
            "Date of birth is recorded as 1 May 2010", "Dates: 3 March 2024", "Title:Annual Report", "REPORT TITLES: Annual Report",
            "Report of the Independent Scrutineer", "Meeting Dates: 4 May 2023",
        ]
        let nearMisses = (0..<40).map { index in labelled[index % labelled.count] + "\n" + inline.joined(separator: " ") }
            .joined(separator: "\n")
        XCTAssertEqual(MetadataDetector.detect(text: nearMisses).missingFields, DetectedMetadata.fieldNames)

        // Among them, the real thing is still found, on its own line.
        let lastLine = nearMisses.components(separatedBy: "\n").count + 1
        XCTAssertLessThan(lastLine, MetadataDetector.DocumentText.openingLineCount)
        let detected = MetadataDetector.detect(text: nearMisses + "\nThe Wirral Safeguarding Children Partnership met in 2021-22.")
        XCTAssertEqual(detected.partnership?.value, "Wirral Safeguarding Children Partnership")
        XCTAssertEqual(detected.partnership?.line, lastLine)
        XCTAssertEqual(detected.period?.value, "2021-22")
        XCTAssertEqual(detected.period?.line, lastLine)
    }

    func testARunningTitleThousandsOfShortLinesInIsFoundAndNumbered() {
        // Years are looked for sixteen bytes at a time and lines counted the same way: the
        // title is found whatever its alignment, with its own line number.
        let prose = "Working together we kept children safe.\n"
        let title = "Camden Safeguarding Children Partnership – Annual Report 2019/20"
        for shift in 0..<20 {
            let lines = 3000 + shift % 3
            let text = String(repeating: "x", count: shift) + "\n" + String(repeating: prose, count: lines) + title + "\n" + prose
            let detected = MetadataDetector.detect(text: text)
            XCTAssertEqual(detected.title?.value, title, "shift \(shift)")
            XCTAssertEqual(detected.title?.line, lines + 2, "shift \(shift)")
            XCTAssertEqual(detected.partnership?.line, lines + 2, "shift \(shift)")
            XCTAssertEqual(detected.period?.value, "2019-20", "shift \(shift)")
        }
    }

    func testAnOpeningOfVeryLongLinesIsReadInFull() {
        // 200 lines of a thousand words each, the partnership named at the end of the last:
        // detection stays linear in the text it reads.
        let line = String(repeating: "word ", count: 1000) + "\n"
        let text = String(repeating: line, count: 199) + String(repeating: "word ", count: 1000)
            + "the Leeds Safeguarding Children Partnership annual report 2022-23\n"
        let detected = MetadataDetector.detect(text: text)
        XCTAssertEqual(detected.partnership?.value, "Leeds Safeguarding Children Partnership")
        XCTAssertEqual(detected.partnership?.line, 200)
        XCTAssertEqual(detected.period?.value, "2022-23")
    }

    func testValuesWithoutEvidenceAreTheValuesWithIt() throws {
        for name in ["000_e02728fd870d2b9b.txt", "001_ac00c8670f1ab85a.txt", "004_88e82ee6e365f5e3.txt"] {
            let bytes = Array(try Data(contentsOf: Self.documents.appendingPathComponent(name)))
            let quoted = MetadataDetector.detect(utf8: bytes, window: bytes.count)
            let bare = MetadataDetector.detect(utf8: bytes, window: bytes.count, quotesEvidence: false)
            XCTAssertEqual(bare.partnership?.value, quoted.partnership?.value, name)
            XCTAssertEqual(bare.areas?.value, quoted.areas?.value, name)
            XCTAssertEqual(bare.period?.value, quoted.period?.value, name)
            XCTAssertEqual(bare.kind?.value, quoted.kind?.value, name)
            XCTAssertEqual(bare.title?.value, quoted.title?.value, name)
            XCTAssertEqual(bare.date?.value, quoted.date?.value, name)
            XCTAssertEqual(bare.missingFields, quoted.missingFields, name)
            XCTAssertFalse(quoted.title?.evidence.isEmpty ?? true, name)
            XCTAssertEqual(bare.title?.evidence, "", name)
        }
    }

    func testWindowsLineEndsEndLines() {
        let text = "REPORT TITLE: Leeds Safeguarding Children Partnership Annual Report 2021/22\r\n"
            + "REPORT OF: Director of Children's Services\r\nDATE: 3 March 2024\r\n"
        let detected = MetadataDetector.detect(text: text)
        XCTAssertEqual(detected.title?.value, "Leeds Safeguarding Children Partnership Annual Report 2021/22")
        XCTAssertEqual(detected.kind?.value, .committeeReport)
        XCTAssertEqual(detected.date?.value, "2024-03-03")
        XCTAssertEqual(detected.date?.line, 3)
        XCTAssertEqual(detected.date?.evidence, "DATE: 3 March 2024")
    }

    func testWindowsLineEndsPastTheOpeningReadAsLineBreaks() {
        // The opening is checked for "\r" when the text is read; the rest only when a
        // running title is looked for there. Either way a "\r\n" reads as "\n".
        let prose = "Working together we kept children safe.\n"
        let title = "Camden Safeguarding Children Partnership – Annual Report 2019/20"
        let opening = String(repeating: prose, count: 300)
        for tail in ["\n", "\r\n"] {
            let rest = String(repeating: "Working together we kept children safe." + tail, count: 20)
            let text = opening + rest + title + tail + prose
            let detected = MetadataDetector.detect(text: text)
            XCTAssertEqual(detected.title?.value, title, tail.debugDescription)
            XCTAssertEqual(detected.title?.line, 321, tail.debugDescription)
            XCTAssertEqual(detected.title?.evidence, title, tail.debugDescription)
            XCTAssertEqual(detected.period?.value, "2019-20", tail.debugDescription)
        }
    }

    // MARK: Nothing to detect, and the manifest

    func testADocumentWithNothingDetectableReportsEveryFieldMissing() {
        let detected = MetadataDetector.detect(text: """
            Minutes of the allotment society

            We discussed compost, the water butts and the summer show.
            """)
        XCTAssertNil(detected.partnership)
        XCTAssertNil(detected.areas)
        XCTAssertNil(detected.period)
        XCTAssertNil(detected.kind)
        XCTAssertNil(detected.title)
        XCTAssertNil(detected.date)
        XCTAssertEqual(detected.missingFields, ["partnership", "areas", "period", "kind", "title", "date"])
        XCTAssertEqual(MetadataDetector.detect(text: "").missingFields.count, 6)
    }

    func testManifestValuesWinAndEmptyOnesAreFilled() throws {
        let detected = try detectSeed("000_e02728fd870d2b9b.txt")
        let manifest = DocumentMetadata(id: "camden-2023-24-scrutiny", path: "documents/000_e02728fd870d2b9b.txt",
                                        partnership: "Camden Safeguarding Children Partnership (manual)",
                                        period: "2022-23", kind: .annualReport, title: "  ")
        let merged = detected.applying(to: manifest)
        XCTAssertEqual(merged.id, "camden-2023-24-scrutiny")
        XCTAssertEqual(merged.path, "documents/000_e02728fd870d2b9b.txt")
        XCTAssertEqual(merged.partnership, "Camden Safeguarding Children Partnership (manual)")
        XCTAssertEqual(merged.period, "2022-23")
        XCTAssertEqual(merged.kind, .annualReport)
        XCTAssertEqual(merged.areas, ["London Borough of Camden"])
        XCTAssertEqual(merged.title, "Camden Safeguarding Children Partnership – Annual Report 2023-24")
        XCTAssertEqual(merged.date, "2024-12-10")

        let manualAreas = DocumentMetadata(id: "x", path: "x", areas: ["City of Westminster"])
        XCTAssertEqual(detected.applying(to: manualAreas).areas, ["City of Westminster"])
    }
}
