import pytest

from advice.tests.factories import (
    AdvisorDirectoryPageFactory,
    AdvisorDropInFactory,
    AdvisorFactory,
    AreaFactory,
    GuidanceIndexPageFactory,
    LanguageFactory,
    SchoolFactory,
)
from portal.models import ContactSettings


@pytest.fixture
def hub(home_page):
    return GuidanceIndexPageFactory(parent=home_page, show_in_menus=True)


@pytest.fixture
def directory(hub, home_page):
    page = AdvisorDirectoryPageFactory(parent=hub)
    home_page.advisor_directory = page
    home_page.save()
    settings = ContactSettings.for_site(home_page.get_site())
    settings.organisation_name = "Huddinge kommun, socialtjänsten"
    settings.phone = "070-174 06 05"
    settings.email = "foraldraradgivning@example.org"
    settings.save()
    return page


@pytest.fixture
def small_directory(directory):
    """Two areas, three schools, three published advisors and one who has left."""
    varby = AreaFactory(name="Vårby", slug="varby", sort_order=0)
    skogas = AreaFactory(name="Skogås", slug="skogas", sort_order=1)
    strand = SchoolFactory(name="Vårby strandskola", slug="varby-strandskola", area=varby)
    backen = SchoolFactory(name="Vårbybackens skola", slug="varbybackens-skola", area=varby)
    berg = SchoolFactory(name="Skogås bergsskola", slug="skogas-bergsskola", area=skogas)
    arabic = LanguageFactory(code="ar", name="arabiska", native_name="العربية", direction="rtl")
    somali = LanguageFactory(code="so", name="somaliska", native_name="Soomaali")
    tigrinya = LanguageFactory(code="ti", name="tigrinja", native_name="ትግርኛ")
    lina = AdvisorFactory(
        name="Lina Berg",
        show_identity=True,
        phone="0701740610",
        email="foraldraradgivare.varby@example.org",
        areas=[varby],
        schools=[strand],
        languages=[arabic],
    )
    amina = AdvisorFactory(
        name="Amina Farah",
        show_identity=False,
        phone="070-174 06 20",
        areas=[varby],
        schools=[backen],
        languages=[somali],
    )
    senait = AdvisorFactory(
        name="Senait Tesfay",
        show_identity=True,
        areas=[skogas],
        schools=[berg],
        languages=[tigrinya],
    )
    gone = AdvisorFactory(
        name="Slutat Rådgivare",
        show_identity=True,
        live=False,
        areas=[varby],
        schools=[strand],
        languages=[arabic],
    )
    AdvisorDropInFactory(advisor=lina, school=strand, place="Biblioteket")
    return {
        "page": directory,
        "areas": {"varby": varby, "skogas": skogas},
        "schools": {"strand": strand, "backen": backen, "berg": berg},
        "advisors": {"lina": lina, "amina": amina, "senait": senait, "gone": gone},
    }
