import Foundation
import XCTest
@testable import LearningThemes

/// The paragraph segmenter on excerpts copied from the seed documents (file and line
/// numbers in each test), on the whole seeds, and on hostile input.
final class SegmenterTests: XCTestCase {
    private let segmenter = ParagraphSegmenter()

    private func texts(_ paragraphs: [Paragraph]) -> [String] { paragraphs.map(\.text) }

    // MARK: Wrapped lines and hyphenation

    /// 001, lines 627-634: a two-line numbered heading over a paragraph wrapped at the
    /// column width, with "cross-" + "pollination" split at a line end.
    func testWrappedParagraphUnderTwoLineHeadingIsOneParagraph() {
        let text = """
         1.7 Connectivity with other Boards and 
        Committees 
        We know that national and local studies shows that vulnerable families 
        are best supported when there is effective joint working between adult 
        and children facing services. In Camden, there’s connectivity between 
        the CSCP and other strategic partnership Boards, with joint membership 
        enabling mutual challenge, support, knowledge sharing and cross-
        pollination of new ways of thinking and working together.
        """
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(paragraphs.count, 1)
        XCTAssertEqual(paragraphs.first?.section, "Connectivity with other Boards and Committees")
        XCTAssertEqual(paragraphs.first?.lines, 3...8)
        XCTAssertEqual(paragraphs.first?.text, "We know that national and local studies shows that vulnerable families are best "
            + "supported when there is effective joint working between adult and children facing services. In Camden, "
            + "there’s connectivity between the CSCP and other strategic partnership Boards, with joint membership enabling "
            + "mutual challenge, support, knowledge sharing and cross-pollination of new ways of thinking and working together.")
    }

    /// 001, lines 729-742: "out-" + "of-school" keeps its hyphen, and the bullet goes on
    /// after a blank line where the page broke mid-sentence ("There were" / "approx. 47").
    func testBulletContinuesAcrossPageBreakAndKeepsCompoundHyphen() {
        let text = """
        1.8.1 Safeguarding Children in the Community: 
        Out-of-School Settings and Supplementary Schools

        • Camden’s Community and Outreach programme works with out-
        of-school settings (OOSSs) including supplementary schools, arts 
        and sports clubs or tuition centres attended by children in Camden. 
        Through community outreach and networking, the service has 
        improved understanding of the profile of local settings. There were 

        approx. 47 active OOSSs known in Camden in 2019-20. By working 
        with safeguarding partners, funding arrangements for 2019-20 have 
        had a strengthened focus on safeguarding standards. Some of the 
        ways in which community safeguarding awareness has been improved 
        is detailed below:
        """
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(paragraphs.count, 1)
        let item = paragraphs[0]
        XCTAssertEqual(item.role, .listItem)
        XCTAssertEqual(item.lines, 4...14)
        XCTAssertEqual(item.section, "Safeguarding Children in the Community: Out-of-School Settings and Supplementary Schools")
        XCTAssertTrue(item.text.hasPrefix("Camden’s Community and Outreach programme works with out-of-school settings (OOSSs)"))
        XCTAssertTrue(item.text.contains("local settings. There were approx. 47 active OOSSs known in Camden in 2019-20."))
        XCTAssertTrue(item.text.hasSuffix("has been improved is detailed below:"))
    }

    /// 001, lines 1260-1265: hyphens that belong to the words survive the line end:
    /// "(February-" + "March 2020)", "multi-" + "agency".
    func testRealHyphensAtLineEndsAreKept() {
        let text = """
        This was particularly the case in the early days of Coivd-19 (February-
        March 2020), where are web and social media campaigns were 
        synchronised with Camden Council’s to ensure the latest Government 
        advice as well as details of any changes to local safeguarding and 
        support services was promptly updated and accessible to local multi-
        agency professionals.
        """
        let paragraph = segmenter.segment(text).first?.text ?? ""
        XCTAssertTrue(paragraph.contains("Coivd-19 (February-March 2020), where"))
        XCTAssertTrue(paragraph.contains("accessible to local multi-agency professionals."))
    }

    /// 001, lines 7-9 re-wrapped so that "safeguarding" is hyphenated across the line
    /// end, as PDF extraction does: that hyphen is not part of the word.
    func testHyphenationOfAWordIsUndone() {
        let text = """
        This report analyses how the Camden Safeguarding Children Partnership (CSCP) has operated under the new safe-
        guarding arrangements - maintaining good governance and oversight
        """
        XCTAssertEqual(segmenter.segment(text).first?.text,
                       "This report analyses how the Camden Safeguarding Children Partnership (CSCP) has operated "
                       + "under the new safeguarding arrangements - maintaining good governance and oversight")
    }

    /// 001, lines 1065-1081: a short line over a paragraph is its heading; the lines of
    /// the paragraphs are joined.
    func testShortLineOverParagraphBecomesItsSection() {
        let text = """
        Financial difficulties 
        If the young person is unemployed and they do not have enough 
        money to cover their expenses, they could fall into debt and this 
        could result in serious difficulties. Peer pressure could also feed 
        into financial difficulties and young people could end up in situations 
        where they are unable to afford their expenses due to bad decisions.
        """
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(paragraphs.count, 1)
        XCTAssertEqual(paragraphs.first?.section, "Financial difficulties")
        XCTAssertEqual(paragraphs.first?.lines, 2...6)
        XCTAssertTrue(paragraphs.first?.text.hasPrefix("If the young person is unemployed and they do not have enough money") ?? false)
    }

    // MARK: Inline HTML

    /// 000, lines 7-8: paragraphs and an inline-numbered list on two lines of HTML.
    func testHTMLFragmentSplitsIntoParagraphsAndListItems() {
        let text = """
        <p>SUMMARY OF REPORT</p> <p>In response to the Children and Social Work Act 2017, and publication of Working Together to Safeguard Children 2023, the Camden Safeguarding Children Partnership (CSCP) replaced the Camden Safeguarding Children Board (CSCB) on 1st July 2019. The statutory guidance set out what is expected of organisations, individually and jointly, to safeguard and promote the welfare of children.</p> <p>The CSCP is led by four statutory safeguarding partners who hold equal responsibility for safeguarding children. The statutory safeguarding partners are Camden Council, NHS North Central London Integrated Care Board (ICB), Central North Basic Command Unit of the London Metropolitan Police Service and Camden Learning (delegated safeguarding partner).</p> <p>The annual report 2023-24 analyses the impact of the CSCP in maintaining good governance and strategic oversight of the quality and performance of the local multiagency safeguarding arrangements within Camden. The CSCP has submitted the annual report to the Child Safeguarding Practice Review panel in September as is required and is published on the CSCP website (www.cscp.org.uk).</p> <p>Local Government Act 1972 – Access to Information No documents that require listing have been used in the preparation of this report.</p> <p>Contact Officer: Tim Aldridge, Executive Director of Children and Learning, Camden Council 8th Floor, 5 Pancras, London, N1C 4AG Tim.Aldridge@camden.gov.uk</p>\t
        <p>RECOMMENDATIONS</p> <p>The Children Schools and Families Scrutiny Committee asked to:</p> <ol style="list-style-type: none"> 1) Comment on and note the outcomes achieved by the CSCP set out in the 2023-24 Annual Report (Appendix 1) and the CSCP objectives set out in the Business Plan (Appendix 2) 2) Provide feedback to the local statutory safeguarding partners for children. 3) Note the report. \t
        """
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(paragraphs.count, 9)
        XCTAssertEqual(paragraphs.map(\.role), [.body, .body, .body, .body, .body, .body, .listItem, .listItem, .listItem])
        XCTAssertEqual(paragraphs[0].section, "SUMMARY OF REPORT")
        XCTAssertEqual(paragraphs[0].lines, 1...1)
        XCTAssertTrue(paragraphs[0].text.hasPrefix("In response to the Children and Social Work Act 2017"))
        XCTAssertEqual(paragraphs[4].text, "Contact Officer: Tim Aldridge, Executive Director of Children and Learning, "
            + "Camden Council 8th Floor, 5 Pancras, London, N1C 4AG Tim.Aldridge@camden.gov.uk")
        XCTAssertEqual(paragraphs[5].text, "The Children Schools and Families Scrutiny Committee asked to:")
        XCTAssertEqual(paragraphs[5].section, "RECOMMENDATIONS")
        XCTAssertEqual(paragraphs[5].lines, 2...2)
        XCTAssertEqual(texts(Array(paragraphs[6...])), [
            "Comment on and note the outcomes achieved by the CSCP set out in the 2023-24 Annual Report (Appendix 1) "
                + "and the CSCP objectives set out in the Business Plan (Appendix 2)",
            "Provide feedback to the local statutory safeguarding partners for children.",
            "Note the report.",
        ])
        XCTAssertFalse(paragraphs.contains { $0.text.contains("<") || $0.text.contains(">") })
    }

    /// 003, line 7: a bullet list inside <ul> with no closing tag, then more paragraphs.
    func testHTMLBulletListWithoutClosingTag() {
        let text = """
        SUMMARY OF REPORT <p>Safeguarding is a statutory duty under the Children Act 1989 and Care Act 2014, and is delivered in Camden through multi-agency partnerships, namely the Camden Safeguarding Children Partnership (CSCP) and Safeguarding Adults Partnership Board (SAPB). These partnerships publish annual reports reviewing governance, performance, serious case learning, and setting improvement priorities.</p> <p>This report aims to:</p> <ul style="list-style-type: none"> • Share the 2024/25 annual reports of Camden's two safeguarding partnerships. • Provide an overview of priorities for 2025/26 and help identify shared strategic priorities between the partnerships and the Health and Wellbeing Board. • Enable the Board to consider learning opportunities across the partnerships. <p>Local Government Act 1972 – Access to Information No documents requiring listing have been used in the preparation of this report.</p>\t
        """
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(paragraphs.map(\.role), [.body, .body, .listItem, .listItem, .listItem, .body])
        XCTAssertEqual(paragraphs[1].text, "This report aims to:")
        XCTAssertEqual(paragraphs[2].text, "Share the 2024/25 annual reports of Camden's two safeguarding partnerships.")
        XCTAssertEqual(paragraphs[4].text, "Enable the Board to consider learning opportunities across the partnerships.")
        XCTAssertTrue(paragraphs.allSatisfy { $0.section == "SUMMARY OF REPORT" })
    }

    // MARK: Numbered clauses and bullets

    /// 002, lines 31-33 and 43-58: clause numbers ("- 4.1", "4.7**") are dropped, broken
    /// bold markers go, a clause cut by a page break is rejoined, dash bullets are items.
    func testNumberedClausesAndDashBullets() {
        let text = """
        4 BACKGROUND AND DETAILS

        - 4.1 The CSCP Annual Report aims to answer 2 key questions. The report does this in more detail, using the framework of The What?, The So What?, The Why Not? and The What Next? In summary the 2 key questions can be answered as follows:

        - 4.6 ***Is the Croydon Safeguarding Children Partnership ensuring how effective the activities of local organisations are, to safeguard and promote the welfare of children?***

        - 4.7** Answer: Mostly. There is evidence of quality work to safeguard children and promote their welfare, however the quantitative evidence provided by audits and data is neither embedded as a process or formatted in a way to drive improvement. There is also a wealth of initiatives and work to support children in Croydon to flourish, where their voice is influencing service provision, but we have not been able to adequately collate this other than in separate activities to promote awareness. The Business Plan for 2023-24 is addressing this.
        - 4.8** The annual report covers the financial year April 2022 - March 2023. It is a public facing document which will be published on the [CSCP website](#).
        - 4.13** The Safeguarding Practice Review Group conducted 4 Rapid Reviews relating to children who have died or were seriously injured; and neglect or abuse was suspected. Two were very young infants who died.
        - 4.14** The CSCP completed 3 Safeguarding Practice Reviews which had been started in previous years. Two were cases where children took their own lives (‘Jake’ has been published. However, the outcome of the inquest is preventing the publication of ‘Chloe’ and ‘Cora’ relates physical injuries inflicted on a child under 1, (probably by her parents)

        which is still awaiting the outcome of criminal process. Whilst awaiting the outcomes, the learning from these cases (as well as national cases of interest) has been shared widely in briefings, on-line and in-person events. Wicked issues include:

        - poor or inconsistent information sharing across agencies
        - lack of professional curiosity by some practitioners
        - the importance of identifying and engaging with fathers/male carers
        """
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(paragraphs.count, 9)
        XCTAssertTrue(paragraphs.allSatisfy { $0.section == "BACKGROUND AND DETAILS" })
        XCTAssertTrue(paragraphs[0].text.hasPrefix("The CSCP Annual Report aims to answer 2 key questions."))
        XCTAssertEqual(paragraphs[1].text, "Is the Croydon Safeguarding Children Partnership ensuring how effective the activities "
            + "of local organisations are, to safeguard and promote the welfare of children?")
        XCTAssertTrue(paragraphs[2].text.hasPrefix("Answer: Mostly. There is evidence"))
        XCTAssertTrue(paragraphs[3].text.hasSuffix("which will be published on the CSCP website."))
        XCTAssertTrue(paragraphs[4].text.hasPrefix("The Safeguarding Practice Review Group conducted 4 Rapid Reviews"))
        XCTAssertTrue(paragraphs[5].text.contains("(probably by her parents) which is still awaiting the outcome of criminal process."))
        XCTAssertEqual(paragraphs[5].lines, 10...12)
        XCTAssertEqual(Array(paragraphs[0...5].map(\.role)), Array(repeating: .body, count: 6))
        XCTAssertEqual(texts(Array(paragraphs[6...])), [
            "poor or inconsistent information sharing across agencies",
            "lack of professional curiosity by some practitioners",
            "the importance of identifying and engaging with fathers/male carers",
        ])
        XCTAssertEqual(Array(paragraphs[6...].map(\.role)), [.listItem, .listItem, .listItem])
    }

    /// 001, lines 248-258: tick bullets, each item with its wrapped lines.
    func testTickBulletsAreItemsWithTheirContinuationLines() {
        let text = """
        What we do?
         ✔ Proactively identify and respond to new and emerging safeguarding 
        issues and develop multi-agency policies, procedures, and work 
        streams. 

         ✔ Communicate widely to persons and bodies of the need to safeguard 
        and promote the welfare of children, raising their awareness of how 
        this can best be done and encouraging them to do so.

         ✔ Oversee, evaluate and seek assurance on the effectiveness single/ 
        multi-agency safeguarding practice in order to drive improvement.
        """
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(texts(paragraphs), [
            "What we do?",
            "Proactively identify and respond to new and emerging safeguarding issues and develop multi-agency policies, "
                + "procedures, and work streams.",
            "Communicate widely to persons and bodies of the need to safeguard and promote the welfare of children, raising "
                + "their awareness of how this can best be done and encouraging them to do so.",
            "Oversee, evaluate and seek assurance on the effectiveness single/ multi-agency safeguarding practice in order to "
                + "drive improvement.",
        ])
        XCTAssertEqual(paragraphs.map(\.role), [.body, .listItem, .listItem, .listItem])
        XCTAssertEqual(paragraphs.map(\.lines), [1...1, 2...4, 6...8, 10...11])
    }

    /// 001, lines 1194-1212: round bullets under a numbered heading.
    func testRoundBulletsUnderNumberedHeading() {
        let text = """
        1.10.4 COVID-19 Heightened safeguarding areas of risk 

        It was clear that domestic violence and mental health will be amongst 
        areas that pose elevated safeguarding risks for children and young 
        people. In light of this, a COVID-19 risk register and dataset was 
        formulated to seek assurance that risk was being identified and the multi-
        agency safeguarding response in Camden remained robust. Heightened 
        safeguarding areas of risks identified included:

        • Reduced visibility of vulnerable children due to nursery/ school 
        closures and social distancing measures.

        • Increased incidents of domestic abuse and violence in the household.

        • Heightened risk of abuse and neglect due to increased pressures 
        placed on vulnerable families.
        """
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(paragraphs.count, 4)
        XCTAssertTrue(paragraphs.allSatisfy { $0.section == "COVID-19 Heightened safeguarding areas of risk" })
        XCTAssertTrue(paragraphs[0].text.contains("identified and the multi-agency safeguarding response"))
        XCTAssertEqual(Array(texts(paragraphs)[1...]), [
            "Reduced visibility of vulnerable children due to nursery/ school closures and social distancing measures.",
            "Increased incidents of domestic abuse and violence in the household.",
            "Heightened risk of abuse and neglect due to increased pressures placed on vulnerable families.",
        ])
        XCTAssertEqual(Array(paragraphs[1...].map(\.role)), [.listItem, .listItem, .listItem])
    }

    // MARK: Tables

    /// 002, lines 5-13: one paragraph per row, cells joined, empty cells and tags dropped.
    func testTabSeparatedRowsAreTableRows() {
        let text = """
        REPORT:\tSCRUTINY – Children & Young People Sub-Committee\t
        DATE OF DECISION\t14th November 2023\t
        REPORT TITLE:\tCroydon Safeguarding Children Partnership Annual Report 2022-23\t
        KEY DECISION? [Insert Ref. Number if a Key Decision] <i>Guidance: A Key Decision reference number will be allocated upon submission of a forward plan entry to Democratic Services.</i>\tNo\tREASON: N/A
        CONTAINS EXEMPT INFORMATION? <i>(* See guidance)</i>\tNO\tPublic
        WARDS AFFECTED:\tALL\t
        """
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(texts(paragraphs), [
            "REPORT: | SCRUTINY – Children & Young People Sub-Committee",
            "DATE OF DECISION | 14th November 2023",
            "REPORT TITLE: | Croydon Safeguarding Children Partnership Annual Report 2022-23",
            "KEY DECISION? [Insert Ref. Number if a Key Decision] Guidance: A Key Decision reference number will be "
                + "allocated upon submission of a forward plan entry to Democratic Services. | No | REASON: N/A",
            "CONTAINS EXEMPT INFORMATION? (* See guidance) | NO | Public",
            "WARDS AFFECTED: | ALL",
        ])
        XCTAssertTrue(paragraphs.allSatisfy { $0.role == .tableRow })
        XCTAssertEqual(paragraphs.map(\.lines.lowerBound), [1, 2, 3, 4, 5, 6])
    }

    /// 004, lines 157-166: a table of contents (titles and page numbers, with "Page" and
    /// "Σ" debris in the first column) is dropped.
    func testTableOfContentsRowsAreDropped() {
        let text = """
        \tForeword from the LSCP Independent Chair\t4
        \tIntroduction to our Annual Report\t5
        \tOur Purpose\t5
        \tStructure of the Local Safeguarding Children Partnership\t7
        Page\tThe Royal Borough of Kensington and Chelsea Health and Wellbeing JSNA Spring 2023\t8-9
        Σ\tThe City of Westminster Health and Wellbeing JSNA Spring 2023\t10-1
        \tOur Children and Young People Data 31 March 2023\t12
        """
        XCTAssertEqual(segmenter.segment(text), [])
    }

    // MARK: Page furniture

    /// 001, lines 3266-3286: a page break inside a paragraph, with addresses, a footer
    /// and the running title between its two halves.
    func testPageFurnitureIsDroppedAndTheParagraphRejoined() {
        let text = """
        b) Quality of safeguarding reports

        CNWL have completed an audit to determine the quality of safeguarding 
        reports submitted to Child Protection Case Conferences, covering all 
        health visiting and school nursing teams within Camden. In the 
        majority of cases, there was evidence of conference reports 
        being provided and attendance at the conference by the 

        http://cscp.org.uk
        https://www.twitter.com/camdenscp


        cscp.org.uk | @CamdenSCP 65

        Camden Safeguarding Children Partnership – Annual Report 2019/20 CSCP learning and improvement framework

        relevant professional. Although it was noted that the reports could be 
        submitted earlier to allow details to be shared with parents and children, 
        if appropriate in advance of the conference. The importance of this will be 
        emphasised with Health Visitors and School Nurses and re-audited in the 
        future to explore improvements. 
        """
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(paragraphs.count, 2)
        XCTAssertEqual(paragraphs[0].text, "Quality of safeguarding reports")
        XCTAssertEqual(paragraphs[0].role, .listItem)
        XCTAssertTrue(paragraphs[1].text.contains("attendance at the conference by the relevant professional. Although it was noted"))
        XCTAssertEqual(paragraphs[1].lines, 3...21)
        XCTAssertFalse(paragraphs.contains { $0.text.contains("cscp.org.uk") || $0.text.contains("Annual Report 2019/20") })
    }

    /// 004, lines 745-749 and 760-764: page labels, a truncated label ("age 21") and a
    /// lone page number go; the heading after them still heads the next paragraph.
    func testPageLabelsAndNumbersAreDropped() {
        let text = """
        Page 23

        age 21

        16

        Page

        ### **Transitional Safeguarding**

        Recognising the changing and emerging needs of young people aged 16 to 25, the Local Safeguarding Children Partnership (LSCP) have worked in partnership with the Safeguarding Adults Executive Board (SAEB) to develop a framework that will inform how we safeguard young people aged 16 to 25.
        """
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(paragraphs.count, 1)
        XCTAssertEqual(paragraphs.first?.section, "Transitional Safeguarding")
        XCTAssertEqual(paragraphs.first?.lines, 11...11)
    }

    // MARK: Headings

    /// 000, lines 27-33: numbered section headings become the section of what follows.
    func testNumberedHeadingsAreSectionsNotParagraphs() {
        let text = """
        3. Introduction (Annual Report Chapter 1-3)

        The CSCP's shared vision is that all children and young people in Camden are **safe, thriving and heard**. Camden is home to approximately 37, 068 children, who make up 17% of the estimated resident population of 218,049.

        4. Background (Annual Report Chapter 1)

        In December 2023, the Government published statutory guidance 'Working Together to Safeguard Children 2023' (WT23), which sets out what is expected of organisations, individually and jointly, to safeguard and promote the welfare of children.
        """
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(paragraphs.count, 2)
        XCTAssertEqual(paragraphs[0].section, "Introduction (Annual Report Chapter 1-3)")
        XCTAssertTrue(paragraphs[0].text.hasPrefix("The CSCP's shared vision is that all children and young people in Camden are safe, thriving and heard."))
        XCTAssertEqual(paragraphs[1].section, "Background (Annual Report Chapter 1)")
        XCTAssertEqual(paragraphs.map(\.index), [0, 1])
        XCTAssertEqual(paragraphs.map(\.lines), [3...3, 7...7])
    }

    /// 001, lines 2094-2101: a numbered list whose first item is short is not a heading.
    func testNumberedListItemIsNotTakenForAHeading() {
        let text = """
        1. Corporate approach to DVA 

        2. Housing policy including housing allocations and eviction. 

        3. Employment opportunities and support for families 
        experiencing DVA.

        4. Working with perpetrators of DVA.
        """
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(texts(paragraphs), [
            "Corporate approach to DVA",
            "Housing policy including housing allocations and eviction.",
            "Employment opportunities and support for families experiencing DVA.",
            "Working with perpetrators of DVA.",
        ])
        XCTAssertTrue(paragraphs.allSatisfy { $0.role == .listItem && $0.section == nil })
    }

    /// Committee minutes letter their points in brackets, "(a) ... (b) ...", and number
    /// resolutions "(1)": those are list items with the marks stripped, whether the items
    /// are apart or on consecutive lines. "(see above)" and a year in brackets are not marks.
    func testBracketedLettersAndNumbersMarkListItems() {
        let text = """
        Key points highlighted to Members included the following:

        (a) the inspection took place in November;
        (b) a letter summarising the findings had been received;

        (12) That the content of the report be noted.

        (see above) the partnership agreed the plan.
        (2019) was the first year of the new arrangements.
        """
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(texts(paragraphs), [
            "Key points highlighted to Members included the following:",
            "the inspection took place in November;",
            "a letter summarising the findings had been received;",
            "That the content of the report be noted.",
            "(see above) the partnership agreed the plan. (2019) was the first year of the new arrangements.",
        ])
        XCTAssertEqual(paragraphs.map(\.role), [.body, .listItem, .listItem, .listItem, .body])
    }

    /// 001, lines 3455-3479: the last item of a numbered list is an item, not the heading
    /// of the paragraph after the list, even though it is short and a paragraph follows.
    func testLastItemOfANumberedListIsNotAHeading() {
        let text = """
        5.5.1 Safeguarding children with complex medical needs

        In January 2020, the CSCP organised a case learning event. The events objectives included:

        1. To improve outcomes for children with complex medical needs 
        and their families through better multi-agency working

        2. To understand the challenges experienced when working with 
        children with complex medical needs

        3. To support and empower professionals to manage safeguarding 
        cases involving children with complex medical needs

        100% of delegates agreed that the workshop met the identified aims and 
        objectives.
        """
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(paragraphs.map(\.role), [.body, .listItem, .listItem, .listItem, .body])
        XCTAssertEqual(Set(paragraphs.map(\.section)), ["Safeguarding children with complex medical needs"])
        XCTAssertEqual(paragraphs[3].text, "To support and empower professionals to manage safeguarding cases involving children with complex medical needs")
    }

    /// 004, lines 627-629, 766-774 and 1103-1105: Markdown and bold-only headings; a
    /// heading that runs on into a lower-case line is the start of its paragraph.
    func testMarkdownAndBoldHeadings() {
        let text = """
        #### **Health partners**

        Northwest London Collaboration of Clinical Commissioning Groups (CCG), transitioned to Northwest London (NWL) Integrated Care Board (ICB) from the 1 of July 2022.

        **Supporting Afghan Evacuees and Ukraine Refugees** 

        #### **Provision for Afghan Evacuees**

        Many of our partners have collaborated to support the needs of the Afghan evacuees who arrived in our area in August 2021 following the withdrawal of coalition armed forces from Afghanistan.

        #### **Working Together to Safeguard Children 2018**

        is the statutory guidance that sets out what is expected of agencies, organisations and individuals to safeguard and promote the welfare of children in their area.
        """
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(paragraphs.count, 3)
        XCTAssertEqual(paragraphs[0].section, "Health partners")
        XCTAssertEqual(paragraphs[1].section, "Provision for Afghan Evacuees")
        XCTAssertEqual(paragraphs[2].section, "Provision for Afghan Evacuees")
        XCTAssertEqual(paragraphs[2].text, "Working Together to Safeguard Children 2018 is the statutory guidance that sets out "
            + "what is expected of agencies, organisations and individuals to safeguard and promote the welfare of children in their area.")
        XCTAssertEqual(paragraphs[2].lines, 11...13)
    }

    // MARK: Whole seeds

    func testSeed000() throws { try checkSeed("000_e02728fd870d2b9b.txt", count: 80...140) }
    func testSeed001() throws { try checkSeed("001_ac00c8670f1ab85a.txt", count: 550...950) }
    func testSeed002() throws { try checkSeed("002_99b8432725e0b66d.txt", count: 70...130) }
    func testSeed003() throws { try checkSeed("003_d2ec2fb248091264.txt", count: 55...100) }
    func testSeed004() throws { try checkSeed("004_88e82ee6e365f5e3.txt", count: 350...600) }

    /// 001 repeats the chapter name "Foreword" and the report title on its pages, and
    /// prints its footer between them; none of that is a paragraph.
    func testRunningTitlesOfSeed001AreDropped() throws {
        let paragraphs = segmenter.segment(try SeedFiles.text("001_ac00c8670f1ab85a.txt"))
        let dropped = ["Foreword", "About the CSCP", "CSCP Priorities", "Camden Safeguarding Children Partnership – Annual Report 2019/20"]
        for title in dropped { XCTAssertFalse(paragraphs.contains { $0.text == title }, title) }
        XCTAssertEqual(paragraphs.first?.section, "Foreword from the statutory safeguarding partners")
        XCTAssertEqual(paragraphs.first?.lines, 3...10)
        XCTAssertEqual(paragraphs.dropFirst().first?.lines, 12...24)
    }

    private func checkSeed(_ name: String, count: ClosedRange<Int>, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try SeedFiles.text(name)
        let paragraphs = segmenter.segment(text)
        XCTAssertTrue(count.contains(paragraphs.count), "\(paragraphs.count) paragraphs", file: file, line: line)
        XCTAssertEqual(segmenter.segment(Array(text.utf8)), paragraphs, "bytes and String disagree", file: file, line: line)
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        var previousStart = 0
        for (position, paragraph) in paragraphs.enumerated() {
            let quoted = "\(name) [\(position)] \(paragraph.text.prefix(80))"
            XCTAssertEqual(paragraph.index, position, quoted, file: file, line: line)
            for debris in ["<p>", "**", "http://cscp.org.uk", "cscp.org.uk |", "\t"] {
                XCTAssertFalse(paragraph.text.contains(debris), "\(debris) in \(quoted)", file: file, line: line)
            }
            // The partnership's handle is prose in 001 ("twitter account @CamdenSCP which has
            // reached 240 followers"); only its page footer must go.
            if paragraph.text.contains("@CamdenSCP") {
                XCTAssertGreaterThan(paragraph.text.split(separator: " ").count, 15, quoted, file: file, line: line)
            }
            XCTAssertFalse(paragraph.text.contains("  ") || paragraph.text.hasPrefix(" ") || paragraph.text.hasSuffix(" "),
                           quoted, file: file, line: line)
            XCTAssertTrue(paragraph.text.contains { $0.isLetter }, quoted, file: file, line: line)
            XCTAssertTrue(paragraph.lines.lowerBound >= previousStart && paragraph.lines.upperBound <= lineCount,
                          quoted, file: file, line: line)
            previousStart = paragraph.lines.lowerBound
        }
    }

    // MARK: Hostile input

    func testDeeplyNestedFragmentNeedsNoRecursion() {
        let depth = 10_000
        let text = String(repeating: "<div>", count: depth) + "Children were seen alone."
            + String(repeating: "</div>", count: depth)
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(texts(paragraphs), ["Children were seen alone."])
        XCTAssertEqual(paragraphs.first?.lines, 1...1)
    }

    func testDeeplyNestedListsAndUnclosedTags() {
        let text = String(repeating: "<ul><li><b><i>", count: 10_000) + "Neglect was identified."
        XCTAssertEqual(texts(segmenter.segment(text)), ["Neglect was identified."])
    }

    func testNulBytesAreBlanks() {
        let bytes = Array("Safeguarding\u{0}children is everyone's\u{0}\u{0}responsibility.\n\u{0}\n\u{0}Page 3\u{0}\n".utf8)
        XCTAssertEqual(texts(segmenter.segment(bytes)), ["Safeguarding children is everyone's responsibility."])
    }

    func testInvalidAndControlBytesDoNotTrap() {
        var bytes: [UInt8] = []
        for value in 0..<4096 { bytes.append(UInt8(truncatingIfNeeded: value &* 37 &+ value >> 3)) }
        bytes += Array("\n<p>&#0; &#x110000; &amp &; [a](</p>\n**\n*\n".utf8)
        let paragraphs = segmenter.segment(bytes)
        XCTAssertTrue(paragraphs.allSatisfy { !$0.text.isEmpty })
        XCTAssertEqual(segmenter.segment([]), [])
        XCTAssertEqual(segmenter.segment("\n\n\u{C}\n"), [])
    }

    /// A long single line full of unmatched openers is one paragraph, found in time
    /// proportional to its length (an unbounded search per opener would take hours here).
    func testLongLineOfUnmatchedMarkup() {
        let unit = "Information sharing < between [agencies & partners * was ( poor. "
        let text = String(repeating: unit, count: 40_000)
        let paragraphs = segmenter.segment(text)
        XCTAssertEqual(paragraphs.count, 1)
        XCTAssertEqual(paragraphs.first?.text.utf8.count, text.utf8.count - 1)
    }

    func testWindowsLineEndings() {
        let text = "Partners met weekly during the early weeks of hard \r\nlockdown to coordinate vital safeguarding work.\r\n"
        XCTAssertEqual(texts(segmenter.segment(text)),
                       ["Partners met weekly during the early weeks of hard lockdown to coordinate vital safeguarding work."])
    }
}

/// Finds the seed documents from this file's place in the repository.
private enum SeedFiles {
    struct Missing: Error { var name: String }

    static func text(_ name: String) throws -> String {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("corpus/documents/\(name)")
            if let data = FileManager.default.contents(atPath: candidate.path) { return String(decoding: data, as: UTF8.self) }
            directory.deleteLastPathComponent()
        }
        throw Missing(name: name)
    }
}
