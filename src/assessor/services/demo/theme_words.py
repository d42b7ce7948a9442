"""The demo's themes: what findings, recommendations and library templates talk about, per
dimension (invented, as words.py). Data only."""

from __future__ import annotations

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
