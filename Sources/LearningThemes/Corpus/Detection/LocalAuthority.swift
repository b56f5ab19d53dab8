extension MetadataDetector {
    /// An English upper-tier local authority (one with children's services, so one that
    /// is a safeguarding partner): its official name, and the bare place names documents
    /// use for it ("Camden", "Kensington and Chelsea", "Hull").
    struct LocalAuthority: Sendable, Hashable {
        let officialName: String
        /// The first is the place name as the authority writes it; the rest are short forms.
        let placeNames: [String]

        /// Every upper-tier authority in England (153, as after the 2023 reorganisation of
        /// Cumbria, North Yorkshire and Somerset), grouped by the style of their official
        /// name. London and metropolitan boroughs carry their borough or city style; shire
        /// counties and unitary authorities are named as in ONS area lists, with "Bristol,
        /// City of" turned round to "City of Bristol".
        /// An entry "Place (Short/Other)" adds short forms documents also use.
        static let all: [LocalAuthority] = styledNames.flatMap { style, entries in
            // Split as bytes: the table is ASCII, and splitting it as `Character`s cost
            // more than a document's whole detection.
            Array(entries.utf8).split(separator: UInt8(ascii: ";")).map { entry in parse(entry: entry, style: style) }
        }

        private static let styledNames: [(style: String, entries: String)] = [
            ("London Borough of *", """
                Barking and Dagenham; Barnet; Bexley; Brent; Bromley; Camden; Croydon; Ealing; Enfield;
                Hackney; Hammersmith and Fulham; Haringey; Harrow; Havering; Hillingdon; Hounslow;
                Islington; Lambeth; Lewisham; Merton; Newham; Redbridge; Richmond upon Thames (Richmond);
                Southwark; Sutton; Tower Hamlets; Waltham Forest; Wandsworth
                """),
            ("Royal Borough of *", "Greenwich; Kensington and Chelsea; Kingston upon Thames (Kingston)"),
            ("City of *", "Westminster"),
            ("*", "City of London"),
            ("Metropolitan Borough of *", """
                Bolton; Bury; Oldham; Rochdale; Stockport; Tameside; Trafford; Wigan; Knowsley;
                St Helens; Sefton; Wirral; Barnsley; Rotherham; Gateshead; North Tyneside;
                South Tyneside; Dudley; Sandwell; Solihull; Walsall; Calderdale; Kirklees
                """),
            ("City of *", """
                Manchester; Salford; Liverpool; Sheffield; Doncaster; Newcastle upon Tyne (Newcastle);
                Sunderland; Birmingham; Coventry; Wolverhampton; Bradford; Leeds; Wakefield
                """),
            ("*", """
                Cambridgeshire; Derbyshire; Devon; East Sussex; Essex; Gloucestershire; Hampshire;
                Hertfordshire; Kent; Lancashire; Leicestershire; Lincolnshire; Norfolk; Nottinghamshire;
                Oxfordshire; Staffordshire; Suffolk; Surrey; Warwickshire; West Sussex; Worcestershire
                """),
            ("*", """
                Bath and North East Somerset; Bedford; Blackburn with Darwen; Blackpool;
                Bournemouth, Christchurch and Poole; Bracknell Forest; Brighton and Hove; Buckinghamshire;
                Central Bedfordshire; Cheshire East; Cheshire West and Chester; Cornwall; Cumberland;
                Darlington; Derby; Dorset; County Durham (Durham); East Riding of Yorkshire; Halton;
                Hartlepool; Isle of Wight; Isles of Scilly; Leicester; Luton; Medway; Middlesbrough;
                Milton Keynes; North East Lincolnshire; North Lincolnshire; North Northamptonshire;
                North Somerset; North Yorkshire; Northumberland; Nottingham; Peterborough; Plymouth;
                Portsmouth; Reading; Redcar and Cleveland; Rutland; Shropshire; Slough; Somerset;
                South Gloucestershire; Southampton; Southend-on-Sea (Southend); Stockton-on-Tees (Stockton);
                Stoke-on-Trent; Swindon; Telford and Wrekin; Thurrock; Torbay; Warrington; West Berkshire;
                West Northamptonshire; Westmorland and Furness; Wiltshire; Windsor and Maidenhead; Wokingham
                """),
            ("City of *", "Bristol; Kingston upon Hull (Hull); York"),
            ("County of *", "Herefordshire"),
        ]

        private static func parse(entry: ArraySlice<UInt8>, style: String) -> LocalAuthority {
            let parts = entry.split(separator: UInt8(ascii: "("), maxSplits: 1)
            let text = { (bytes: ArraySlice<UInt8>) in TextCleaning.collapsingWhitespace(String(decoding: bytes, as: UTF8.self)) }
            let place = text(parts[0])
            let shortForms = parts.count > 1 ? parts[1].dropLast().split(separator: UInt8(ascii: "/")).map(text) : []
            // Every style holds one "*", where the place goes. Found among the bytes: splitting
            // the style into `Character`s cost more than parsing all the rest of the table.
            let star = style.utf8.firstIndex(of: UInt8(ascii: "*"))!
            let official = String(style[..<star]) + place + String(style[style.utf8.index(after: star)...])
            return LocalAuthority(officialName: official, placeNames: [place] + shortForms)
        }
    }
}
