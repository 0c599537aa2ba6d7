/// Example meetings in the shapes of the real documents the portal publishes: round
/// tables with numbered questions, a meeting with a summary and a post-it wall, a forum
/// with situation pictures, a seminar transcript. The prose is written for the tests.
enum Fixtures {
    static let themes = """
    - slug: samverkan
      name: Samverkan
      description: Hur civilsamhället och det offentliga arbetar tillsammans.
      aliases: [samarbete]
    - slug: tillit
      name: Tillit och förtroende
      description: Förtroendet mellan parterna.
      aliases: [fortroende]
    - slug: finansiering
      name: Finansiering
      description: Bidrag och långsiktiga villkor.
      aliases: [bidrag]
    - slug: barn-och-unga
      name: Barn och unga
      description: Barns och ungas villkor.
      aliases: [unga]
    - slug: rekrytering
      name: Rekrytering till kriminalitet
      description: Hur unga dras in i kriminella nätverk.
    - slug: vald
      name: Våld och våldsprevention
      description: Det grova våldet och arbetet mot det.
    - slug: styrning
      name: Styrning och ansvar
      description: Mandat, riktlinjer och ansvar.
    - slug: kunskap
      name: Kunskap
      description: Kunskap och lärande mellan parterna.

    """

    static let organizations = """
    - name: Polismyndigheten
      aliases: [Polisen]
      kind: myndighet
    - name: Brottsförebyggande rådet
      aliases: [Brå]
      kind: myndighet
    - name: Fryshuset
    - name: Rädda Barnen
    - name: Sveriges kristna råd
      aliases: [SKR]

    """

    /// The taxonomies every fixture site shares.
    static let taxonomies: [String: String] = [
        "content/themes.yml": themes,
        "content/organizations.yml": organizations,
    ]

    static func site(_ files: [String: String]) -> [String: String] {
        taxonomies.merging(files) { _, new in new }
    }

    // MARK: - Round tables (numbered questions, sub-prompts, summary then discussion)

    static let roundTablesSlug = "2023-09-14-vald-i-lokalsamhallet"
    static let roundTablesPath = "content/meetings/\(roundTablesSlug)/index.md"
    static let roundTables = """
    ---
    title: "Dialogmöte om våldsprevention i lokalsamhället"
    date: 2023-09-14
    kind: dialogmöte
    organizer: "Nationella dialogrådet"
    commissioned_by: "Brottsförebyggande rådet"
    location: "Stockholm"
    participants:
      - Fryshuset
      - polisen
      - Rädda barnen
    themes: [vald]
    summary: "Föreningar och myndigheter samtalade om hur lokalsamhället kan stå enat mot grovt våld."
    ---

    ## Inledning

    Mötet samlade föreningar, trossamfund och idrottsrörelsen för att samtala om hur det lokala
    samhället kan markera mot det grova våldet. Efter en kort presentation delades deltagarna in i grupper.

    ## Rundabordssamtal 1 #samverkan

    ### Fråga 1 – Vad behöver föreningarna för att kunna delta i det våldsförebyggande arbetet?

    Sammanfattning:

    - Metoden behöver förankras lokalt innan föreningarna kan ställa sig bakom den
    - Myndigheterna behöver mer kunskap om hur föreningar arbetar #tillit
    - Flera deltagare oroar sig för sin egen säkerhet
    - Föreningarna vill vara med redan när planerna skrivs, inte bara när de ska genomföras #finansiering

    Deltagarna beskrev att förtroendet för metoden byggs i vardagen, när polis och föreningar lär
    känna varandra. Utan uppföljning riskerar rykten att sprida sig.

    Flera menade att myndigheterna ofta frågar vad föreningarna kan bidra med, när svaret är att de
    redan finns på plats och känner de unga.

    ### Fråga 2 – Hur kan det offentliga ta tillvara föreningarnas kunskap?

    - Vilka kanaler fungerar i dag?
    - Vad saknas för att kunskapen ska nå beslutsfattare? #kunskap

    Sammanfattning:

    - Det behövs fasta kontaktpersoner hos polisen
    - Återkoppling efter insatser stärker viljan att delta

    En deltagare berättade om ett samarbete där polisen hörde av sig efter varje insats.

    ## Rundabordssamtal 2

    ### Fråga 1 – Vad krävs för att föreningarna ska orka fortsätta på lång sikt? #finansiering

    Sammanfattning:

    - Fleråriga bidrag i stället för projektpengar
    - Stöd till ideella ledare som möter unga i svåra situationer
    - Tydliga besked om vem som bär ansvaret när något går fel

    Samtalet handlade mest om pengar och om hur trötta eldsjälar blir när varje år börjar med en ny ansökan.

    ## Avslutning

    Mötet avslutades i helgrupp. Arrangörerna tackade för samtalen och lovade att återkomma.

    """

    // MARK: - Meeting summary, thematic sub-headings, post-it wall

    static let localSlug = "2025-11-24-lokal-samverkan"
    static let localPath = "content/meetings/\(localSlug)/index.md"
    static let localPostItsPath = "content/meetings/\(localSlug)/workshop.md"
    static let local = """
    ---
    title: "Dialogmöte om lokal samverkan mellan civilsamhället och polisen"
    date: 2025-11-24
    kind: dialogmöte
    participants:
      - Fryshuset
      - Sveriges Kristnad Råd
      - Polisen
      - RADDA BARNEN
    themes: [samverkan]
    ---

    ## Sammanfattning

    - Samverkan ser olika ut beroende på kommunens storlek och historia
    - Föreningarna når unga som inte litar på myndigheter #tillit
    - Långsiktig finansiering avgör om verksamheterna kan växa #bidrag

    ## Bakgrund

    Mötet var ett av flera samtal mellan civilsamhället och polisen under året. Frågorna skickades ut med inbjudan.

    ## Sammanställning av gruppsamtalen

    ### Fråga 1: Har er organisation erfarenhet av samverkan med polisen? Hur fungerade det?

    #### Faktorer som påverkar samverkan

    Hur samverkan ser ut beror på ortens storlek, ekonomin och hur länge parterna har arbetat tillsammans.

    #### Personberoende #tillit

    Många samarbeten vilar på enskilda personer. När en kontaktperson byter tjänst tappar föreningen ofta kontakten.

    Sammanfattning:

    - Relationer behöver byggas mellan organisationer, inte bara mellan personer
    - En nationell överenskommelse kan ge stöd åt det lokala arbetet #styrning

    ### Fråga 2. Vilka behov ser ni hos unga i riskzonen?

    #### Trygga mötesplatser #unga

    Föreningarnas lokaler fungerar som en fristad där unga kan vara sig själva.

    Sammanfattning:

    - Öppna verksamheter på kvällar och helger behövs

    """

    static let localPostIts = """
    ---
    title: "Bilaga: Exempel och förslag från workshoppen"
    appendix: postits
    themes: [tillit]
    ---

    Under workshoppen skrev deltagarna sina förslag på lappar. Här är de samlade som de skrevs.

    ## Nya möjligheter och behov

    ### Strukturer #styrning

    - En gemensam avsiktsförklaring på nationell nivå
    - Riktlinjer och verktyg för lokal samverkan #samarbete
    - En mall för hur samverkan med föreningar kan gå till
    - Civilsamhället ska vara med från behovsanalys till insats

    ### Informationsdelning och erfarenhetsutbyte

    - Tydligare kontaktvägar mellan polis och föreningar
    - En karta över vilka aktörer som finns och vad de gör

    ## Goda exempel på samverkan

    ### Krisinsatser

    - Polisen och föreningarna öppnade en lokal tillsammans efter en skjutning
      - Lokalen var öppen hela natten #unga

    ### Övrigt

    - Gemensamma fotbollsturneringar på sommarlovet

    ## Exempel på samverkan som fungerat mindre bra

    Här samlades erfarenheter som deltagarna ville att andra skulle lära av.

    - Möten som bokades med kort varsel och sedan ställdes in

    ### Övrigt

    - Information som kom för sent för att föreningen skulle hinna agera

    """

    // MARK: - Situation pictures, questions with thematic sub-sections

    static let forumSlug = "2026-02-10-rekrytering"
    static let forumPath = "content/meetings/\(forumSlug)/index.md"
    static let forum = """
    ---
    title: "Samverkansforum om rekrytering av barn och unga till kriminella miljöer"
    date: 2026-02-10
    kind: samverkansforum
    themes: [rekrytering]
    ---

    ## Sammanfattning

    Forumet samlade civilsamhället och polisen för att dela lägesbilder. Samtalen visade ett tydligt
    behov av mer strukturerad samverkan.

    ## Genomförande

    ### Polisens lägesbild

    Polisen beskrev att skjutningarna har minskat medan sprängningarna fortsätter. Rekryteringen sker
    allt snabbare och ofta via sociala medier.

    ### Civilsamhällets lägesbild #barn-och-unga

    Föreningarna delade i stort polisens bild men lyfte fram hur uppgivenhet gör unga sårbara.

    ## Sammanställning av forumets gruppsamtal

    ### Fråga 1 – Vilka tendenser ser ni i era verksamheter?

    #### Normalisering av våld

    Deltagarna vittnade om unga som inte längre reagerar på våld i sin närhet.

    Sammanfattning:

    - Våld har blivit en del av vardagen för många unga
    - Vuxna behöver reagera tydligare

    #### Placerade barn #barn-och-unga

    Barn som är placerade utanför hemmet pekades ut som särskilt utsatta.

    Sammanfattning:

    - Placerade barn saknar ofta en trygg vuxen
    - Skolan är en viktig skyddsfaktor

    ### Fråga 2 – Hur kan samverkan mellan civilsamhället och polisen stärkas?

    #### Dela lägesbilder #samverkan

    Föreningarna vill vara med när lokala lägesbilder tas fram.

    ## Avslutande gruppövning

    Deltagarna skrev egna förslag på lappar och presenterade dem för varandra.

    """

    // MARK: - Seminar transcript with speaker turns

    static let transcriptSlug = "2022-07-05-almedalen"
    static let transcriptPath = "content/meetings/\(transcriptSlug).md"
    static let transcript = """
    ---
    title: "Kan samverkan minska det grova våldet?"
    date: 2022-07-05
    kind: seminarium
    type: transcript
    location: Visby
    themes: [vald]
    ---

    ## Almedalen 2022

    Medverkande: en utredare, en samordnare från kommunen och en samordnare från polisen.

    Moderator: enhetschefen som ledde samtalet.

    **KARIN:** Välkomna hit! Vi ska prata om en strategi mot det dödliga våldet och om vad den kräver av oss.

    **MARIE-THERESE:** Tack. Strategin bygger på att kommun, polis och civilsamhälle talar med en röst. #samverkan

    **KARIN:** Hur vet man vilka som ska nås?

    **JOHANNA S**: Det görs en noggrann kartläggning, och den uppdateras hela tiden.

    **Det här är en viktig poäng.** Samtalet gick sedan över till frågor från publiken.

    **MARIE-THERESE:** Och det är där föreningarna kommer in.

    **JOHANNA J:** Vi ser redan effekter i vår stad.

    """

    /// Every fixture meeting in one site.
    static let all: [String: String] = site([
        roundTablesPath: roundTables,
        localPath: local,
        localPostItsPath: localPostIts,
        forumPath: forum,
        transcriptPath: transcript,
    ])
}
