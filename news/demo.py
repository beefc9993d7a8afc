"""Demo content of the news app: Aktuellt and its articles.

The articles retell events from the service's history in our own words. People in them are
not named; quotations are invented and attributed to a role only.
"""

import datetime

from advice.demo import area_contact, existing_pages
from advice.models import Area, Topic
from portal.demo import PageLinks, bullets, demo_image, fact_box, h2, para, quote, upsert_page

from .models import NewsIndexPage, NewsPage

# Generated demo pictures show soft round shapes, and their alt texts say so.
ILLUSTRATION_ALT = "Illustration med runda former i mjuka färger."


def eight_advisors(link):
    return {
        "slug": "atta-foraldraradgivare",
        "title": "Nu finns föräldrarådgivare i alla fyra områden",
        "date": datetime.date(2022, 5, 25),
        "updated_date": datetime.date(2025, 2, 10),
        "topics": ["samverkan"],
        "areas": ["varby", "flemingsberg", "centrala-huddinge", "skogas"],
        "lead": (
            "Föräldrarådgivningen startade med två tjänster i Vårby 2020. Nu är vi åtta "
            "föräldrarådgivare, två i varje område, och verksamheten har blivit permanent."
        ),
        "image": ("Nyhet: åtta föräldrarådgivare", ILLUSTRATION_ALT),
        "image_caption": "Föräldrarådgivarna finns nu på skolor i hela kommunen. Illustration.",
        "body": [
            para(
                "<p>För två år sedan fick Vårby kommunens två första föräldrarådgivare. Tanken "
                "var att socialtjänstens stöd skulle finnas där barnen och föräldrarna redan "
                "är, alltså i skolan. Både familjer och skolor har tagit emot arbetet väl.</p>",
                "<p>Nu har verksamheten vuxit till åtta tjänster. Det finns två "
                "föräldrarådgivare i vart och ett av områdena Vårby, Flemingsberg, centrala "
                "Huddinge och Skogås. Föräldrarådgivningen är också en permanent del av "
                "socialtjänstens förebyggande enhet.</p>",
            ),
            h2("135 familjer på två år"),
            para(
                "<p>Under de två första åren har föräldrarådgivarna haft kontakt med 135 "
                "familjer. Frågorna har handlat om allt från rutiner och gränser hemma till "
                "kontakten med skolan.</p>"
            ),
            h2("Nära skolan"),
            para(
                "<p>Råd och stöd till föräldrar finns i många kommuner. Det som är annorlunda "
                "här är att föräldrarådgivarna arbetar på skolorna och är med när skolan ordnar "
                "aktiviteter. Det gör det lättare för föräldrar att höra av sig. Det gör det "
                "också lättare för skolan och socialtjänsten att arbeta åt samma håll, så att "
                "ingen familj hamnar mellan stolarna.</p>"
            ),
            quote(
                "Många föräldrar säger att det var lättare att ringa när de redan hade träffat "
                "oss på ett föräldramöte.",
                role="föräldrarådgivare",
            ),
            para(
                "<p>Se vem som arbetar på ditt barns skola på sidan "
                f"{link('directory', 'Hitta din föräldrarådgivare')}.</p>"
            ),
        ],
    }


def childrens_rights_conference(link):
    return {
        "slug": "barnrattsdagarna-i-karlstad",
        "title": "Föräldrarådgivarna berättar om sitt arbete på Barnrättsdagarna",
        "date": datetime.date(2022, 5, 18),
        "updated_date": datetime.date(2025, 2, 10),
        "topics": ["samverkan"],
        "areas": ["varby"],
        "lead": (
            "Den 25 maj är föräldrarådgivarna på plats på Barnrättsdagarna i Karlstad. Där "
            "berättar de hur skolan och socialtjänsten samarbetar hos oss."
        ),
        "image": ("Nyhet: Barnrättsdagarna i Karlstad", ILLUSTRATION_ALT),
        "image_caption": "Barnrättsdagarna samlar många som arbetar med barn. Illustration.",
        "body": [
            para(
                "<p>Barnrättsdagarna är en konferens för alla som arbetar med barn, till exempel "
                "i kommuner, myndigheter och organisationer. Konferensen vill inspirera till att "
                "utgå från barnets rättigheter i arbetet. Den anordnas av Stiftelsen Allmänna "
                "Barnhuset.</p>",
                "<p>Årets tema är barns rätt till utbildning och information. Det passar bra "
                "ihop med föräldrarådgivarnas uppdrag. Vi vill att fler barn ska klara skolan, "
                "och vi vet att stödet till föräldrarna betyder mycket.</p>",
            ),
            h2("Det här berättar vi om"),
            para(
                "<p>Två föräldrarådgivare berättar hur arbetet startade i Vårby och hur det har "
                "vuxit till hela kommunen. De tar bland annat upp:</p>",
                bullets(
                    "varför det hjälper att finnas på plats i skolan",
                    "hur föräldrarådgivaren kan vara en länk när kontakten mellan hem och skola "
                    "har blivit svår",
                    "aktiviteter för familjer, som läslustdagen i Vårby",
                ),
            ),
            h2("Samma chans för alla barn"),
            para(
                "<p>Barn i olika delar av kommunen har inte samma förutsättningar. Många "
                "föräldrar tvekar också inför att kontakta socialtjänsten. När stödet är lätt "
                "att nå kan fler få hjälp i tid. Det är ett sätt att minska skillnaderna mellan "
                "barn.</p>"
            ),
            para(
                "<p>Vill du veta mer om vårt arbete? Läs om "
                f"{link('hub', 'föräldrarådgivningen')}.</p>"
            ),
        ],
    }


def meaningful_leisure_effort(link):
    return {
        "slug": "meningsfull-fritid-skogas-flemingsberg",
        "title": "Satsning på meningsfull fritid i Skogås och Flemingsberg",
        "date": datetime.date(2023, 9, 5),
        "updated_date": datetime.date(2025, 3, 4),
        "topics": ["fritid", "skolfranvaro"],
        "areas": ["skogas", "flemingsberg"],
        "lead": (
            "I höst blir det fler aktiviteter direkt efter skolan i Skogås och Flemingsberg. "
            "Barnen kan få gratis mellanmål, läxhjälp, kultur och idrott."
        ),
        "image": ("Nyhet: meningsfull fritid", ILLUSTRATION_ALT),
        "image_caption": "Efter skolan väntar mellanmål, läxhjälp och aktiviteter. Illustration.",
        "body": [
            para(
                "<p>När skoldagen är slut ska det finnas något bra att gå till. Därför satsar "
                "kommunen under hösten på en meningsfull fritid för barn i bland annat Skogås "
                "och Flemingsberg.</p>"
            ),
            h2("Många vuxna samarbetar"),
            para(
                "<p>Fritidsledare, fältare, föreningar, bibliotekarier och lärare från "
                "kulturskolan arbetar tillsammans. Fältare är vuxna som möter unga ute i "
                "området. Målet är att barnen ska få en bra början och ett bra slut på "
                "dagen.</p>"
            ),
            h2("Vad blir det?"),
            para(
                bullets(
                    "gratis mellanmål direkt efter skolan",
                    "läxhjälp",
                    "idrott och rörelse",
                    "kultur, till exempel musik, dans, skapande och läsning",
                )
            ),
            h2("Varför en satsning på fritiden?"),
            para(
                "<p>Roliga aktiviteter och trygga vuxna skyddar barn. Det gör det också "
                "lättare att gå till skolan. Därför är fritiden en del av arbetet mot "
                "skolfrånvaro. Läs mer om "
                f"{link('fritid', 'en meningsfull fritid')}.</p>",
                "<p>Fråga på ditt barns skola vilka aktiviteter som finns, eller kontakta "
                "föräldrarådgivaren i ditt område.</p>",
            ),
        ],
    }


def others_school_collaboration(link):
    return {
        "slug": "sa-gor-andra-socialtjansten-i-skolan",
        "title": "Så gör andra: socialtjänsten på plats i skolan varje dag",
        "date": datetime.date(2024, 6, 10),
        "updated_date": datetime.date(2025, 1, 15),
        "topics": ["skolfranvaro", "samverkan"],
        "areas": [],
        "lead": (
            "I Värmland samarbetar nio kommuner för att fler unga ska gå till skolan. Där "
            "börjar familjebehandlare sin arbetsdag på skolan. Vi tittar på vad vi kan lära oss."
        ),
        "body": [
            para(
                "<p>Vi är inte ensamma om att tro på ett nära samarbete mellan skola och "
                "socialtjänst. I projektet Värmlands skolsamverkan arbetar skolor, socialtjänst "
                "och fritidsverksamhet tillsammans i nio kommuner.</p>"
            ),
            fact_box(
                "Fakta om projektet",
                bullets(
                    "Nio kommuner i Värmland är med.",
                    "Projektet är till för unga mellan 13 och 16 år.",
                    "Pengarna kommer från Europeiska socialfonden, som är en del av EU.",
                    "Målet är mindre skolfrånvaro och att fler elever går ut grundskolan med "
                    "behörighet till gymnasiet.",
                ),
            ),
            h2("En arbetsdag som börjar i skolan"),
            para(
                "<p>I en av kommunerna börjar två familjebehandlare varje arbetsdag på skolan. "
                "De finns där eleverna är på rasterna och pratar med dem om stort och smått. På "
                "morgonen möter de elever som tycker att det är svårt att komma till "
                "skolan.</p>",
                "<p>När en elev inte klarar av att vara i skolan alls kan stödet börja hemma. "
                "Familjebehandlarna gör hembesök och träffar både föräldrar och barn. Sedan tar "
                "eleven ett steg i taget tillbaka mot skolan.</p>",
            ),
            h2("Snabbare hjälp"),
            para(
                "<p>Eftersom socialtjänsten finns på plats kan skolan säga till direkt när en "
                "elev har hög frånvaro. Familjebehandlarna kan då kontakta familjen snabbt och "
                "erbjuda stöd. Enligt projektet går fler elever till skolan nu. Rektorer och "
                "socialtjänst pratar också oftare med varandra, och fler frågor kan lösas "
                "tidigt.</p>"
            ),
            h2("Vad tar vi med oss?"),
            para(
                "<p>Mycket känns igen från vårt eget arbete med föräldrarådgivare och "
                f"{link('narvaroteamet', 'närvaroteamet')}. Det visar att det lönar sig att "
                "finnas nära eleverna och att skola och socialtjänst börjar samarbeta tidigt. "
                "Vi tar särskilt med oss tanken om att möta eleverna redan på morgonen.</p>"
            ),
        ],
    }


def course_parent_at_a_distance(link):
    return {
        "slug": "ny-omgang-foralder-pa-avstand",
        "title": "Ny omgång av utbildningen Förälder på avstånd",
        "date": datetime.date(2024, 9, 12),
        "updated_date": datetime.date(2025, 1, 15),
        "topics": ["placerade-barn"],
        "areas": [],
        "lead": (
            "Den 7 november 2024 startar en ny omgång av utbildningen Förälder på avstånd. Den "
            "är till för dig som arbetar i socialtjänsten och möter föräldrar till placerade "
            "barn."
        ),
        "body": [
            para(
                "<p>Utbildningens fullständiga namn är Förälder på avstånd – bättre stöd till "
                "placerade barns föräldrar. Den vänder sig till medarbetare och chefer i "
                "socialtjänsten, till exempel socialsekreterare, familjebehandlare och "
                "familjehemssekreterare.</p>"
            ),
            h2("Varför behövs utbildningen?"),
            para(
                "<p>Föräldrar till placerade barn har rätt till råd och stöd från "
                "socialtjänsten. Ändå vet vi för lite om hur föräldrarna själva upplever "
                "stödet. Föräldrarna är viktiga för sina barn, oavsett om barnet flyttar hem "
                "igen eller inte.</p>"
            ),
            h2("Vad ingår?"),
            para(
                bullets(
                    "aktuell forskning om stöd till föräldrar",
                    "konkreta exempel på arbetssätt",
                    "erfarenhetsutbyte med kollegor från andra kommuner",
                    "föräldrar med egen erfarenhet berättar vad som har varit viktigt för dem",
                    "en egen plan för att förbättra arbetet i din verksamhet",
                ),
                "<p>Träffarna är utspridda över en längre tid. Då hinner du pröva nya "
                "arbetssätt mellan gångerna.</p>",
            ),
            quote(
                "Vi fick tid att tänka igenom hur vi bemöter föräldrarna. Vi har redan ändrat "
                "hur vi förbereder våra möten med dem.",
                role="socialsekreterare som gick en tidigare omgång",
            ),
            h2("Gå tillsammans med kollegor"),
            para(
                "<p>Utbildningen ger mest när flera yrkesroller från samma verksamhet går "
                "tillsammans, gärna också chefer. Då blir det lättare att ändra arbetssätt när "
                "ni kommer hem.</p>"
            ),
            fact_box(
                "Anmälan",
                "<p>Utbildningen startar den 7 november 2024. Prata med din chef och skicka en "
                "intresseanmälan till utbildning.socialtjanst@example.org senast den 18 oktober "
                "2024. Skriv inga uppgifter om enskilda familjer i mejlet.</p>",
            ),
            para(
                "<p>Är du förälder till ett placerat barn? Läs om "
                f"{link('placerade', 'vilket stöd du kan få')}.</p>"
            ),
        ],
    }


def reading_day(link):
    return {
        "slug": "laslustdag-i-varby",
        "title": "Läslustdag i Vårby",
        "date": datetime.date(2025, 4, 10),
        "updated_date": datetime.date(2025, 4, 10),
        "topics": ["foraldraskap"],
        "areas": ["varby"],
        "lead": (
            "Barn och föräldrar i Vårby fick en eftermiddag med böcker, högläsning och lästips. "
            "Läslustdagen ska göra det roligare att läsa tillsammans hemma."
        ),
        "image": ("Nyhet: läslustdag i Vårby", ILLUSTRATION_ALT),
        "image_caption": "Familjerna kunde låna böcker på flera språk. Illustration.",
        "body": [
            para(
                "<p>Förra veckan ordnade föräldrarådgivarna i Vårby en läslustdag tillsammans "
                "med skolorna och biblioteket. Ett sextiotal barn och föräldrar kom. Det blev "
                "högläsning, boktips och fika.</p>"
            ),
            h2("Varför läsa hemma?"),
            para(
                "<p>Barn som läser mycket får fler ord och har lättare att hänga med i skolan. "
                "Det gäller alla ämnen, inte bara svenska. Du som förälder kan göra mycket, "
                "även om du själv inte läser svenska.</p>"
            ),
            h2("Tips från läslustdagen"),
            para(
                bullets(
                    "Läs en stund varje dag, gärna vid samma tid.",
                    "Läs på ert eget språk. Det hjälper också ditt barns svenska.",
                    "Prata om bilderna och fråga vad ditt barn tror händer sedan.",
                    "Låna böcker gratis på biblioteket, även på andra språk än svenska.",
                    "Låt ditt barn se att du också läser.",
                )
            ),
            quote(
                "Vi lånade tre böcker på somaliska och två på svenska. Nu läser vi varje kväll "
                "innan barnen somnar.",
                name="Fadumo",
            ),
            para(
                "<p>Läslustdagen är ett exempel på hur föräldrarådgivarna arbetar tillsammans "
                f"med skolan. Läs mer om {link('foraldraskapsstod', 'föräldraskapsstöd')}.</p>"
            ),
            area_contact("varby", "Föräldrarådgivarna i Vårby"),
        ],
    }


def parent_groups(link):
    return {
        "slug": "nya-foraldragrupper-om-skolfranvaro",
        "title": "Nya föräldragrupper om skolfrånvaro i vår",
        "date": datetime.date(2026, 1, 19),
        "updated_date": datetime.date(2026, 1, 19),
        "topics": ["skolfranvaro", "foraldraskap"],
        "areas": ["flemingsberg", "skogas"],
        "featured": True,
        "lead": (
            "Är ditt barn ofta borta från skolan? I vår startar nya föräldragrupper där du kan "
            "träffa andra föräldrar i samma situation."
        ),
        "body": [
            para(
                "<p>Det kan kännas ensamt när ens barn har svårt att gå till skolan. I en "
                "föräldragrupp träffar du andra som vet hur det är. Ni får kunskap om "
                "skolfrånvaro och tips på vad som kan hjälpa. Ni delar också erfarenheter med "
                "varandra.</p>"
            ),
            h2("Så går det till"),
            para(
                bullets(
                    "Gruppen träffas fem gånger, varannan vecka.",
                    "Varje träff är två timmar på kvällstid.",
                    "Två föräldrarådgivare leder gruppen.",
                    "Det kostar ingenting.",
                    "Gruppen är till för dig som har barn i grundskolan.",
                )
            ),
            h2("Tider och platser"),
            para(
                bullets(
                    "Flemingsberg: torsdagar klockan 17.30–19.30, från den 12 februari 2026.",
                    "Skogås: tisdagar klockan 17.30–19.30, från den 17 februari 2026.",
                ),
                "<p>Behöver du tolk? Säg till när du anmäler dig, så bokar vi tolk utan "
                "kostnad.</p>",
            ),
            quote(
                "I gruppen förstod jag att det inte var mitt fel. Jag gick hem med en ny idé "
                "efter varje träff.",
                role="förälder som gick i en tidigare grupp",
            ),
            h2("Anmälan"),
            para(
                "<p>Ring eller mejla föräldrarådgivaren på ditt barns skola senast den 6 "
                "februari. Du hittar kontaktuppgifterna på sidan "
                f"{link('directory', 'Hitta din föräldrarådgivare')}. Du behöver bara berätta "
                "vad du heter och hur vi når dig.</p>",
                f"<p>Läs mer om {link('skolfranvaro', 'problematisk skolfrånvaro')}.</p>",
            ),
        ],
    }


def new_website(link):
    return {
        "slug": "ny-webbplats-for-foraldraradgivningen",
        "title": "Föräldrarådgivningen har fått en egen webbplats",
        "date": datetime.date(2026, 11, 2),
        "updated_date": datetime.date(2026, 11, 2),
        "topics": [],
        "areas": [],
        "featured": True,
        "lead": (
            "Här samlar vi stöd och råd till dig som är förälder, kontaktuppgifter till alla "
            "föräldrarådgivare och nyheter om vårt arbete."
        ),
        "body": [
            h2("Det här hittar du här"),
            para(
                bullets(
                    f"{link('hub', 'Stöd och vägledning')} om till exempel skolfrånvaro, "
                    "fritid och föräldraskap.",
                    f"{link('directory', 'Hitta din föräldrarådgivare')}: vem som arbetar på "
                    "ditt barns skola och hur du når hen.",
                    "Nyheter om föräldragrupper, aktiviteter och annat som händer.",
                )
            ),
            h2("Enkelt och tryggt"),
            para(
                "<p>Vi har skrivit texterna så att de ska vara lätta att förstå. Webbplatsen "
                "använder inga kakor för besökare och ingen besöksstatistik från andra företag. "
                "Ingen utanför kommunen får veta vilka sidor du läser.</p>"
            ),
            h2("Säg vad du tycker"),
            para(
                "<p>Webbplatsen är ny, och vi vill gärna veta vad som fungerar och vad som kan "
                "bli bättre. Ring eller mejla oss. Skriv inga uppgifter om ditt barn eller din "
                "familj när du lämnar synpunkter.</p>"
            ),
        ],
    }


# Oldest first, so that a fresh database gets the articles in the order they happened.
ARTICLES = [
    childrens_rights_conference,
    eight_advisors,
    meaningful_leisure_effort,
    others_school_collaboration,
    course_parent_at_a_distance,
    reading_day,
    parent_groups,
    new_website,
]


def build(home, report):
    index = upsert_page(
        home,
        NewsIndexPage,
        "aktuellt",
        report,
        title="Aktuellt",
        show_in_menus=True,
        intro=(
            "<p>Nyheter från föräldrarådgivningen: nya föräldragrupper, aktiviteter på "
            "skolorna och annat som händer i vårt arbete.</p>"
        ),
    )
    # The guidance pages, topics and areas are built before the news, so links to them work
    # at once and the articles can carry them.
    links = PageLinks(existing_pages(home))
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    areas = {area.slug: area for area in Area.objects.all()}
    for article in ARTICLES:
        fields = article(links)
        slug = fields.pop("slug")
        image = fields.pop("image", None)
        fields["image"] = demo_image(*image, report) if image else None
        fields.setdefault("image_caption", "")
        fields.setdefault("featured", False)
        m2m = {
            "topics": [topics[key] for key in fields.pop("topics")],
            "areas": [areas[key] for key in fields.pop("areas")],
        }
        upsert_page(index, NewsPage, slug, report, m2m=m2m, **fields)
    return index
