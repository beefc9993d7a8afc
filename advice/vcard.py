"""An advisor's contact card as a vCard 4.0 file (RFC 6350), for "Spara kontakt"."""

CRLF = "\r\n"


def _escape(value):
    """Text values escape backslash, comma, semicolon and newline (RFC 6350, 3.4)."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line):
    """Lines longer than 75 octets continue on the next line after a space (RFC 6350, 3.2),
    without splitting a UTF-8 character."""
    parts = []
    current = ""
    for character in line:
        limit = 75 if not parts else 74  # continuation lines start with a space
        if len((current + character).encode()) > limit:
            parts.append(current)
            current = character
        else:
            current += character
    parts.append(current)
    return (CRLF + " ").join(parts)


def advisor_vcard(advisor, organisation=""):
    """The vCard of a published advisor. The name is included only where the advisor agreed
    to be shown; otherwise the card is named after the function and the areas."""
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"FN:{_escape(advisor.card_title)}"]
    if advisor.show_identity:
        given, _space, family = advisor.name.rpartition(" ")
        lines.append(f"N:{_escape(family)};{_escape(given)};;;")
    lines.append(f"TITLE:{_escape(advisor.role)}")
    if organisation:
        lines.append(f"ORG:{_escape(organisation)}")
    if advisor.phone_e164:
        lines.append(f"TEL;TYPE=work,voice;VALUE=uri:tel:{advisor.phone_e164}")
    if advisor.email:
        lines.append(f"EMAIL;TYPE=work:{advisor.email}")
    for preference, code in enumerate(advisor.language_codes, start=1):
        lines.append(f"LANG;PREF={preference}:{code}")
    note = [advisor.phone_hours] if advisor.phone_hours else []
    note += [
        f"Drop-in {drop_in.school.name}, {drop_in.get_weekday_display()} {drop_in.time_range}"
        for drop_in in advisor.drop_ins.all()
    ]
    note.append("Tolk bokas kostnadsfritt.")
    lines.append(f"NOTE:{_escape('. '.join(part.rstrip('.') for part in note))}.")
    lines.append("END:VCARD")
    return "".join(_fold(line) + CRLF for line in lines)
