"""Demo content of the home app: the start page, standard pages and contact settings.

Contact details are fictional: the phone number is from the range PTS reserves for fiction and
e-mail addresses use example.org.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings as django_settings

from wagtail.models import Site

from advice.demo import GENERAL_PHONE, SOCIALJOUR_PHONE, existing_pages
from editorial import roles
from portal.demo import (
    PageLinks,
    bullets,
    fact_box,
    h2,
    h3,
    home_page_for_default_site,
    para,
    review_fields,
    update_object,
    upsert_page,
)
from portal.models import ContactSettings, HelpNowSettings

from .models import HomePage, HomePageFeaturedGuidance, StandardPage

GENERAL_EMAIL = "foraldraradgivning@example.org"
PHONE_HOURS = "Måndag–fredag 8.30–16.00"
VISITING_ADDRESS = "Exempelgatan 1, Huddinge"
POSTAL_ADDRESS = "Box 1, 141 00 Huddinge"
DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan"


def mailto(address):
    return f'<a href="mailto:{address}">{address}</a>'


# --- Standard pages ----------------------------------------------------------------------


def privacy(link):
    return {
        "title": "Så behandlar vi personuppgifter",
        "lead": (
            "Här kan du läsa hur föräldrarådgivningen behandlar personuppgifter när du besöker "
            "webbplatsen eller kontaktar oss, och vilka rättigheter du har."
        ),
        "updated_date": datetime.date(2026, 10, 20),
        "body": [
            h2("Vem är ansvarig för dina uppgifter?"),
            para(
                "<p>Socialnämnden i Huddinge kommun är personuppgiftsansvarig. Det betyder att "
                "nämnden ansvarar för att dina uppgifter behandlas korrekt och säkert, enligt "
                "dataskyddsförordningen (GDPR).</p>",
                "<p>Kommunen har ett dataskyddsombud som kontrollerar att reglerna följs. Du når "
                f"dataskyddsombudet på {mailto('dataskyddsombud@example.org')}.</p>",
            ),
            h2("När du besöker webbplatsen"),
            para(
                "<p>Du kan läsa allt på webbplatsen utan att lämna några uppgifter om dig själv. "
                "Webbplatsen använder inga kakor (cookies) för dig som besöker den. Vi använder "
                "inte heller besöksstatistik, annonser eller knappar för sociala medier från "
                "andra företag. Ingen utanför kommunen får alltså veta vilka sidor du läser.</p>",
                "<p>Kakor används bara för de medarbetare som loggar in för att uppdatera "
                "webbplatsen.</p>",
            ),
            h2("När du kontaktar oss"),
            para(
                "<p>När du ringer, mejlar eller träffar en föräldrarådgivare behandlar vi de "
                "uppgifter som du själv väljer att lämna, till exempel ditt namn och "
                "telefonnummer. Vi använder uppgifterna för att kunna ge dig råd och stöd och "
                "för att hålla kontakten med dig.</p>",
                "<p>Du kan vara anonym. Då sparar vi inga uppgifter om vem du är.</p>",
            ),
            h2("Varför får vi behandla uppgifterna?"),
            para(
                "<p>Vi behandlar personuppgifter för att utföra en uppgift av allmänt intresse. "
                "Att ge råd och stöd till föräldrar är en uppgift som socialtjänsten har enligt "
                "lag. Ibland måste vi också spara uppgifter för att följa lagar om "
                "dokumentation och arkiv.</p>"
            ),
            h2("Sekretess och allmänna handlingar"),
            para(
                "<p>Det du skickar till oss blir en allmän handling. Uppgifter om dina och ditt "
                "barns personliga förhållanden skyddas av sekretess inom socialtjänsten. Skicka "
                "ändå inga känsliga uppgifter med e-post, eftersom e-post inte är ett säkert "
                "sätt att skicka information. Ring hellre.</p>"
            ),
            h2("Hur länge sparar vi uppgifterna?"),
            para(
                "<p>Vi sparar inte uppgifterna längre än vi behöver. Hur länge vi sparar dem "
                "bestäms av lagar och av socialnämndens beslut om gallring. Gallring betyder "
                "att uppgifter tas bort.</p>"
            ),
            h2("Vilka får ta del av uppgifterna?"),
            para(
                "<p>Bara de medarbetare som behöver uppgifterna i sitt arbete får ta del av dem. "
                "Vi lämnar inte ut uppgifter till andra, till exempel till skolan, om du inte "
                "har sagt ja till det eller om en lag kräver det.</p>"
            ),
            h2("Dina rättigheter"),
            para(
                "<p>Du har rätt att:</p>",
                bullets(
                    "få veta vilka uppgifter vi har om dig (ett så kallat registerutdrag)",
                    "få felaktiga uppgifter rättade",
                    "i vissa fall få uppgifter raderade eller begränsade",
                    "invända mot att vi behandlar dina uppgifter",
                ),
                "<p>Ibland måste vi spara uppgifter även om du ber oss ta bort dem, till exempel "
                "när lagen säger att de ska arkiveras. Kontakta oss på "
                f"{GENERAL_PHONE} eller {mailto(GENERAL_EMAIL)} om du vill använda dina "
                "rättigheter.</p>",
            ),
            h2("Om du vill klaga"),
            para(
                "<p>Om du tycker att vi behandlar dina personuppgifter på fel sätt kan du "
                "kontakta oss eller dataskyddsombudet. Du har också rätt att lämna klagomål "
                "till Integritetsskyddsmyndigheten (IMY), som är tillsynsmyndighet.</p>"
            ),
        ],
    }


def table(caption, headings, rows):
    """A table block of text cells with a caption and a heading over each column."""
    return (
        "table",
        {
            "caption": caption,
            "columns": [{"type": "text", "heading": heading} for heading in headings],
            "rows": [{"values": row} for row in rows],
        },
    )


def contact(link):
    return {
        "title": "Kontakta oss",
        "lead": (
            "Du kan ringa, mejla eller träffa oss på skolan. Du bestämmer själv hur mycket du "
            "vill berätta."
        ),
        "updated_date": datetime.date(2026, 11, 2),
        "body": [
            h2("Ring eller mejla"),
            para(
                f"<p>Ring vårt gemensamma nummer <b>{GENERAL_PHONE}</b>. Vi svarar måndag till "
                f"fredag klockan 8.30–16.00. Du kan också mejla till {mailto(GENERAL_EMAIL)}."
                "</p>",
                "<p>Vill du prata direkt med föräldrarådgivaren på ditt barns skola? På sidan "
                f"{link('directory', 'Hitta din föräldrarådgivare')} finns telefonnummer och "
                "e-post till alla föräldrarådgivare.</p>",
            ),
            h2("Besök oss"),
            para(
                "<p>Föräldrarådgivarna finns på skolorna. Ring eller mejla först, så bestämmer "
                "vi en tid som passar dig. Vi kan ses på skolan, på vårt kontor eller någon "
                "annanstans.</p>",
                bullets(
                    f"Kontoret ligger på {VISITING_ADDRESS}.",
                    "På tisdagar klockan 13.00–15.00 kan du komma utan att boka tid.",
                    "Andra tider bokar du med oss på telefon eller e-post.",
                ),
            ),
            table(
                "Så når du oss",
                ["Kontaktväg", "När", "Bra för"],
                [
                    ["Telefon", "Måndag–fredag 8.30–16.00", "Frågor och att boka en tid"],
                    ["E-post", "Svar inom två arbetsdagar", "Att be oss ringa upp dig"],
                    ["Drop-in på skolan", "Se din skola", "Ett första samtal utan bokning"],
                    ["Kontoret", "Tisdagar 13.00–15.00", "Samtal utan bokning"],
                ],
            ),
            h2("Du kan vara anonym"),
            para(
                "<p>Du behöver inte säga ditt namn när du ringer. Vi kan ge dig råd ändå. Om du "
                "vill ha fortsatt kontakt bestämmer vi tillsammans hur vi når dig.</p>"
            ),
            fact_box(
                "E-post är inte säkert",
                "<p>Skriv inte ditt barns personnummer, uppgifter om hälsa eller annat om din "
                "familjs situation i ett mejl. Skriv bara att du vill bli kontaktad och hur vi "
                "når dig. Läs mer om hur vi "
                f"{link('personuppgifter', 'behandlar personuppgifter')}.</p>",
                tone="important",
            ),
            h2("Tolk"),
            para(
                "<p>Du har rätt till tolk när du träffar oss. Tolken kostar ingenting för dig "
                "och har tystnadsplikt. Säg vilket språk du vill ha när du kontaktar oss, så "
                "bokar vi tolken.</p>",
                "<p>Huddinge ingår i det finska förvaltningsområdet. Det betyder att du har rätt "
                "att använda finska när du har kontakt med oss.</p>",
            ),
            h2("Om det är akut"),
            para(
                "<p>Om någon är i fara eller om något allvarligt har hänt: ring 112.</p>",
                "<p>Socialjouren tar emot akuta ärenden på kvällar, nätter och helger, när "
                "socialtjänstens kontor är stängt. Du når socialjouren på "
                f"{SOCIALJOUR_PHONE}.</p>",
            ),
        ],
    }


def accessibility(link):
    return {
        "title": "Tillgänglighetsredogörelse",
        "lead": (
            "Huddinge kommun, socialtjänsten, står bakom webbplatsen Föräldrarådgivning. Vi vill "
            "att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen "
            "uppfyller lagen om tillgänglighet till digital offentlig service, vilka brister vi "
            "känner till och hur du kan rapportera problem."
        ),
        "updated_date": datetime.date(2026, 10, 20),
        "body": [
            h2("Hur tillgänglig är webbplatsen?"),
            para(
                "<p>Vi vet att delar av webbplatsen inte är helt tillgängliga. Du kan läsa mer "
                "under rubriken Innehåll som inte är tillgängligt längre ner på sidan.</p>"
            ),
            h2("Vad kan du göra om du inte kan använda delar av webbplatsen?"),
            para(
                "<p>Om du behöver innehåll från webbplatsen i ett annat format, till exempel "
                "uppläst eller förklarat på ett enklare sätt, kan du kontakta oss:</p>",
                bullets(
                    f"e-post: {mailto(GENERAL_EMAIL)}",
                    f"telefon: {GENERAL_PHONE} ({PHONE_HOURS.lower()})",
                ),
                "<p>Vi svarar inom två arbetsdagar.</p>",
            ),
            h2("Rapportera brister i webbplatsens tillgänglighet"),
            para(
                "<p>Vi försöker hela tiden göra webbplatsen bättre. Om du upptäcker problem som "
                "inte beskrivs på den här sidan, eller om du tycker att vi inte uppfyller "
                "lagens krav, vill vi gärna veta det. Mejla eller ring oss, se kontaktuppgifterna "
                f"ovan eller på sidan {link('kontakt', 'Kontakta oss')}.</p>",
                "<p>Berätta vilken sida det gäller och vad som inte fungerar. Skriv inga "
                "uppgifter om dig själv eller din familj, eftersom ditt meddelande blir en "
                "allmän handling.</p>",
            ),
            h2("Tillsyn"),
            para(
                "<p>Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över "
                "lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med "
                "hur vi hanterar dina synpunkter kan du "
                f'<a href="{DIGG_COMPLAINT_URL}">anmäla det till Digg via deras formulär</a> '
                "(länk till annan webbplats).</p>"
            ),
            h2("Teknisk information om webbplatsens tillgänglighet"),
            para(
                "<p>Webbplatsen är <b>delvis förenlig</b> med lagen om tillgänglighet till "
                "digital offentlig service, på grund av de brister som beskrivs nedan.</p>",
                "<p>Vi bedömer webbplatsen mot kraven i standarden EN 301 549 V3.2.1, som "
                "bygger på WCAG 2.1 nivå AA. Vi bygger webbplatsen så att den också ska "
                "uppfylla WCAG 2.2 nivå AA.</p>",
            ),
            h2("Innehåll som inte är tillgängligt"),
            para(
                "<p>Här är de brister vi känner till. Vi planerar att åtgärda dem under första "
                "halvåret 2027.</p>"
            ),
            h3("För dig som använder skärmläsare"),
            para(
                "<p>Vi har ännu inte testat webbplatsen med skärmläsare, varken på dator eller "
                "i mobiltelefon. Det kan därför finnas problem som vi inte känner till "
                "(WCAG 4.1.2).</p>"
            ),
            h3("För dig som inte ser eller ser dåligt"),
            para(
                "<p>Bilderna på webbplatsen är tillfälliga illustrationer som vi använder medan "
                "webbplatsen byggs. Bilderna av föräldrarådgivarna är inte riktiga foton. "
                "Alternativtexterna säger därför inte så mycket om vad bilderna visar "
                "(WCAG 1.1.1).</p>"
            ),
            h3("För dig som har en kognitiv nedsättning"),
            para(
                bullets(
                    "Delar av innehållet är demoinnehåll som vi fortfarande granskar. Vissa "
                    "texter kan vara svåra att förstå eller innehålla uppgifter som inte "
                    "stämmer.",
                    "Det finns ännu ingen lättläst version av webbplatsen.",
                    "Det finns ännu ingen information på finska, de andra nationella "
                    "minoritetsspråken eller andra språk.",
                    "Redaktörerna kan ännu inte märka ut text på andra språk än svenska, så "
                    "skärmläsare kan uttala sådan text fel (WCAG 3.1.2).",
                )
            ),
            h2("Oskäligt betungande anpassning"),
            para(
                "<p>Vi gör inga undantag för innehåll med hänvisning till att en anpassning "
                "skulle vara oskäligt betungande.</p>"
            ),
            h2("Innehåll som inte omfattas av lagkraven"),
            para("<p>Webbplatsen har inget innehåll som ligger utanför lagens krav.</p>"),
            h2("Hur vi testat webbplatsen"),
            para(
                "<p>Vi har gjort en självskattning, det vill säga en egen granskning av "
                "webbplatsen. Vi har:</p>",
                bullets(
                    "kontrollerat sidorna med automatiska verktyg",
                    "använt webbplatsen med bara tangentbordet",
                    "förstorat texten till 200 procent",
                    "visat sidorna i en 320 pixlar bred webbläsare, som motsvarar 400 procents "
                    "förstoring",
                ),
                "<p>Den senaste bedömningen gjordes den 2 oktober 2026.</p>",
                "<p>Redogörelsen uppdaterades senast den 20 oktober 2026.</p>",
            ),
        ],
    }


def about(link):
    return {
        "title": "Om föräldrarådgivningen",
        "show_in_menus": True,
        "lead": (
            "Föräldrarådgivningen är ett förebyggande stöd från socialtjänsten. Vi arbetar på "
            "skolorna, nära barnen och deras föräldrar."
        ),
        "updated_date": datetime.date(2026, 9, 28),
        "body": [
            h2("Så började det"),
            para(
                "<p>Föräldrarådgivningen startade 2020 i Vårby, med två föräldrarådgivare. "
                "Föräldrar och skolor tyckte att stödet gjorde skillnad, och verksamheten "
                "växte. I dag finns åtta föräldrarådgivare, två i varje område: Vårby, "
                "Flemingsberg, centrala Huddinge och Skogås.</p>",
                "<p>Under de två första åren hade föräldrarådgivarna kontakt med 135 familjer. "
                "Sedan 2022 är föräldrarådgivningen en fast del av socialtjänstens förebyggande "
                "enhet.</p>",
            ),
            fact_box(
                "Föräldrarådgivningen i korthet",
                bullets(
                    "Startade 2020 i Vårby.",
                    "Åtta föräldrarådgivare i fyra områden.",
                    "135 familjer de två första åren.",
                    "En del av socialtjänstens förebyggande enhet.",
                ),
            ),
            h2("Varför finns vi?"),
            para(
                "<p>Alla barn har rätt till utbildning. Men det kan vara svårt att klara skolan "
                "när det är tufft hemma eller när barnet mår dåligt. Vi vill nå familjer tidigt, "
                "innan problemen har vuxit sig stora. Därför finns vi där barnen redan är: i "
                "skolan.</p>",
                "<p>Det är lätt hänt att skolan och socialtjänsten arbetar på var sitt håll. Då "
                "kan familjer hamna mellan stolarna. Föräldrarådgivarna är en länk mellan hem, "
                "skola och socialtjänst.</p>",
            ),
            h2("Vi som arbetar här"),
            para(
                "<p>Föräldrarådgivarna är socionomer. Vi är anställda av socialtjänsten, inte av "
                "skolan. Därför kan vi se på situationen med andra ögon och hjälpa till när "
                "samarbetet mellan hemmet och skolan har blivit svårt. På sidan "
                f"{link('directory', 'Hitta din föräldrarådgivare')} ser du vem som arbetar i "
                "ditt område.</p>"
            ),
            h2("Vi samarbetar med andra"),
            para(
                "<p>Vi samarbetar med skolornas elevhälsa, med "
                f"{link('narvaroteamet', 'närvaroteamet')} och med fritidsverksamheten. Målet "
                "är att fler barn ska klara skolan och må bra. Läs mer om "
                f"{link('hub', 'vad föräldrarådgivningen kan hjälpa dig med')}.</p>"
            ),
            h2("Tystnadsplikt"),
            para(
                "<p>Vi har tystnadsplikt. Vi berättar inte för andra vad du har sagt till oss, "
                "inte heller för skolan, om du inte vill det. Det finns ett undantag: om vi får "
                "veta att ett barn far illa måste vi anmäla det till socialtjänsten.</p>"
            ),
            h2("Kontakta oss"),
            para(
                "<p>Har du frågor om föräldrarådgivningen? Läs mer på sidan "
                f"{link('kontakt', 'Kontakta oss')}.</p>"
            ),
        ],
    }


# (key, slug, content function), in the order they are built: each page links only to pages
# built before it (or to the guidance pages, which already exist).
STANDARD_PAGES = [
    ("personuppgifter", "personuppgifter", privacy),
    ("kontakt", "kontakt", contact),
    ("tillganglighet", "tillganglighetsredogorelse", accessibility),
    ("om", "om-foraldraradgivningen", about),
]
# Owner and days to the review date from the first seed (see advice.demo.PAGE_REVIEW). The
# accessibility statement must be reviewed at least once a year, so it is soon due.
STANDARD_PAGE_REVIEW = {
    "personuppgifter": (roles.COMMUNICATORS, -4),
    "kontakt": (roles.COMMUNICATORS, 75),
    "tillganglighet": (roles.COMMUNICATORS, 21),
    "om": (roles.COMMUNICATORS, 300),
}


# --- Build functions -----------------------------------------------------------------------


def build_home(report):
    home = home_page_for_default_site(
        HomePage,
        "Föräldrarådgivning",
        report,
        intro=(
            "<p>Föräldrarådgivarna finns på ditt barns skola och är till för dig som förälder. "
            "Du kan prata med oss om vardagen hemma, om skolan eller om något som känns svårt "
            "just nu. Det kostar ingenting, och du bestämmer själv om du vill ha kontakt.</p>"
        ),
        advisor_directory_text=(
            "Välj ditt område eller leta upp ditt barns skola. Där ser du vem du kan ringa "
            "eller mejla."
        ),
    )
    # The site answers at the address the project is configured with, so that the sitemap
    # and other absolute links point there (http://127.0.0.1:8000 for `make run`).
    address = urlsplit(django_settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.get(root_page=home)
    site_fields = {
        "site_name": "Föräldrarådgivning",
        "hostname": address.hostname or "localhost",
        "port": address.port or (443 if address.scheme == "https" else 80),
    }
    update_object(site, site_fields, report)
    return home


# "Behöver du hjälp nu?" (Inställningar → Hjälp nu). 112 is always shown first. The
# socialjour number is from PTS's range for fiction; Bris's 116 111 is the real, national
# children's helpline.
HELP_NOW = {
    "heading": "Behöver du hjälp nu?",
    "lines": [
        (
            "line",
            {
                "label": "Socialjouren",
                "phone": SOCIALJOUR_PHONE,
                "text": "Kvällar, nätter och helger, när socialtjänsten har stängt.",
            },
        ),
        (
            "line",
            {
                "label": "Föräldrarådgivningen",
                "phone": GENERAL_PHONE,
                "text": "Vardagar 8.30–16.00.",
            },
        ),
        (
            "line",
            {
                "label": "Bris, för barn och unga",
                "phone": "116 111",
                "text": "Gratis och anonymt, dygnet runt.",
            },
        ),
    ],
    "concern_text": "Så gör du en orosanmälan till socialtjänsten",
    "concern_url": "https://www.example.org/orosanmalan",
    "quick_exit_url": "https://www.smhi.se/",
}


def build_standard_pages(home, report):
    pages = {}
    links = PageLinks(existing_pages(home))
    for key, slug, content in STANDARD_PAGES:
        fields = {"show_in_menus": False, **content(links)}
        existing = StandardPage.objects.child_of(home).filter(slug=slug).first()
        fields.update(review_fields(existing, *STANDARD_PAGE_REVIEW[key]))
        pages[key] = links.pages[key] = upsert_page(home, StandardPage, slug, report, **fields)
    contact_settings = ContactSettings.for_site(Site.objects.get(root_page=home))
    contact_fields = {
        "organisation_name": "Huddinge kommun, socialtjänsten",
        "phone": GENERAL_PHONE,
        "phone_hours": PHONE_HOURS,
        "email": GENERAL_EMAIL,
        "visiting_address": VISITING_ADDRESS,
        "postal_address": POSTAL_ADDRESS,
        "contact_page": pages["kontakt"],
        "accessibility_page": pages["tillganglighet"],
        "privacy_page": pages["personuppgifter"],
    }
    update_object(contact_settings, contact_fields, report)
    help_settings = HelpNowSettings.for_site(Site.objects.get(root_page=home))
    update_object(help_settings, HELP_NOW, report)
    return pages


def finish_home(home, guidance, report):
    """Point the start page at the directory and feature the main guidance pages."""
    featured = [guidance[key] for key in guidance.get("featured_keys", [])]
    directory = guidance["directory"]
    stored = [item.page_id for item in home.featured_guidance.all()]
    if home.advisor_directory_id != directory.pk or stored != [p.pk for p in featured]:
        home.advisor_directory = directory
        home.featured_guidance = [HomePageFeaturedGuidance(page=p) for p in featured]
        home.save_revision().publish()
        report.record("updated", home)
