"""Which XML files are news documents: a file saved as ``.xml`` is read only when its markup makes
it one, an NITF item (``index.nitf_documents``), an RSS/Atom feed (``index.feeds``) or a journal
article in JATS (``index.jats_articles``).

A sitemap, a configuration file or a feed without items is no article: indexing its text would
put garbage in the answers, so loading refuses it with the reason (``news_xml_problem``), and the
folder's other files are read as usual.
"""

from __future__ import annotations

import logging
import re

from index.feeds import looks_like_feed
from index.jats_articles import jats_problem, looks_like_jats
from index.nitf_documents import looks_like_nitf, nitf_problem
from index.xml_markup import root_start

logger = logging.getLogger(__name__)

_ROOT_NAME = re.compile(r"<(?P<name>[A-Za-z_][\w:.-]*)")
_FEED_ROOTS = {"rss", "rdf:rdf", "feed"}


def news_xml_problem(raw_text: str) -> str | None:
    """Why an XML file is no news document the cleaner can read, or None when it is one.

    >>> news_xml_problem('<?xml version="1.0"?><urlset><url><loc>https://example.org/</loc></url></urlset>')
    'an XML file that is not a news document (root element <urlset>); only NITF news items, RSS/Atom feeds and JATS journal articles are read'
    """
    if looks_like_feed(raw_text):
        return None
    if looks_like_nitf(raw_text):
        return nitf_problem(raw_text)
    if looks_like_jats(raw_text):
        return jats_problem(raw_text)
    root = _ROOT_NAME.match(raw_text, root_start(raw_text))
    if root is None:
        return "not well-formed XML: no root element after the prologue"
    name = root.group("name")
    if name.lower() in _FEED_ROOTS:
        return f"a news feed (root element <{name}>) that holds no item or entry: no article to read"
    return f"an XML file that is not a news document (root element <{name}>); only NITF news items, RSS/Atom feeds and JATS journal articles are read"
