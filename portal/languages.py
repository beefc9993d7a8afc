"""The languages of the site: Swedish, the service's language, and the languages many families
in the service's areas read better. One place for their names in themselves (the language
switcher shows no flags: a flag is a country, not a language) and their writing direction.

Django ships no locale data for Somali and Tigrinya; `register_language_info()` adds it so that
`get_language_info()` (Wagtail's locale admin, the editor's account page) knows them too.
"""

from django.conf.locale import LANG_INFO

DEFAULT_LANGUAGE = "sv"

# code → (name in Swedish, name in the language itself, direction)
LANGUAGES_INFO = {
    "sv": ("Svenska", "Svenska", "ltr"),
    "en": ("Engelska", "English", "ltr"),
    "ar": ("Arabiska", "العربية", "rtl"),
    "so": ("Somaliska", "Soomaali", "ltr"),
    "ti": ("Tigrinja", "ትግርኛ", "ltr"),
    "fi": ("Finska", "Suomi", "ltr"),
}

_MISSING_IN_DJANGO = {
    "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
}


def register_language_info():
    for code, info in _MISSING_IN_DJANGO.items():
        LANG_INFO.setdefault(code, info)


def native_name(code):
    return LANGUAGES_INFO.get(code, (code, code, "ltr"))[1]


def direction(code):
    return LANGUAGES_INFO.get(code, (code, code, "ltr"))[2]


# Sweden's national minority languages (lag 2009:724): for text in those languages on
# Swedish pages, each named in itself. Yiddish is written right to left.
MINORITY_LANGUAGES = {
    "fi": ("Finska", "Suomi", "ltr"),
    "fit": ("Meänkieli", "Meänkieli", "ltr"),
    "se": ("Nordsamiska", "Davvisámegiella", "ltr"),
    "smj": ("Lulesamiska", "Julevsámegiella", "ltr"),
    "sma": ("Sydsamiska", "Åarjelsaemien gïele", "ltr"),
    "rom": ("Romani chib", "Romani chib", "ltr"),
    "yi": ("Jiddisch", "ייִדיש", "rtl"),
}
