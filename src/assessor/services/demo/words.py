"""Word lists for the demo database: agencies, people, and the Swedish phrases of meetings.

The agencies in KNOWN_AGENCIES are real, with their real organisation numbers and the ministry
(departement) each answers to. Everything about them in the demo (people, meetings, scores) is
invented. Agencies beyond that list are generated: the county administrative boards carry real
names, but their organisation numbers, like those of the further invented agencies, are
SYNTHETIC: random digits with a valid check digit, not the numbers of any real organisation
we know of.
"""

from __future__ import annotations

# name, organisation number, ministry, website
KNOWN_AGENCIES: tuple[tuple[str, str, str, str], ...] = (
    ("Skatteverket", "202100-5448", "Finansdepartementet", "www.skatteverket.se"),
    ("Försäkringskassan", "202100-5521", "Socialdepartementet", "www.forsakringskassan.se"),
    (
        "Arbetsförmedlingen",
        "202100-2114",
        "Arbetsmarknadsdepartementet",
        "www.arbetsformedlingen.se",
    ),
    ("Bolagsverket", "202100-5489", "Klimat- och näringslivsdepartementet", "www.bolagsverket.se"),
    ("Myndigheten för digital förvaltning", "202100-6883", "Finansdepartementet", "www.digg.se"),
    (
        "Lantmäteriet",
        "202100-4888",
        "Landsbygds- och infrastrukturdepartementet",
        "www.lantmateriet.se",
    ),
    ("Pensionsmyndigheten", "202100-6255", "Socialdepartementet", "www.pensionsmyndigheten.se"),
    ("Polismyndigheten", "202100-0076", "Justitiedepartementet", "www.polisen.se"),
    ("Migrationsverket", "202100-2163", "Justitiedepartementet", "www.migrationsverket.se"),
    (
        "Trafikverket",
        "202100-6297",
        "Landsbygds- och infrastrukturdepartementet",
        "www.trafikverket.se",
    ),
    ("Kronofogdemyndigheten", "202100-5646", "Finansdepartementet", "www.kronofogden.se"),
    ("Statistiska centralbyrån", "202100-0837", "Finansdepartementet", "www.scb.se"),
    ("Kammarkollegiet", "202100-0829", "Finansdepartementet", "www.kammarkollegiet.se"),
    ("Ekonomistyrningsverket", "202100-5026", "Finansdepartementet", "www.esv.se"),
    ("Statskontoret", "202100-0852", "Finansdepartementet", "www.statskontoret.se"),
    ("Centrala studiestödsnämnden", "202100-1819", "Utbildningsdepartementet", "www.csn.se"),
    ("Universitets- och högskolerådet", "202100-6487", "Utbildningsdepartementet", "www.uhr.se"),
    ("Kriminalvården", "202100-0225", "Justitiedepartementet", "www.kriminalvarden.se"),
    ("Domstolsverket", "202100-2742", "Justitiedepartementet", "www.domstol.se"),
    ("Socialstyrelsen", "202100-0555", "Socialdepartementet", "www.socialstyrelsen.se"),
    (
        "Myndigheten för samhällsskydd och beredskap",
        "202100-5984",
        "Försvarsdepartementet",
        "www.msb.se",
    ),
    (
        "Naturvårdsverket",
        "202100-1975",
        "Klimat- och näringslivsdepartementet",
        "www.naturvardsverket.se",
    ),
    (
        "Statens energimyndighet",
        "202100-5000",
        "Klimat- och näringslivsdepartementet",
        "www.energimyndigheten.se",
    ),
    (
        "Verket för innovationssystem",
        "202100-5216",
        "Klimat- och näringslivsdepartementet",
        "www.vinnova.se",
    ),
    ("Riksarkivet", "202100-1074", "Kulturdepartementet", "www.riksarkivet.se"),
    (
        "Sjöfartsverket",
        "202100-0654",
        "Landsbygds- och infrastrukturdepartementet",
        "www.sjofartsverket.se",
    ),
)

COUNTIES = (
    "Stockholms",
    "Uppsala",
    "Södermanlands",
    "Östergötlands",
    "Jönköpings",
    "Kronobergs",
    "Kalmar",
    "Gotlands",
    "Blekinge",
    "Skåne",
    "Hallands",
    "Västra Götalands",
    "Värmlands",
    "Örebro",
    "Västmanlands",
    "Dalarnas",
    "Gävleborgs",
    "Västernorrlands",
    "Jämtlands",
    "Västerbottens",
    "Norrbottens",
)

MINISTRIES = (
    "Arbetsmarknadsdepartementet",
    "Finansdepartementet",
    "Försvarsdepartementet",
    "Justitiedepartementet",
    "Klimat- och näringslivsdepartementet",
    "Kulturdepartementet",
    "Landsbygds- och infrastrukturdepartementet",
    "Socialdepartementet",
    "Utbildningsdepartementet",
    "Utrikesdepartementet",
)

# invented agencies: a form of name and a field, e.g. "Myndigheten för vattenförvaltning"
INVENTED_FORMS = (
    "Myndigheten för {}",
    "Statens nämnd för {}",
    "Institutet för {}",
    "Rådet för {}",
    "Inspektionen för {}",
    "Centrum för {}",
    "Verket för {}",
)
INVENTED_FIELDS = (
    "vattenförvaltning",
    "kulturmiljö",
    "fjällförvaltning",
    "kustbevakningens stöd",
    "digital infrastruktur",
    "offentlig upphandling",
    "statlig service",
    "ungdomsfrågor",
    "tillgänglig media",
    "samhällsplanering",
    "livsmedelsberedskap",
    "trafikanalys",
    "folkbildning",
    "skolutveckling",
    "arbetsmiljökunskap",
    "vårdanalys",
    "djurskydd",
    "hållbara städer",
    "geologisk information",
    "havsplanering",
    "radiokommunikation",
    "internationellt bistånd",
    "konsumentfrågor",
    "jämställdhet",
    "forskningsdata",
    "kulturanalys",
    "strålsäkerhet",
    "läkemedelsinformation",
    "friluftsliv",
    "besöksnäring",
    "regional tillväxt",
    "familjerätt",
    "spelreglering",
    "elsäkerhet",
    "skogsstatistik",
    "lantbruksanalys",
    "totalförsvarsforskning",
    "bostadsfinansiering",
    "ideell sektor",
    "mediestöd",
    "patentinformation",
    "arkivutveckling",
    "minoritetsfrågor",
)

FIRST_NAMES = (
    "Anna",
    "Eva",
    "Maria",
    "Karin",
    "Sara",
    "Lena",
    "Emma",
    "Kristina",
    "Elin",
    "Johanna",
    "Malin",
    "Sofia",
    "Ida",
    "Linnea",
    "Helena",
    "Annika",
    "Camilla",
    "Jenny",
    "Frida",
    "Hanna",
    "Erik",
    "Lars",
    "Karl",
    "Anders",
    "Johan",
    "Per",
    "Mikael",
    "Peter",
    "Fredrik",
    "Jonas",
    "Magnus",
    "Daniel",
    "Mattias",
    "Henrik",
    "Oskar",
    "Niklas",
    "Björn",
    "Gustav",
    "Ali",
    "Amir",
    "Leila",
    "Yusuf",
    "Nadia",
    "Mohammed",
    "Aino",
    "Niilo",
    "Mira",
    "Viktor",
    "Tove",
    "Åsa",
    "Örjan",
    "Göran",
    "Ingrid",
    "Birgitta",
)
LAST_NAMES = (
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Lindberg",
    "Lindström",
    "Lindqvist",
    "Berglund",
    "Engström",
    "Holm",
    "Sandberg",
    "Forsberg",
    "Sjöberg",
    "Wallin",
    "Åberg",
    "Lundgren",
    "Björk",
    "Ek",
    "Hedlund",
    "Nordin",
    "Strand",
    "Mäkinen",
    "Hassan",
    "Ahmed",
    "Öberg",
    "Dahl",
    "Falk",
    "Söderberg",
)

CONTACT_TITLES = (
    "Generaldirektör",
    "Överdirektör",
    "It-direktör",
    "Digitaliseringschef",
    "CIO",
    "Informationssäkerhetssamordnare",
    "Verksamhetsarkitekt",
    "Enhetschef",
    "Verksamhetsutvecklare",
    "Controller",
    "Dataskyddsombud",
    "Förvaltningsledare",
    "Strateg",
    "Upphandlingsansvarig",
    "Arkivarie",
    "Kommunikationschef",
)

PLACES = (
    "Myndighetens huvudkontor",
    "Konferensrum Ljusgården",
    "Sammanträdesrum 3",
    "Videomöte",
    "Rådgivarnas kontor",
    "Konferensrum Norrsken",
    "Styrelserummet",
    "Lokal Kvarnen",
)

MEETING_TITLES = {
    "start": ("Uppstartsmöte", "Inledande möte om bedömningen", "Uppstart och planering"),
    "interview": ("Intervju: {dim}", "Genomgång av {dim}", "Fördjupning i {dim}"),
    "workshop": ("Workshop om {dim}", "Gemensam workshop: {dim}", "Arbetsmöte om {dim}"),
    "feedback": (
        "Återkoppling av bedömningen",
        "Presentation av resultat",
        "Genomgång av rapportutkast",
    ),
    "followup": ("Uppföljningsmöte", "Uppföljning av rekommendationer", "Avstämning av läget"),
    "network": ("Nätverksträff med andra myndigheter", "Erfarenhetsutbyte om {dim}"),
}

AGENDA_ITEMS = (
    "Inledning och presentationsrunda",
    "Syftet med dagens möte",
    "Läget sedan förra mötet",
    "Genomgång av {dim}",
    "Myndighetens egen bild av nuläget",
    "Frågor från rådgivarna",
    "Exempel från andra myndigheter",
    "Beslut och nästa steg",
    "Övriga frågor",
    "Återkoppling på underlaget",
    "Planering av nästa besök",
    "Genomgång av åtgärdslistan",
)

NOTE_SENTENCES = (
    "Myndigheten beskriver att {dim} har fått högre prioritet i ledningsgruppen under året.",
    "Det saknas en samlad bild av {dim}; arbetet sker i flera enheter utan gemensam plan.",
    "{contact} berättade att man nyligen tagit fram en ny handlingsplan.",
    "Man efterfrågar stöd och exempel från andra myndigheter som kommit längre.",
    "Budgeten för nästa år är ännu inte fastställd, vilket gör planeringen osäker.",
    "Flera system är gamla och svåra att förvalta; en avvecklingsplan saknas.",
    "Myndigheten använder redan Ena-infrastrukturen för delar av sina e-tjänster.",
    "Uppföljningen görs i dag manuellt i kalkylblad två gånger om året.",
    "Det finns en tydlig ambition men resurserna räcker inte till alla satsningar.",
    "Samarbetet med andra myndigheter inom området upplevs som värdefullt.",
    "Verksamheten är delaktig tidigt i utvecklingen, vilket lyfts fram som en styrka.",
    "Nyttorealisering är ett nytt begrepp för många chefer på myndigheten.",
    "Man har genomfört en kartläggning av informationstillgångar men den är inte klar.",
    "{contact} lyfte att kompetensförsörjningen inom it är en återkommande utmaning.",
    "Rådgivarna noterade att underlaget skickades in i god tid före mötet.",
    "Det finns en väl fungerande förvaltningsmodell för de största systemen.",
    "Myndigheten vill gärna dela sin modell för behovsanalys med andra.",
    "Frågan om molntjänster utreds juridiskt och ett beslut väntas under hösten.",
)

CONFIDENTIAL_NOTES = (
    "Uppgifter om säkerhetsincidenten får inte spridas utanför rådgivargruppen.",
    "Organisationsförändringen är ännu inte kommunicerad internt på myndigheten.",
    "Detaljer om sårbarheterna i ärendesystemet redovisas endast muntligt.",
)

DECISIONS = (
    "Myndigheten tar fram en tidplan för {dim} till nästa möte.",
    "Rådgivarna skickar exempel på styrdokument från andra myndigheter.",
    "Nästa möte bokas in om cirka sex veckor.",
    "Underlaget kompletteras med myndighetens arkitekturbeskrivning.",
    "Myndigheten utser en kontaktperson för bedömningen.",
    "Rapportutkastet skickas till myndigheten för faktagranskning.",
    "Parterna är överens om att prioritera {dim} under nästa år.",
)

ACTION_ITEMS = (
    "Skicka underlag om {dim}",
    "Boka uppföljningsmöte",
    "Ta fram nulägesbeskrivning",
    "Sammanställ systemförteckning",
    "Dela exempel på nyttokalkyl",
    "Granska rapportutkast",
    "Kontakta motsvarande funktion på annan myndighet",
    "Uppdatera handlingsplanen",
    "Skicka protokoll från ledningsgruppen",
    "Komplettera med budgetuppgifter",
)

ANSWER_COMMENTS = (
    "Styrks av dokumentation som myndigheten skickat in.",
    "Bedömningen bygger på intervjun; dokument saknas.",
    "Arbetet pågår men är inte beslutat ännu.",
    "Tydligt förbättrat sedan förra bedömningen.",
    "Olika bilder i intervjuerna; bör stämmas av med ledningen.",
    "Gäller främst den största verksamhetsgrenen.",
    "Beslut finns men följs inte upp systematiskt.",
    "Ett gott exempel som andra myndigheter kan ta del av.",
    "Oklart ansvar mellan it-avdelningen och verksamheten.",
)

AGENCY_RESPONSES = (
    "Myndigheten instämmer och har påbörjat arbetet.",
    "Åtgärden ingår i nästa års verksamhetsplan.",
    "Myndigheten delar bedömningen men saknar finansiering i dagsläget.",
    "Genomfört; se bifogad handlingsplan.",
    "Myndigheten gör en annan bedömning och prioriterar inte åtgärden.",
    "Arbetet samordnas med andra myndigheter inom samma område.",
)

SUMMARIES = (
    "Myndigheten har en god grund men behöver stärka styrningen och uppföljningen.",
    "Tydliga framsteg sedan förra bedömningen, särskilt inom e-tjänster och arkitektur.",
    "Arbetet är ambitiöst men spritt; en samlad prioritering saknas.",
    "Myndigheten ligger långt fram och kan vara förebild för andra inom flera områden.",
)

# Findings and recommendations per theme; a dimension's theme is guessed from its key.
THEMES: dict[str, dict[str, tuple[str, ...]]] = {
    "governance": {
        "strength": ("Ledningen äger digitaliseringsfrågorna", "Beslutad digitaliseringsstrategi"),
        "weakness": ("Strategin saknar mätbara mål", "Oklart beslutsforum för utveckling"),
        "risk": ("Beroende av enskilda nyckelpersoner", "Rättsliga förutsättningar är outredda"),
        "good_practice": ("Digitaliseringsråd med verksamheten i ledningen",),
        "rec": (
            "Inför ett beslutsforum för digital utveckling",
            "Bryt ned strategin i mätbara mål",
            "Tydliggör ägarskapet för digitaliseringen",
        ),
    },
    "benefits": {
        "strength": ("Nyttokalkyler tas fram för större satsningar",),
        "weakness": ("Nyttor följs inte upp efter införande", "Saknar samlad portfölj"),
        "risk": ("Satsningar prioriteras utan kalkyl", "Livscykelkostnader underskattas"),
        "good_practice": ("Nyttorealisering enligt ESV:s vägledning",),
        "rec": (
            "Inför nyttorealisering enligt ESV:s vägledning",
            "Inrätta en samlad portföljstyrning",
            "Följ upp nyttor efter införande",
        ),
    },
    "services": {
        "strength": ("E-tjänster utvecklas med användarna", "Hög tillgänglighet i kanalerna"),
        "weakness": ("Uppgifter hämtas inte från andra myndigheter", "Låg automationsgrad"),
        "risk": ("Tillgänglighetskraven uppfylls inte", "Manuella handläggningssteg kvarstår"),
        "good_practice": ("Användartester i varje utvecklingsomgång",),
        "rec": (
            "Inför användartester i utvecklingen",
            "Återanvänd uppgifter enligt principen om en uppgift en gång",
            "Granska tillgängligheten i e-tjänsterna",
        ),
    },
    "architecture": {
        "strength": ("Beslutad målarkitektur", "Öppna standarder i nya system"),
        "weakness": ("Föråldrade system utan avvecklingsplan", "Ingen förteckning över system"),
        "risk": ("Inlåsning hos en leverantör", "Molnfrågan är oavgjord"),
        "good_practice": ("Gemensam arkitekturnämnd med ett grannverk",),
        "rec": (
            "Ta fram en plan för avveckling av äldre system",
            "Inför en målarkitektur med principer",
            "Utred molntjänster rättsligt",
        ),
    },
    "security": {
        "strength": ("Ledningssystem för informationssäkerhet finns",),
        "weakness": ("Informationsklassning är ofullständig", "Incidentrutiner övas inte"),
        "risk": ("Sårbarheter i äldre ärendesystem", "Bristande kontinuitetsplanering"),
        "good_practice": ("Årlig gemensam övning i incidenthantering",),
        "rec": (
            "Slutför klassningen av informationstillgångar",
            "Öva incidenthantering årligen",
            "Inför kontinuitetsplaner för kritiska system",
        ),
    },
    "data": {
        "strength": ("Öppna data publiceras regelbundet",),
        "weakness": ("Begrepp och informationsmodeller saknas", "Datakvaliteten mäts inte"),
        "risk": ("Personuppgifter sprids mellan system",),
        "good_practice": ("Gemensamt begreppslexikon för verksamheten",),
        "rec": ("Ta fram gemensamma informationsmodeller", "Publicera fler öppna data"),
    },
    "competence": {
        "strength": ("Systematisk kompetensplanering",),
        "weakness": ("Chefer saknar digital kompetens", "Beroende av konsulter"),
        "risk": ("Svårt att rekrytera specialister",),
        "good_practice": ("Digitaliseringsutbildning för alla chefer",),
        "rec": (
            "Inför en kompetensplan för digitalisering",
            "Minska beroendet av konsulter i kärnsystem",
        ),
    },
    "collaboration": {
        "strength": ("Aktiv i eSam och myndighetsnätverk",),
        "weakness": ("Samverkan sker ad hoc", "Gemensamma lösningar återanvänds inte"),
        "risk": ("Dubbelarbete med andra myndigheter",),
        "good_practice": ("Delad e-tjänsteplattform med andra myndigheter",),
        "rec": (
            "Återanvänd gemensamma lösningar i stället för att bygga egna",
            "Ta kontakt med myndigheter som har samma utmaning",
        ),
    },
}

THEME_TAGS = {
    "governance": "styrning",
    "benefits": "nytta",
    "services": "e-tjänster",
    "architecture": "arkitektur",
    "security": "säkerhet",
    "data": "data",
    "competence": "kompetens",
    "collaboration": "samverkan",
}

THEME_WORDS = {
    "governance": ("govern", "styr", "strateg", "lead"),
    "benefits": ("benefit", "nytt", "value", "portfolio", "invest"),
    "services": ("service", "tjänst", "user", "channel"),
    "architecture": ("arch", "infra", "tech", "system", "legacy"),
    "security": ("secur", "säker", "risk", "privacy"),
    "data": ("data", "information", "info"),
    "competence": ("compet", "kompet", "skill", "people", "culture", "organi", "kultur"),
    "collaboration": ("collab", "samverk", "cooper", "partner", "reuse"),
}

GENERIC_THEME: dict[str, tuple[str, ...]] = {
    "strength": ("Tydligt ansvar för {dim}", "Väl dokumenterat arbete med {dim}"),
    "weakness": ("Arbetet med {dim} följs inte upp", "Saknar plan för {dim}"),
    "risk": ("Beroende av få personer inom {dim}",),
    "good_practice": ("Förebildligt arbete med {dim}",),
    "rec": ("Ta fram en plan för {dim}", "Stärk uppföljningen av {dim}"),
}

FINDING_TEXTS = (
    "Bedömningen bygger på intervjuer och inskickade dokument.",
    "Iakttagelsen delas av flera av dem vi talade med.",
    "Myndigheten är medveten om detta och har påbörjat ett arbete.",
    "Andra myndigheter inom samma område har samma utmaning.",
)

RECOMMENDATION_TEXTS = (
    "Myndigheten bör under det kommande året ta fram ett beslutat underlag och utse en ansvarig.",
    "Arbetet kan med fördel samordnas med andra myndigheter som gjort liknande förändringar.",
    "Börja i liten skala i en verksamhet, utvärdera och bredda därefter.",
    "Använd befintliga vägledningar från DIGG och ESV i stället för att ta fram egna.",
)

RATIONALES = (
    "Bedömningen visar ett tydligt gap mot målnivån inom området.",
    "Utan detta riskerar satsningarna att inte ge avsedd nytta.",
    "Flera andra myndigheter har haft god effekt av motsvarande åtgärd.",
)

TEMPLATE_TAGS = (
    "återanvändning",
    "uppföljning",
    "ledning",
    "snabb effekt",
    "budget",
    "förvaltning",
    "nationell infrastruktur",
)
