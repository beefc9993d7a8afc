"""schema.org JSON-LD for the advisor directory and area pages: the service as a
GovernmentService with the organisation's ContactPoints, and a Person only for advisors who
agreed to be shown."""

from portal import phone
from portal.models import ContactSettings
from portal.organisation import organisation_name

# Föräldrarådgivarna work with parents of children in compulsory school (grundskolan).
CHILD_MIN_AGE = 6
CHILD_MAX_AGE = 16


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def directory_json_ld(request, page, areas, advisors, url=None):
    """The service at `url` (an area's page), by default the directory page's address."""
    url = url or page.get_full_url(request)
    contact = ContactSettings.for_request(request)
    organisation = _without_empty(
        {
            "@type": "GovernmentOrganization",
            "name": organisation_name(request),
            "telephone": phone.e164(contact.phone),
            "email": contact.email,
            "contactPoint": [
                _without_empty(
                    {
                        "@type": "ContactPoint",
                        "contactType": advisor.role,
                        "name": advisor.card_title,
                        "telephone": advisor.phone_e164,
                        "email": advisor.email,
                        "availableLanguage": advisor.language_codes,
                        "areaServed": [area.name for area in advisor.areas.all()],
                    }
                )
                for advisor in advisors
            ],
            "employee": [
                _without_empty(
                    {
                        "@type": "Person",
                        "name": advisor.name,
                        "jobTitle": advisor.role,
                        "telephone": advisor.phone_e164,
                        "email": advisor.email,
                    }
                )
                for advisor in advisors
                if advisor.show_identity
            ],
        }
    )
    return {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": "Föräldrarådgivning",
        "serviceType": "Föräldraskapsstöd",
        "url": url,
        "provider": organisation,
        "areaServed": [{"@type": "AdministrativeArea", "name": area.name} for area in areas],
        "audience": {
            "@type": "ParentAudience",
            "childMinAge": CHILD_MIN_AGE,
            "childMaxAge": CHILD_MAX_AGE,
        },
        "availableChannel": _without_empty(
            {
                "@type": "ServiceChannel",
                "serviceUrl": page.get_full_url(request),
                "servicePhone": _without_empty(
                    {"@type": "ContactPoint", "telephone": phone.e164(contact.phone)}
                ),
                "availableLanguage": sorted({code for a in advisors for code in a.language_codes}),
            }
        ),
    }
