"""The interpreter note: every advisor books an interpreter for free, so the advisor at the
child's own school is the right one to contact, whatever language the family speaks.

The finder shows it in Swedish and, where we have it, in the language the visitor chose. The
translations are keyed by the primary subtag of the language's BCP 47 code ("sr-Latn" → "sr"),
so a language an editor adds later simply gets the Swedish text until someone adds its own.

MACHINE-ASSISTED TRANSLATIONS: the texts below were written with the help of machine
translation, not by a qualified translator. Have each one checked by a translator (the
municipality's interpreting service can) before the site goes into production. Keep them
short and plain: they are read by worried parents, often on a phone.
"""

from django.utils.translation import gettext_lazy as _

# Swedish first: it is always shown.
INTERPRETER_NOTE_SV = _(
    "Alla föräldrarådgivare bokar tolk gratis. Därför kan du alltid vända dig till rådgivaren "
    "på ditt barns skola, även om rådgivaren inte talar ditt språk."
)

INTERPRETER_NOTE = {
    "en": (
        "Every parent advisor books an interpreter for you, free of charge. So you can always "
        "contact the advisor at your child's school, even if the advisor does not speak your "
        "language."
    ),
    "ar": (
        "يحجز جميع مستشاري الأهل مترجمًا لك مجانًا. لذلك يمكنك دائمًا التواصل مع المستشار في "
        "مدرسة طفلك، حتى إن لم يكن المستشار يتحدث لغتك."
    ),
    "so": (
        "Dhammaan la-taliyayaasha waalidka ayaa kuu ballansanaya turjubaan, bilaash. Sidaas "
        "darteed had iyo jeer waxaad la xiriiri kartaa la-taliyaha dugsiga ilmahaaga, xitaa "
        "haddii uusan ku hadlin luqaddaada."
    ),
    "ti": (
        "ኩሎም ኣማኸርቲ ወለዲ ብናጻ ተርጓሚ ይሕዙልኩም። ስለዚ ኣማኻሪ ቋንቋኹም እንተዘይዛረበ "
        "እኳ፣ ኩሉ ግዜ ነቲ ኣብ ቤት ትምህርቲ ቆልዓኹም ዘሎ ኣማኻሪ ክትረኽቡዎ ትኽእሉ ኢኹም።"
    ),
    "fi": (
        "Kaikki vanhempainneuvojat varaavat sinulle tulkin maksutta. Voit siis aina ottaa "
        "yhteyttä lapsesi koulun neuvojaan, vaikka neuvoja ei puhuisi kieltäsi."
    ),
    "fa": (
        "همه‌ی مشاوران والدین به‌رایگان برای شما مترجم رزرو می‌کنند. پس همیشه می‌توانید با "
        "مشاور مدرسه‌ی فرزندتان تماس بگیرید، حتی اگر مشاور به زبان شما صحبت نکند."
    ),
    "bs": (
        "Svi savjetnici za roditelje besplatno vam rezervišu prevodioca. Zato se uvijek možete "
        "obratiti savjetniku u školi vašeg djeteta, čak i ako savjetnik ne govori vaš jezik."
    ),
    "sr": (
        "Svi savetnici za roditelje besplatno vam zakazuju prevodioca. Zato uvek možete da se "
        "obratite savetniku u školi vašeg deteta, čak i ako savetnik ne govori vaš jezik."
    ),
    "tr": (
        "Tüm ebeveyn danışmanları sizin için ücretsiz tercüman ayarlar. Bu yüzden danışman "
        "sizin dilinizi konuşmasa bile çocuğunuzun okulundaki danışmana her zaman "
        "başvurabilirsiniz."
    ),
}


def interpreter_note(language):
    """The note in Swedish, and in `language` (a Language snippet) where we have it:
    {"sv": text, "text": text or "", "lang": code, "dir": "ltr"|"rtl", "name": …}."""
    note = {"sv": INTERPRETER_NOTE_SV, "text": "", "lang": "", "dir": "ltr", "name": ""}
    if language is None:
        return note
    primary = language.code.split("-")[0].lower()
    if primary != "sv" and primary in INTERPRETER_NOTE:
        note.update(
            text=INTERPRETER_NOTE[primary],
            lang=language.code,
            dir=language.direction,
            name=language.native_name or language.name,
        )
    return note
