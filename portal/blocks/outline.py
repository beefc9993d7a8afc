"""What a page's body says about its structure, computed once per page view: the headings
for the "Innehåll" table of contents (with the anchors the headings render), and schema.org
FAQPage data repeating exactly the questions and answers readers see."""

import re

from django.utils.html import strip_tags

from .text import heading_slug

BLOCK_END = re.compile(r"</(p|li|ul|ol|h[1-6])>", re.IGNORECASE)


def _text(value):
    """Visible text of a rich-text value: paragraphs and list items separated by a space,
    whitespace tidied as a browser shows it."""
    html = str(getattr(value, "source", value) or "")
    return " ".join(strip_tags(BLOCK_END.sub(" ", html)).split())


def outline(body):
    """[{"id", "text", "level", "block"}] for every block with a heading that belongs in the
    table of contents (see OutlineMixin), with unique anchors."""
    # Ids the layout itself uses are never given to a heading.
    entries, taken = [], {"main", "toc-heading"}
    for child in body or []:
        heading = getattr(child.block, "outline_heading", lambda value: None)(child.value)
        if not heading:
            continue
        text, level = heading
        base = heading_slug(text)
        anchor, number = base, 2
        while anchor in taken:
            anchor, number = f"{base}-{number}", number + 1
        taken.add(anchor)
        entries.append({"id": anchor, "text": text, "level": level, "block": child.id})
    return entries


def faq_json_ld(body):
    """FAQPage structured data for the page's FAQ blocks, or None without any."""
    questions = [
        {
            "@type": "Question",
            "name": item["question"],
            "acceptedAnswer": {"@type": "Answer", "text": _text(item["answer"])},
        }
        for child in body or []
        if child.block_type == "faq"
        for item in child.value["items"]
    ]
    if not questions:
        return None
    return {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": questions}


def body_context(body):
    """Template context for a page with a StreamField body: the table of contents (shown with
    two or more headings), the anchors the heading blocks use, and FAQ structured data. The
    body's page links are read here, all at once."""
    headings = outline(body)
    from portal.rich_text import prime_page_links  # models are loaded by now

    prime_page_links(list(body.raw_data))
    return {
        "toc": headings if len([h for h in headings if h["level"] == "h2"]) >= 2 else [],
        "heading_anchors": {h["block"]: h["id"] for h in headings},
        "faq_json_ld": faq_json_ld(body),
    }
