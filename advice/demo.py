"""Demo content of the advice app: areas, schools, advisors, the guidance hub, guidance pages
and the advisor directory.

All people, schools, phone numbers and e-mail addresses are invented. Phone numbers come from
the range PTS reserves for fiction (070-174 06 05 to 070-174 06 99) and e-mail addresses use
example.org. The general number 070-174 06 05 belongs to the contact settings (home/demo.py).
"""

import datetime

from django.utils.text import slugify

from anyascii import anyascii

from editorial import roles
from portal.demo import (
    PageLinks,
    bullets,
    demo_portrait,
    fact_box,
    h2,
    h3,
    numbered,
    para,
    quote,
    review_fields,
    upsert_page,
    upsert_snippet,
)

from .models import (
    Advisor,
    AdvisorDirectoryPage,
    Area,
    Audience,
    GuidanceIndexPage,
    GuidancePage,
    Language,
    School,
    Topic,
)

GENERAL_PHONE = "070-174 06 05"
# The social services' out-of-hours line (socialjouren); from PTS's range for fiction.
SOCIALJOUR_PHONE = "070-174 06 90"
HUB_SLUG = "foraldraradgivning"
DIRECTORY_SLUG = "hitta-foraldraradgivare"


# --- Languages, areas, schools and advisors -------------------------------------------------

# Languages advisors speak besides Swedish, which every advisor speaks (the cards say so).
# (BCP 47 code, Swedish name, the language's own name, direction)
LANGUAGES = [
    ("en", "engelska", "English", "ltr"),
    ("ar", "arabiska", "العربية", "rtl"),
    ("so", "somaliska", "Soomaali", "ltr"),
    ("ti", "tigrinja", "ትግርኛ", "ltr"),
    ("fi", "finska", "suomi", "ltr"),
    ("fa", "persiska", "فارسی", "rtl"),
    ("bs", "bosniska", "bosanski", "ltr"),
    ("sr", "serbiska", "srpski", "ltr"),
    ("tr", "turkiska", "Türkçe", "ltr"),
]

OPENING_HOURS = "Måndag–torsdag 8.30–16.00\nFredag 8.30–15.00"

# (slug, name, description, office address, schools). Schools and addresses are invented.
AREAS = [
    (
        "varby",
        "Vårby",
        "Vårby gård, Vårby haga och bostadsområdena ner mot Mälaren i kommunens västra del.",
        "Exempelvägen 4, Vårby",
        ["Vårby strandskola", "Vårbybackens skola", "Mälarvikens skola", "Kvarnängsskolan"],
    ),
    (
        "flemingsberg",
        "Flemingsberg",
        "Flemingsberg med bland annat Grantorp, Visättra och Glömsta.",
        "Exempelgränd 12, Flemingsberg",
        [
            "Flemingsbergs dalskola",
            "Visättra ängsskola",
            "Grantorps parkskola",
            "Glömsta skogsskola",
        ],
    ),
    (
        "centrala-huddinge",
        "Centrala Huddinge",
        "Huddinge centrum och områdena runt omkring, till exempel Storängen, Fullersta och "
        "Sjödalen.",
        "Exempelgatan 1, Huddinge",
        [
            "Huddinge torgskola",
            "Storängens parkskola",
            "Fullersta ängsskola",
            "Sjödalsbackens skola",
        ],
    ),
    (
        "skogas",
        "Skogås",
        "Skogås, Trångsund och Länna i kommunens östra del.",
        "Exempeltorget 3, Skogås",
        ["Skogås bergsskola", "Lännaskogens skola", "Trångsunds sjöskola"],
    ),
]

TUE, WED, THU, MON, FRI = 2, 3, 4, 1, 5

# Each advisor: area, phone, schools (None: all schools of the area), whether they agreed to
# be shown with name (and, with a portrait, photo), languages besides Swedish, phone hours,
# and drop-in times as (school, weekday, start, end, place).
ADVISORS = {
    "Lina Berg": {
        "area": "varby",
        "phone": "070-174 06 10",
        "schools": ["Vårby strandskola", "Vårbybackens skola"],
        "shown": True,
        "portrait": False,
        "languages": ["en"],
        "phone_hours": "Måndag–torsdag 8.30–16.00",
        "drop_ins": [
            ("Vårby strandskola", TUE, "13:00", "15:00", "Biblioteket"),
            ("Vårbybackens skola", THU, "08:00", "09:30", "Elevhälsans väntrum"),
        ],
    },
    "Yasmin Haddad": {
        "area": "varby",
        "phone": "070-174 06 11",
        "schools": ["Mälarvikens skola", "Kvarnängsskolan"],
        "shown": True,
        "portrait": True,
        "languages": ["ar", "en"],
        "phone_hours": "Måndag–fredag 9.00–15.00",
        "drop_ins": [
            ("Mälarvikens skola", MON, "14:00", "16:00", "Fritidsgården, rum 2"),
            ("Kvarnängsskolan", WED, "08:00", "10:00", "Matsalen"),
        ],
    },
    "Amina Farah": {
        "area": "flemingsberg",
        "phone": "070-174 06 20",
        "schools": ["Flemingsbergs dalskola", "Visättra ängsskola"],
        "shown": False,
        "portrait": False,
        "languages": ["so", "en"],
        "phone_hours": "Måndag–torsdag 8.30–16.00",
        "drop_ins": [
            ("Flemingsbergs dalskola", TUE, "08:00", "10:00", "Biblioteket"),
            ("Visättra ängsskola", THU, "13:00", "15:00", "Elevhälsans väntrum"),
        ],
    },
    "Sanna Virtanen": {
        "area": "flemingsberg",
        "phone": "070-174 06 21",
        "schools": ["Grantorps parkskola", "Glömsta skogsskola"],
        "shown": True,
        "portrait": True,
        "languages": ["fi", "en"],
        "phone_hours": "Måndag–fredag 8.30–15.30",
        "drop_ins": [
            ("Grantorps parkskola", WED, "13:00", "15:00", ""),
            ("Glömsta skogsskola", FRI, "08:30", "10:00", "Elevhälsans korridor"),
        ],
    },
    "Elin Sjöberg": {
        "area": "centrala-huddinge",
        "phone": "070-174 06 30",
        "schools": ["Huddinge torgskola", "Storängens parkskola"],
        "shown": False,
        "portrait": False,
        "languages": ["en", "tr"],
        "phone_hours": "Måndag–torsdag 8.30–16.00",
        "drop_ins": [
            ("Huddinge torgskola", THU, "13:00", "15:00", "Biblioteket"),
            ("Storängens parkskola", MON, "08:00", "09:30", ""),
        ],
    },
    "Dragan Petrović": {
        "area": "centrala-huddinge",
        "phone": "070-174 06 31",
        "schools": ["Fullersta ängsskola", "Sjödalsbackens skola"],
        "shown": True,
        "portrait": True,
        "languages": ["bs", "sr", "en"],
        "phone_hours": "Tisdag–fredag 8.30–16.00",
        "drop_ins": [
            ("Fullersta ängsskola", TUE, "08:00", "09:30", ""),
            ("Sjödalsbackens skola", THU, "14:00", "16:00", "Fritids"),
        ],
    },
    # The two advisors in Skogås share the area's three schools.
    "Karim Mansour": {
        "area": "skogas",
        "phone": "070-174 06 40",
        "schools": None,
        "shown": False,
        "portrait": False,
        "languages": ["ar", "fa"],
        "phone_hours": "Måndag–torsdag 8.30–16.00",
        "drop_ins": [
            ("Skogås bergsskola", MON, "13:00", "15:00", "Biblioteket"),
            ("Trångsunds sjöskola", WED, "08:00", "09:30", ""),
        ],
    },
    "Senait Tesfay": {
        "area": "skogas",
        "phone": "070-174 06 41",
        "schools": None,
        "shown": True,
        "portrait": True,
        "languages": ["ti", "en"],
        "phone_hours": "Måndag–fredag 9.00–15.30",
        "drop_ins": [("Lännaskogens skola", THU, "13:30", "15:30", "Elevhälsans väntrum")],
    },
}


def steps(heading, intro, items):
    """A step-by-step block: items are (title, actor, what as HTML, when)."""
    return (
        "steps",
        {
            "heading": heading,
            "intro": intro,
            "steps": [
                {"title": title, "actor": actor, "what": what, "when": when}
                for title, actor, what, when in items
            ],
        },
    )


def faq(heading, items):
    """A questions-and-answers block: items are (question, answer as HTML)."""
    return (
        "faq",
        {
            "heading": heading,
            "items": [{"question": question, "answer": answer} for question, answer in items],
        },
    )


def local_areas(texts, heading=""):
    """ "I ditt område": one part per area slug, with that area's advisors."""
    return (
        "local_areas",
        {
            "heading": heading,
            "areas": [
                {"area": Area.objects.get(slug=slug), "text": text, "show_advisors": True}
                for slug, text in texts.items()
            ],
        },
    )


def area_contact(area_slug, heading=""):
    """A contact block showing the published advisors of an area."""
    return (
        "contact",
        {"heading": heading, "advisor": None, "area": Area.objects.get(slug=area_slug)},
    )


def area_mailbox(area_slug):
    """The functional mailbox of an area's advisors."""
    return f"foraldraradgivare.{area_slug}@example.org"


def school_slug(name):
    return slugify(anyascii(name))


def _time(text):
    return datetime.time.fromisoformat(text)


def build_directory_data(report):
    languages = {
        code: upsert_snippet(
            Language, {"code": code}, report, name=name, native_name=native, direction=direction
        )
        for code, name, native, direction in LANGUAGES
    }
    areas = {}
    schools = {}
    for order, (slug, name, description, address, school_names) in enumerate(AREAS):
        area = upsert_snippet(
            Area,
            {"slug": slug},
            report,
            name=name,
            description=description,
            sort_order=order,
            office_address=address,
            opening_hours=OPENING_HOURS,
            email=area_mailbox(slug),
        )
        areas[slug] = (area, school_names)
        for school_name in school_names:
            schools[school_name] = upsert_snippet(
                School,
                {"slug": school_slug(school_name)},
                report,
                name=school_name,
                area=area,
                municipality_code="0126",
                school_forms="Grundskola",
            )

    for name, advisor in ADVISORS.items():
        area, area_school_names = areas[advisor["area"]]
        served = [schools[school] for school in advisor["schools"] or area_school_names]
        photo = None
        photo_alt_text = ""
        if advisor["portrait"]:
            photo_alt_text = f"Tecknat porträtt av {name}"
            photo = demo_portrait(f"Porträtt: {name}", photo_alt_text, report)
        upsert_snippet(
            Advisor,
            {"name": name},
            report,
            role="Föräldrarådgivare",
            show_identity=advisor["shown"],
            phone=advisor["phone"],
            phone_hours=advisor["phone_hours"],
            email=area_mailbox(advisor["area"]),
            photo=photo,
            photo_alt_text=photo_alt_text,
            m2m={
                "areas": [area],
                "schools": served,
                "languages": [languages[code] for code in advisor["languages"]],
            },
            children={
                "drop_ins": [
                    {
                        "school": schools[school],
                        "weekday": weekday,
                        "start_time": _time(start),
                        "end_time": _time(end),
                        "place": place,
                    }
                    for school, weekday, start, end, place in advisor["drop_ins"]
                ]
            },
        )


# --- The guidance hub and the advisor directory ----------------------------------------------


def hub(link):
    return {
        "title": "Föräldrarådgivning",
        "show_in_menus": True,
        "lead": (
            "Föräldrarådgivarna finns på skolorna och ger stöd till dig som är förälder. "
            "Här kan du läsa om vad vi kan hjälpa dig med och hur du når oss."
        ),
        "updated_date": datetime.date(2026, 10, 5),
        "body": [
            h2("Vad gör en föräldrarådgivare?"),
            para(
                "<p>En föräldrarådgivare är en socionom som arbetar på ditt barns skola. "
                "Vi hör till socialtjänstens förebyggande enhet. Förebyggande betyder att "
                "vi vill hjälpa till tidigt, innan små bekymmer hinner bli stora.</p>",
                "<p>Du kan prata med oss om det mesta som har med föräldraskapet att göra. Det "
                "kan gälla bråk och gränser hemma, oro för hur ditt barn mår, kontakten med "
                "skolan eller ett barn som inte vill gå till skolan. Vi lyssnar, ger råd och "
                "hjälper dig vidare om du behöver mer stöd.</p>",
            ),
            fact_box(
                "Bra att veta",
                bullets(
                    "Det kostar ingenting.",
                    "Det är frivilligt. Du bestämmer själv om du vill ha kontakt med oss.",
                    "Du kan vara anonym. Du behöver inte säga ditt namn.",
                    "Du kan få tolk utan kostnad. Säg till när du kontaktar oss.",
                ),
            ),
            h2("Varför finns vi på skolan?"),
            para(
                "<p>Det är lättare att be om hjälp när hjälpen finns nära. Därför träffar du oss "
                "där ditt barn går i skolan, till exempel på ett föräldramöte eller en "
                "aktivitet som skolan ordnar.</p>",
                "<p>Vi är anställda av socialtjänsten, inte av skolan. Det gör att vi kan lyssna "
                "på dig med andra ögon. Vi kan också hjälpa till när det har blivit svårt att "
                "samarbeta med skolan.</p>",
            ),
            h2("Tystnadsplikt"),
            para(
                "<p>Vi har tystnadsplikt. Vi berättar inte för skolan eller någon annan vad du "
                "har sagt, om du inte själv vill det. Det finns ett undantag. Om vi får veta att "
                "ett barn far illa måste vi anmäla det till socialtjänsten. Det gäller alla som "
                "arbetar med barn.</p>"
            ),
            h2("Kontakta oss"),
            para(
                "<p>Ring eller mejla föräldrarådgivaren på ditt barns skola. På sidan "
                f"{link('directory', 'Hitta din föräldrarådgivare')} ser du vem som arbetar i "
                f"ditt område. Du kan också ringa vårt gemensamma nummer {GENERAL_PHONE}.</p>"
            ),
        ],
    }


def directory(link):
    return {
        "title": "Hitta din föräldrarådgivare",
        "intro": (
            "<p>Föräldrarådgivarna arbetar två och två i fyra områden. Leta upp ditt barns "
            "skola nedan, så ser du vem du kan ringa eller mejla. Du kan också ringa vårt "
            f"gemensamma nummer {GENERAL_PHONE}.</p>"
            "<p>Skriv inte känsliga uppgifter om ditt barn eller din familj i e-post. Ring "
            "hellre, så bestämmer vi en tid att ses.</p>"
        ),
        "updated_date": datetime.date(2026, 11, 2),
    }


# --- Guidance pages --------------------------------------------------------------------------


def problematic_absence(link):
    return {
        "title": "Problematisk skolfrånvaro",
        "lead": (
            "Ibland blir det svårt för ett barn att gå till skolan. Här kan du läsa om vad du "
            "kan göra och vilket stöd du och ditt barn kan få."
        ),
        "updated_date": datetime.date(2026, 9, 14),
        "body": [
            h2("Vad betyder problematisk skolfrånvaro?"),
            para(
                "<p>Problematisk skolfrånvaro betyder att ett barn är borta från skolan så mycket "
                "att det påverkar lärandet, måendet eller kontakten med kompisar. Det spelar "
                "ingen roll om frånvaron är anmäld eller inte. Det kan handla om hela dagar, men "
                "också om enstaka lektioner eller sena morgnar som blir fler och fler.</p>",
                "<p>Frånvaro är nästan aldrig ett tecken på att ditt barn är lat eller att du har "
                "misslyckats som förälder. Oftast finns det något som gör skolan för svår just "
                "nu.</p>",
            ),
            h2("Vanliga orsaker"),
            para(
                "<p>Ofta finns det flera orsaker samtidigt. Det kan till exempel vara:</p>",
                bullets(
                    "oro, nedstämdhet eller ångest",
                    "bråk med kompisar, ensamhet eller mobbning",
                    "att skolarbetet är för svårt eller att barnet inte får det stöd som behövs",
                    "dålig sömn, ont i magen eller huvudvärk",
                    "att något är tungt hemma, till exempel sjukdom eller en separation",
                ),
            ),
            h2("Tecken att vara uppmärksam på"),
            para(
                bullets(
                    "Ditt barn har ofta ont på morgonen men mår bättre på eftermiddagen.",
                    "Det är extra svårt att komma iväg efter helger och lov.",
                    "Ditt barn kommer sent, går hem tidigt eller undviker vissa lektioner.",
                    "Ditt barn pratar mindre om skolan och om kompisar.",
                )
            ),
            h2("Så kan du göra"),
            para(
                bullets(
                    "Prata med ditt barn i lugn och ro. Fråga vad som känns svårt och lyssna "
                    "utan att döma.",
                    "Hör av dig till mentorn eller klassläraren tidigt. Ju förr ni pratar, desto "
                    "lättare är det att hitta lösningar.",
                    "Håll fast vid rutiner för sömn, mat och morgnar, även de dagar ditt barn är "
                    "hemma.",
                    "Be om hjälp. Du behöver inte lösa det här ensam.",
                )
            ),
            quote(
                "Jag trodde att jag var den enda förälder som inte fick iväg sitt barn på "
                "morgonen. Det hjälpte mycket att prata med någon som förstod."
            ),
            h2("Det här kan skolan göra"),
            para(
                "<p>Skolan ska följa upp frånvaron och se till att ditt barn får det stöd som "
                "behövs. Alla grundskolor i kommunen gör på samma sätt och följer "
                f"{link('narvarotrappan', 'närvarotrappan')}. Om frånvaron fortsätter kan "
                f"{link('narvaroteamet', 'närvaroteamet')} hjälpa till. Där arbetar skolan och "
                "socialtjänsten tillsammans.</p>"
            ),
            h2("Det här kan vi göra"),
            para(
                "<p>Vi föräldrarådgivare kan träffa dig för samtal. Om du vill kan någon från "
                "skolan också vara med. Vi kan hjälpa dig att förbereda ett möte med skolan "
                "och följa med på mötet. Ibland startar vi föräldragrupper för dig som har ett "
                "barn med skolfrånvaro. Där träffar du andra föräldrar i samma situation.</p>"
            ),
            fact_box(
                "Vänta inte för länge",
                "<p>Det är lättare att vända frånvaron tidigt. Ring eller mejla "
                "föräldrarådgivaren på ditt barns skola. Du hittar kontaktuppgifterna på sidan "
                f"{link('directory', 'Hitta din föräldrarådgivare')}.</p>",
                tone="important",
            ),
            faq(
                "Vanliga frågor",
                [
                    (
                        "Räknas anmäld frånvaro också?",
                        "<p>Ja. Skolan följer all frånvaro, både när du har anmält den och när "
                        "du inte har gjort det. Det är mängden frånvaro som spelar roll.</p>",
                    ),
                    (
                        "Blir det en anmälan till socialtjänsten?",
                        "<p>Inte automatiskt. Skolan anmäler bara om den tror att ett barn far "
                        "illa. En anmälan betyder att socialtjänsten tar reda på om familjen "
                        "behöver stöd. Det är inget straff.</p>",
                    ),
                    (
                        "Kan jag få tolk till mötena?",
                        "<p>Ja. Säg till skolan eller föräldrarådgivaren att du vill ha tolk. "
                        "Det kostar ingenting för dig.</p>",
                    ),
                    (
                        "Måste jag berätta allt för skolan?",
                        "<p>Nej. Du bestämmer själv vad du berättar. Vi föräldrarådgivare har "
                        "tystnadsplikt och kan hjälpa dig att tänka igenom vad som är bra för "
                        "skolan att veta.</p>",
                    ),
                ],
            ),
            local_areas(
                {
                    "varby": "<p>I Vårby har föräldrarådgivarna drop-in på skolorna varje "
                    "vecka. Föräldragruppen om skolfrånvaro träffas på biblioteket.</p>",
                    "flemingsberg": "<p>I Flemingsberg startar en ny föräldragrupp om "
                    "skolfrånvaro i februari. Anmäl dig till föräldrarådgivarna.</p>",
                    "centrala-huddinge": "<p>I centrala Huddinge kan du träffa "
                    "föräldrarådgivaren på skolan eller på kontoret vid torget.</p>",
                    "skogas": "<p>I Skogås finns läxhjälp och mellanmål efter skolan på "
                    "fritidsgården, något som kan göra det lättare att orka med skoldagen.</p>",
                }
            ),
        ],
    }


def attendance_staircase(link):
    return {
        "title": "Närvarotrappan",
        "lead": (
            "Närvarotrappan är skolans plan för vad som händer när en elev är borta från "
            "skolan. Alla grundskolor i kommunen följer samma steg."
        ),
        "updated_date": datetime.date(2026, 8, 24),
        "body": [
            h2("Vad är närvarotrappan?"),
            para(
                "<p>Närvarotrappan är ett arbetssätt som beskriver steg för steg vad skolan gör "
                "när en elev är frånvarande. Alla kommunens grundskolor använder den. Då får "
                "alla elever samma stöd, oavsett vilken skola de går på.</p>",
                "<p>Skolan följer upp frånvaron regelbundet. Det gäller både anmäld och oanmäld "
                "frånvaro. Om frånvaron fortsätter tar skolan nästa steg. Vissa delar av trappan "
                "finns också som bilder, så att alla elever kan förstå vad som händer.</p>",
            ),
            steps(
                "Stegen i närvarotrappan",
                "Så här ser stegen ut. Hur snabbt skolan går vidare beror på ditt barns situation.",
                [
                    (
                        "Skolan märker frånvaron",
                        "school",
                        "<p>Om ditt barn är borta utan att du har anmält det, kontaktar skolan "
                        "dig samma dag.</p>",
                        "Samma dag",
                    ),
                    (
                        "Mentorn hör av sig",
                        "school",
                        "<p>Mentorn pratar med ditt barn och med dig. Ni försöker förstå vad som "
                        "händer.</p>",
                        "När frånvaron ökar",
                    ),
                    (
                        "Möte på skolan",
                        "together",
                        "<p>Skolan bjuder in dig och ditt barn. Ofta är rektorn eller någon från "
                        "elevhälsan med. Ni gör en plan tillsammans.</p>",
                        "Om frånvaron fortsätter",
                    ),
                    (
                        "Elevhälsan tar reda på orsakerna",
                        "school",
                        "<p>Elevhälsan är till exempel skolsköterska, kurator och "
                        "specialpedagog. Skolan kan anpassa undervisningen eller ge extra "
                        "stöd.</p>",
                        "",
                    ),
                    (
                        "Närvaroteamet kopplas in",
                        "attendance_team",
                        "<p>Skolan kan ta hjälp av "
                        f"{link('narvaroteamet', 'närvaroteamet')}, där skola och socialtjänst "
                        "arbetar tillsammans.</p>",
                        "Om frånvaron fortfarande är hög",
                    ),
                    (
                        "Uppföljning",
                        "together",
                        "<p>Ni ses regelbundet och ändrar planen om den inte hjälper, tills ditt "
                        "barns skolgång fungerar.</p>",
                        "Hela tiden",
                    ),
                ],
            ),
            fact_box(
                "Bra att veta",
                "<p>Alla som arbetar i skolan måste anmäla till socialtjänsten om de tror att "
                "ett barn far illa. Mycket hög frånvaro kan vara ett skäl till det. En anmälan "
                "är inget straff. Den betyder att socialtjänsten tar reda på om ditt barn och "
                "din familj behöver stöd.</p>",
            ),
            h2("Din roll som förälder"),
            para(
                "<p>Du känner ditt barn bäst. Därför är du viktig i varje steg. Berätta för "
                "skolan vad du ser hemma och säg till om du inte tror på planen.</p>",
                bullets(
                    "Anmäl frånvaro varje dag, på det sätt som skolan har bestämt.",
                    "Svara när skolan hör av sig, även om det känns jobbigt.",
                    "Be själv om ett möte om du är orolig. Du behöver inte vänta på skolan.",
                    "Be skolan boka tolk till mötet om du behöver. Det kostar ingenting för dig.",
                    "Ta gärna med någon du litar på till mötet, till exempel en föräldrarådgivare.",
                ),
            ),
            h2("Det här kan vi göra"),
            para(
                "<p>Föräldrarådgivaren kan förklara hur trappan fungerar på ditt barns skola och "
                "följa med på möten. Läs mer om "
                f"{link('skolfranvaro', 'problematisk skolfrånvaro')}, eller "
                f"{link('directory', 'hitta din föräldrarådgivare')}.</p>"
            ),
        ],
    }


def attendance_team(link):
    return {
        "title": "Närvaroteamet",
        "lead": (
            "Närvaroteamet hjälper elever med hög frånvaro att komma tillbaka till skolan. I "
            "teamet arbetar skolan och socialtjänsten tillsammans."
        ),
        "updated_date": datetime.date(2026, 6, 11),
        "body": [
            h2("Vad är närvaroteamet?"),
            para(
                "<p>Närvaroteamet finns för elever som har mycket frånvaro och behöver mer stöd "
                "än skolan ensam kan ge. I teamet arbetar personal från skolan och från "
                "socialtjänsten sida vid sida. Därför kan teamet agera snabbt och se hela "
                "barnets situation, både i skolan och hemma.</p>",
                "<p>Målet är enkelt: att ditt barn ska få en skolgång och en vardag som "
                "fungerar.</p>",
            ),
            h2("Varför ett team?"),
            para(
                "<p>Orsakerna till frånvaro är ofta flera. Det kan handla om hur ditt barn mår, "
                "om hur det är i skolan och om hur det är hemma. Därför behövs olika "
                "kunskaper. Det finns ingen lösning som passar alla. Varje elev får stöd som är "
                "anpassat efter just sina behov.</p>"
            ),
            h2("Hur går det till?"),
            para(
                "<p>Oftast är det skolan som tar kontakt med närvaroteamet, som ett steg i "
                f"{link('narvarotrappan', 'närvarotrappan')}. Du får alltid veta det innan. Du "
                "och ditt barn är med och bestämmer hur stödet ska se ut.</p>",
                numbered(
                    "Ni träffas och pratar om vad som gör skolan svår.",
                    "Ni gör en plan med små, tydliga steg. Det kan till exempel vara att börja "
                    "med några lektioner i veckan, eller att en vuxen möter ditt barn vid "
                    "skolan på morgonen.",
                    "Teamet och skolan följer upp planen ofta. Ni ändrar den om något inte "
                    "fungerar.",
                ),
            ),
            quote(
                "Vi började med en lektion om dagen. Efter några veckor var min son i skolan "
                "hela förmiddagarna. Det tog tid, men vi gav inte upp.",
                name="Samira",
            ),
            h2("Så kan du göra"),
            para(
                bullets(
                    "Berätta för skolan att du vill ha hjälp. Du kan själv fråga om närvaroteamet.",
                    "Berätta vad som fungerar hemma. Det är viktig kunskap för teamet.",
                    "Hör av dig till föräldrarådgivaren om du vill ha stöd för din egen del, "
                    "till exempel inför ett möte.",
                )
            ),
            fact_box(
                "Gratis och frivilligt",
                "<p>Det kostar ingenting att få stöd av närvaroteamet, och det är frivilligt. "
                "Du kan få tolk utan kostnad. Vill du veta mer? "
                f"{link('directory', 'Hitta din föräldrarådgivare')}.</p>",
            ),
        ],
    }


def meaningful_leisure(link):
    return {
        "title": "En meningsfull fritid",
        "lead": (
            "En bra fritid gör det lättare att orka med skolan. Här kan du läsa om "
            "aktiviteterna efter skolan och hur ditt barn kan vara med."
        ),
        "updated_date": datetime.date(2026, 5, 20),
        "body": [
            h2("Därför är fritiden viktig"),
            para(
                "<p>Det som händer efter skolan spelar roll för hur barn mår. När ditt barn har "
                "något roligt att göra, vuxna att prata med och kompisar att träffa, blir det "
                "också lättare att gå till skolan.</p>",
                "<p>Sådant kallas skyddsfaktorer. Det betyder saker i ett barns liv som skyddar "
                "mot att må dåligt eller hamna utanför.</p>",
            ),
            h2("Aktiviteter direkt efter skolan"),
            para(
                "<p>På flera skolor finns aktiviteter som börjar direkt när skoldagen är slut. "
                "De är gratis och öppna för alla elever. Det kan till exempel vara:</p>",
                bullets(
                    "mellanmål",
                    "läxhjälp",
                    "idrott och rörelse",
                    "kultur, till exempel musik, dans, bild eller läsning",
                ),
                "<p>Aktiviteterna leds av fritidsledare, fältare, föreningar, bibliotekarier och "
                "lärare från kulturskolan. Fältare är vuxna som möter barn och unga ute i "
                "området, där de unga själva är.</p>",
            ),
            h2("Satsningen i Skogås och Flemingsberg"),
            para(
                "<p>Hösten 2023 startade en satsning på meningsfull fritid i bland annat Skogås "
                "och Flemingsberg. Där samarbetar många vuxna för att barnen ska få en bra "
                "början och ett bra slut på dagen.</p>"
            ),
            quote(
                "Min dotter går till läxhjälpen två dagar i veckan. Hon äter mellanmål, gör "
                "läxorna och kommer hem glad. Då blir kvällarna lugnare för oss alla."
            ),
            h2("Så kan du göra"),
            para(
                bullets(
                    "Fråga ditt barns mentor eller en fritidsledare vilka aktiviteter som finns.",
                    "Följ gärna med första gången om ditt barn tycker att det känns pirrigt.",
                    "Låt ditt barn välja. Det viktigaste är att aktiviteten känns rolig.",
                    "Hör av dig till oss om ni inte hittar något som passar. Vi kan tipsa om "
                    "föreningar och aktiviteter i närheten.",
                )
            ),
            fact_box(
                "Fritid och skolfrånvaro",
                "<p>En meningsfull fritid är en del av arbetet mot "
                f"{link('skolfranvaro', 'problematisk skolfrånvaro')}. Den som har något att se "
                "fram emot efter skolan har ofta lättare att ta sig dit.</p>",
            ),
        ],
    }


def parenting_support(link):
    return {
        "title": "Föräldraskapsstöd",
        "lead": (
            "Alla föräldrar behöver någon att prata med ibland. Här kan du läsa om vilket stöd "
            "du kan få i ditt föräldraskap."
        ),
        "updated_date": datetime.date(2026, 3, 2),
        "body": [
            h2("Vad är föräldraskapsstöd?"),
            para(
                "<p>Föräldraskapsstöd är hjälp till dig som förälder, så att du kan stötta ditt "
                "barn. Det kan vara ett samtal, en föräldragrupp eller en träff på skolan. Du "
                "behöver inte ha ett stort problem för att få stöd. Det räcker att du undrar "
                "över något.</p>"
            ),
            h2("Det här kan du prata med oss om"),
            para(
                bullets(
                    "gränser och bråk hemma",
                    "hur du kan prata med ditt barn om svåra saker",
                    "skärmtid, sömn och rutiner",
                    "kompisar, mobbning eller oro för vilka ditt barn umgås med",
                    "kontakten med skolan",
                    "hur det är att vara förälder i ett nytt land eller att vara ensam förälder",
                )
            ),
            h2("Så kan stödet se ut"),
            h3("Samtal"),
            para(
                "<p>Du kan träffa en föräldrarådgivare en gång eller flera. Vi kan ses på skolan, "
                "prata i telefon eller träffas på en annan plats som passar dig.</p>"
            ),
            h3("Föräldragrupper"),
            para(
                "<p>Ibland startar vi grupper där föräldrar träffas och pratar om ett ämne, till "
                "exempel skolfrånvaro. I en grupp får du kunskap och kan höra hur andra "
                "föräldrar gör.</p>"
            ),
            h3("Aktiviteter på skolan"),
            para(
                "<p>Vi är med på föräldramöten och andra träffar som skolan ordnar. Ibland "
                "ordnar vi egna aktiviteter. I Vårby har vi till exempel haft en läslustdag, "
                "där familjer fick tips om hur de kan läsa tillsammans hemma.</p>"
            ),
            quote(
                "Vi pratade om vad som händer när man bråkar på morgonen. Jag fick tips som jag "
                "kunde prova redan dagen efter.",
                name="Jussi",
            ),
            h2("Om du behöver mer hjälp"),
            para(
                "<p>Ibland behöver en familj mer stöd än vi kan ge. Då hjälper vi dig att hitta "
                "rätt, till exempel till elevhälsan, vården eller socialtjänstens andra "
                "verksamheter. Du bestämmer själv om du vill ta emot hjälpen.</p>"
            ),
            fact_box(
                "Gratis, frivilligt och anonymt",
                "<p>Stödet kostar ingenting. Du kan vara anonym om du vill. Behöver du tolk "
                "bokar vi det utan kostnad för dig.</p>",
            ),
            h2("Kontakta oss"),
            para(
                "<p>Ring eller mejla föräldrarådgivaren på ditt barns skola. Du hittar "
                f"kontaktuppgifterna på sidan {link('directory', 'Hitta din föräldrarådgivare')}."
                "</p>"
            ),
        ],
    }


def placed_children(link):
    return {
        "title": "Stöd till föräldrar till placerade barn",
        "lead": (
            "Du är viktig för ditt barn, även när barnet bor någon annanstans. Här kan du läsa "
            "om vilket stöd du har rätt till och vem du kan prata med."
        ),
        "updated_date": datetime.date(2026, 10, 12),
        "body": [
            h2("När ditt barn bor någon annanstans"),
            para(
                "<p>Ibland bor ett barn under en tid i ett familjehem eller på ett HVB-hem. Det "
                "kallas att barnet är placerat. Ett familjehem är en familj som tar hand om "
                "barnet i sitt hem. HVB betyder hem för vård eller boende.</p>",
                "<p>Det är vanligt att känna sorg, ilska eller skam när ens barn är placerat. "
                "Alla känslor är tillåtna. Hur det än har blivit så är du viktig för ditt barn, "
                "både nu och senare.</p>",
            ),
            h2("Du har rätt till stöd"),
            para(
                "<p>Som förälder till ett placerat barn har du rätt till råd, stöd och annan "
                "hjälp från socialtjänsten. Det står i socialtjänstlagen. Stödet kan till "
                "exempel handla om hur du håller kontakten med ditt barn, hur ni ska träffas "
                "eller hur du själv mår.</p>"
            ),
            h2("Vem kan du prata med?"),
            para(
                "<p>Den som kan svara på frågor om ditt barns placering är barnets "
                "socialsekreterare på socialtjänsten. Ring och be om ett samtal om du har "
                "frågor, är orolig eller vill ha mer stöd. Du kan också fråga om du kan få "
                "träffa en familjebehandlare.</p>",
                "<p>Vet du inte vem som är ditt barns socialsekreterare? Ring vårt gemensamma "
                f"nummer {GENERAL_PHONE}, så hjälper vi dig att komma i kontakt med rätt "
                "person.</p>",
                "<p>Skriv inte uppgifter om ditt barn eller om placeringen i e-post. Ring "
                "hellre.</p>",
            ),
            h2("Så kan du göra"),
            para(
                bullets(
                    "Skriv ner dina frågor innan ni ses, så att du inte glömmer något.",
                    "Be om en förklaring om du inte förstår. Du har rätt att få information på "
                    "ett sätt som du förstår, och att få tolk utan kostnad.",
                    "Ta gärna med någon du litar på till möten.",
                    "Fråga hur du kan vara delaktig i ditt barns vardag, till exempel i skolan.",
                    "Ta hand om dig själv. Det är lättare att finnas för ditt barn när du får "
                    "stöd.",
                )
            ),
            quote(
                "Det jag behövde mest var att någon sa att jag fortfarande är hans mamma. Efter "
                "det orkade jag fråga om allt jag undrade över."
            ),
            h2("Föräldrarådgivarnas roll"),
            para(
                "<p>Föräldrarådgivarna arbetar förebyggande på skolorna och beslutar inte om "
                "placeringar. Om ditt barn går i en skola där vi finns kan vi ändå lyssna på "
                "dig och hjälpa dig att hitta rätt person på socialtjänsten.</p>",
                "<p>Medarbetare i socialtjänsten fortbildar sig också i hur de kan ge föräldrar "
                "till placerade barn ett bättre stöd.</p>",
            ),
            fact_box(
                "Om det är akut",
                "<p>Är någon i fara: ring 112.</p>"
                "<p>På kvällar, nätter och helger, när socialtjänstens kontor är stängt, finns "
                "socialjouren. Socialjouren tar emot akuta ärenden. Du når socialjouren på "
                f"{SOCIALJOUR_PHONE}.</p>",
                tone="important",
            ),
        ],
    }


# The pages below the home page, in the order they are built: the hub first, then the
# directory, then the guidance pages in the order the hub lists them.
# (key, model, slug, content function)
PAGES = [
    ("hub", GuidanceIndexPage, HUB_SLUG, hub),
    ("directory", AdvisorDirectoryPage, DIRECTORY_SLUG, directory),
    ("skolfranvaro", GuidancePage, "problematisk-skolfranvaro", problematic_absence),
    ("narvarotrappan", GuidancePage, "narvarotrappan", attendance_staircase),
    ("narvaroteamet", GuidancePage, "narvaroteamet", attendance_team),
    ("fritid", GuidancePage, "en-meningsfull-fritid", meaningful_leisure),
    ("foraldraskapsstod", GuidancePage, "foraldraskapsstod", parenting_support),
    ("placerade", GuidancePage, "stod-till-foraldrar-till-placerade-barn", placed_children),
]

FEATURED_KEYS = ["skolfranvaro", "narvarotrappan", "foraldraskapsstod", "fritid"]

# Who answers for each page, and in how many days from the first seed it is to be reviewed:
# a spread for the report "Sidor att granska" and the dashboard (negative: already overdue).
PAGE_REVIEW = {
    "hub": (roles.ADVISORS, 150),
    "directory": (roles.ADVISORS, 90),
    "skolfranvaro": (roles.ADVISORS, -12),
    "narvarotrappan": (roles.ADVISORS, 9),
    "narvaroteamet": (roles.ADVISORS, 120),
    "fritid": (roles.ADVISORS, 200),
    "foraldraskapsstod": (roles.ADVISORS, 260),
    # Sensitive subject, so reviewed more often.
    "placerade": (roles.ADVISORS, 60),
}

# (slug, name, description)
TOPICS = [
    ("skolfranvaro", "Skolfrånvaro", "När ett barn har svårt att gå till skolan."),
    ("foraldraskap", "Föräldraskap", "Stöd i vardagen som förälder."),
    ("placerade-barn", "Placerade barn", "För dig vars barn bor i ett familjehem eller HVB."),
    ("fritid", "Fritid", "Aktiviteter, läxhjälp och mellanmål efter skolan."),
    ("samverkan", "Samverkan skola–socialtjänst", "Hur skolan och socialtjänsten arbetar ihop."),
]
# (slug, name, label in the hub's switch)
AUDIENCES = [
    ("foraldrar", "Föräldrar", "För föräldrar"),
    ("yrkesverksamma", "Yrkesverksamma", "För yrkesverksamma"),
]
# Each guidance page's topics, audiences and whether its subject is sensitive.
PAGE_TOPICS = {
    "skolfranvaro": (["skolfranvaro"], ["foraldrar"], False),
    "narvarotrappan": (["skolfranvaro", "samverkan"], ["foraldrar", "yrkesverksamma"], False),
    "narvaroteamet": (["skolfranvaro", "samverkan"], ["foraldrar", "yrkesverksamma"], False),
    "fritid": (["fritid"], ["foraldrar"], False),
    "foraldraskapsstod": (["foraldraskap"], ["foraldrar"], False),
    "placerade": (["placerade-barn", "foraldraskap"], ["foraldrar"], True),
}


def existing_pages(home):
    """The hub and its pages as they already are, by key (empty on a fresh database)."""
    pages = {}
    hub_page = GuidanceIndexPage.objects.child_of(home).filter(slug=HUB_SLUG).first()
    if hub_page is None:
        return pages
    pages["hub"] = hub_page
    for key, model, slug, _content in PAGES[1:]:
        page = model.objects.child_of(hub_page).filter(slug=slug).first()
        if page is not None:
            pages[key] = page
    return pages


def build_topics(report):
    topics = {
        slug: upsert_snippet(
            Topic, {"slug": slug}, report, name=name, description=description, sort_order=order
        )
        for order, (slug, name, description) in enumerate(TOPICS)
    }
    audiences = {
        slug: upsert_snippet(
            Audience, {"slug": slug}, report, name=name, label=label, sort_order=order
        )
        for order, (slug, name, label) in enumerate(AUDIENCES)
    }
    return topics, audiences


def build_pages(home, report):
    pages = existing_pages(home)
    topics, audiences = build_topics(report)

    def build(key, model, slug, content):
        parent = home if key == "hub" else pages["hub"]
        links = PageLinks(pages)
        fields = content(links)
        m2m = None
        if key in PAGE_TOPICS:
            topic_slugs, audience_slugs, sensitive = PAGE_TOPICS[key]
            fields["sensitive"] = sensitive
            m2m = {
                "topics": [topics[slug] for slug in topic_slugs],
                "audiences": [audiences[slug] for slug in audience_slugs],
            }
        fields.update(review_fields(pages.get(key), *PAGE_REVIEW[key]))
        pages[key] = upsert_page(parent, model, slug, report, m2m=m2m, **fields)
        return links.missing

    # On a fresh database a page can link to one built after it; build those once more.
    rebuild = [spec for spec in PAGES if build(*spec)]
    for spec in rebuild:
        build(*spec)

    return {**pages, "featured_keys": FEATURED_KEYS}
