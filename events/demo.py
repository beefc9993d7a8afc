"""Demo content of the calendar: events drawn from the seed texts, among them a course round
with sign-up (20 seats) and parent groups on school absence."""

import datetime
import zoneinfo

from portal.demo import upsert_page

from .models import EventFormField, EventIndexPage, EventPage

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def at(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


def para(text):
    return ("paragraph", f"<p>{text}</p>")


EVENTS = [
    {
        "slug": "foralder-pa-avstand-2027",
        "title": "Förälder på avstånd – ny kursomgång",
        "lead": (
            "En utbildning för dig som arbetar i socialtjänsten och möter föräldrar till "
            "placerade barn. Fyra träffar med forskning, exempel och erfarenhetsutbyte."
        ),
        "start": at(2027, 2, 4, 9),
        "end": at(2027, 2, 4, 15, 30),
        "place": "Kommunhuset, sal Mälaren",
        "address": "Exempelgatan 1, Huddinge",
        "organiser": "Socialtjänsten i samarbete med föräldrarådgivningen",
        "topics": ["placerade-barn"],
        "audiences": ["yrkesverksamma"],
        "registration": {
            "seat_limit": 20,
            "closes": at(2027, 1, 25, 16),
            "intro": "<p>Anmäl dig senast 25 januari. Kursen är gratis för kommunens "
            "medarbetare.</p>",
            "fields": [
                ("Namn", "singleline", True, ""),
                ("E-post", "email", True, "Hit skickar vi bekräftelsen."),
                ("Arbetsplats", "singleline", True, 'T.ex. "Socialtjänsten, barn och unga".'),
                (
                    "Behöver du anpassningar?",
                    "multiline",
                    False,
                    "T.ex. hörslinga eller specialkost. Skriv inga uppgifter om hälsa utöver det "
                    "vi behöver veta.",
                ),
            ],
        },
        "body": [
            para(
                "Föräldrar till barn i samhällsvård har rätt till råd och stöd från "
                "socialtjänsten. Utbildningen handlar om vad föräldrarna behöver, vem som kan ge "
                "stödet och hur barnperspektivet finns kvar när vi fokuserar på föräldrarna."
            ),
            para(
                "Mellan träffarna arbetar du med en plan för att förbättra stödet på din egen "
                "arbetsplats."
            ),
        ],
    },
    {
        "slug": "foraldragrupp-skolfranvaro-flemingsberg-2027",
        "title": "Föräldragrupp om skolfrånvaro i Flemingsberg",
        "lead": (
            "Sex träffar för dig som har ett barn som har svårt att gå till skolan. Vi pratar, "
            "delar erfarenheter och får tips."
        ),
        "start": at(2027, 1, 14, 17, 30),
        "end": at(2027, 1, 14, 19),
        "place": "Flemingsbergs dalskola, biblioteket",
        "address": "Exempelgränd 12, Flemingsberg",
        "organiser": "Föräldrarådgivarna i Flemingsberg",
        "topics": ["skolfranvaro"],
        "audiences": ["foraldrar"],
        "registration": {
            "seat_limit": 12,
            "closes": None,
            "intro": "<p>Vi bokar tolk om du behöver. Du kan vara anonym i gruppen.</p>",
            "fields": [
                (
                    "Förnamn eller smeknamn",
                    "singleline",
                    True,
                    "Du behöver inte skriva ditt efternamn.",
                ),
                ("Telefon eller e-post", "singleline", True, "Så att vi kan nå dig inför träffen."),
                ("Språk för tolk", "singleline", False, "Lämna tomt om du inte behöver tolk."),
            ],
        },
        "body": [
            para(
                "Gruppen träffas sex torsdagar i rad. Två föräldrarådgivare leder träffarna. "
                "Barnen behöver inte vara med."
            )
        ],
    },
    {
        "slug": "laslustdag-varby-2027",
        "title": "Läslustdag i Vårby",
        "lead": "Högläsning, boktips och fika för barn och föräldrar. Ingen anmälan behövs.",
        "start": at(2027, 4, 8, 14),
        "end": at(2027, 4, 8, 17),
        "place": "Vårby strandskola",
        "address": "Exempelvägen 4, Vårby",
        "organiser": "Föräldrarådgivarna i Vårby och biblioteket",
        "topics": ["foraldraskap", "fritid"],
        "audiences": ["foraldrar"],
        "registration": None,
        "body": [para("Du kan låna böcker på flera språk. Välkommen när det passar dig!")],
    },
    {
        "slug": "barnrattsdagarna-2022",
        "title": "Föräldrarådgivarna på Barnrättsdagarna",
        "lead": "Föräldrarådgivarna berättade om arbetet i skolorna på en konferens i Karlstad.",
        "start": at(2022, 5, 25, 9),
        "end": at(2022, 5, 25, 16),
        "place": "Karlstad",
        "address": "",
        "organiser": "Stiftelsen Allmänna Barnhuset",
        "topics": ["samverkan"],
        "audiences": ["yrkesverksamma"],
        "registration": None,
        "body": [
            para(
                "Temat var varje barns rätt till utbildning och information. Föräldrarådgivarna "
                "visade hur nära samarbete mellan skola och socialtjänst kan se ut."
            )
        ],
    },
    {
        "slug": "foralder-pa-avstand-2024",
        "title": "Förälder på avstånd – kursstart hösten 2024",
        "lead": "Den andra omgången av utbildningen för yrkesverksamma startade i november 2024.",
        "start": at(2024, 11, 7, 9),
        "end": at(2024, 11, 7, 15, 30),
        "place": "Kommunhuset",
        "address": "Exempelgatan 1, Huddinge",
        "organiser": "Socialtjänsten",
        "topics": ["placerade-barn"],
        "audiences": ["yrkesverksamma"],
        "registration": None,
        "body": [para("Kursen är genomförd. En ny omgång startar i februari 2027.")],
    },
]


def build(home, report):
    from advice.models import Audience, Topic

    index = upsert_page(
        home,
        EventIndexPage,
        "kalender",
        report,
        title="Kalender",
        show_in_menus=True,
        intro="<p>Kurser, föräldragrupper och träffar med föräldrarådgivningen.</p>",
    )
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    audiences = {audience.slug: audience for audience in Audience.objects.all()}
    for event in EVENTS:
        registration = event["registration"] or {}
        page = upsert_page(
            index,
            EventPage,
            event["slug"],
            report,
            title=event["title"],
            lead=event["lead"],
            start=event["start"],
            end=event["end"],
            place=event["place"],
            address=event["address"],
            organiser=event["organiser"],
            body=event["body"],
            registration_enabled=bool(registration),
            seat_limit=registration.get("seat_limit"),
            registration_closes_at=registration.get("closes"),
            registration_intro=registration.get("intro", ""),
            m2m={
                "topics": [topics[slug] for slug in event["topics"]],
                "audiences": [audiences[slug] for slug in event["audiences"]],
            },
        )
        _form_fields(page, registration.get("fields", []), report)
    return index


def _form_fields(page, fields, report):
    """The sign-up form's fields, kept in step with the demo without duplicating them."""
    wanted = [tuple(field) for field in fields]
    stored = [
        (f.label, f.field_type, f.required, f.help_text)
        for f in page.form_fields.order_by("sort_order")
    ]
    if stored == wanted:
        return
    page.form_fields = [
        EventFormField(
            label=label, field_type=field_type, required=required, help_text=help_text, sort_order=n
        )
        for n, (label, field_type, required, help_text) in enumerate(fields)
    ]
    page.save_revision().publish()
    report.record("updated", page)
