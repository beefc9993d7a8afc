"""Rich text in the demo content: a little Markdown, stored as the HTML Wagtail's editor keeps.

The files are for communicators, so running text is written as it reads rather than as HTML:

    Paragraphs are separated by a blank line. A long line may be broken anywhere.

    - a bulleted list
    - one item a line

    1. a numbered list
    2. in order

    **bold**, *italic*, [a page of the site](page:kontakt), [another site](https://example.org),
    an e-mail address in angle brackets: <foraldraradgivning@example.org>

That is all the paragraph block allows (no headings, images or tables: those are blocks of
their own). HTML written directly passes through unchanged.
"""

import re

import markdown

PAGE_LINK = re.compile(r'<a href="page:([^"]+)">(.*?)</a>', re.DOTALL)
EMAIL = re.compile(r"<([^<>@\s]+@[^<>@\s]+\.[a-z]{2,})>", re.IGNORECASE)
# Wagtail's editor stores bold and italic as <b> and <i>.
TAGS = {"strong": "b", "em": "i"}


def to_html(text, page_id):
    """The rich-text HTML for Markdown `text`. `page_id(reference)` gives the id of a page
    linked as [text](page:slug), or None for a page that does not exist yet: its link text then
    stands alone until the loader's second pass."""
    text = EMAIL.sub(r"[\1](mailto:\1)", text.strip())
    html = markdown.markdown(text, extensions=["sane_lists"])
    for tag, replacement in TAGS.items():
        html = html.replace(f"<{tag}>", f"<{replacement}>").replace(
            f"</{tag}>", f"</{replacement}>"
        )
    # One line, as the editor stores it: no line breaks between or inside elements.
    html = re.sub(r">\s*\n\s*<", "><", html)
    html = re.sub(r"\s*\n\s*", " ", html)

    def page_link(match):
        pk = page_id(match[1])
        if pk is None:
            return match[2]
        return f'<a linktype="page" id="{pk}">{match[2]}</a>'

    return PAGE_LINK.sub(page_link, html)
