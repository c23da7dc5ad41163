"""Tickers: market quotes (one per line, a table row, or a strip of several quotes) and news
strips ("BREAKING: ..."), which pages print above or beside the article.
"""

from __future__ import annotations

import logging
import re

from index.text_shape import ends_sentence, is_title_like, words

logger = logging.getLogger(__name__)

# Market tickers: a price line, a change line, a one-line quote, a market-hours status.
_TICKER_NUMBER = re.compile(r"^[+\-−]?[$£€¥]?\d{1,3}(?:,\d{3})*(?:\.\d+)?%?$")
_TICKER_CHANGE = re.compile(r"^[+\-−▲▼]\s?[\d,]*\.?\d+%?\s*(?:\(\s*[+\-−]?[\d.]+%\s*\))?$")
_TICKER_QUOTE = re.compile(
    r"^[A-Z][\w&.’'/()$ -]{0,30}?\s+[$£€¥]?\d{1,3}(?:,\d{3})*(?:\.\d+)?\s*(?:pts?)?\s+"
    r"(?:[▲▼↑↓]\s*[\d,]*\.?\d+\s*%?|[+\-−]\s?[\d,]*\.?\d+\s*%?|[\d,]*\.?\d+\s*%)"
    r"(?:\s+[+\-−]?[\d.]+\s*%)?"  # "▼ 54.91 -0.84%": the change, then the change in percent
    r"(?:\s*\(\s*[+\-−]?[\d.]+\s*%\s*\))?$"
)
# One item of a market ticker written without separators: a symbol ("ISEQ", "FTSE 100",
# "EUR/USD"), a price, and maybe a change ("ISEQ 9,842.17 ▼ 0.8%    Brent $72.18").
_TICKER_ITEM = re.compile(
    r"(?<![\w.,])[A-Z][A-Za-z0-9&./-]*(?:\s[A-Z0-9][A-Za-z0-9&./-]*)?\s+"
    r"(?P<currency>[$£€¥])?\d[\d,]*(?:\.\d+)?(?P<percent>%)?"
    r"(?P<change>\s*[▲▼↑↓+\-−]\s?\d[\d,]*(?:\.\d+)?%?)?(?![\w.])"
)
TICKER_STRIP_MIN_ITEMS = 3
_TABLE_COLUMNS = re.compile(r"\s+\|\s+")  # "IPSA 6,512.40 ▼ 54.91 -0.84% | USD/CLP 958.30 ▲ 10.62 +1.12%"
_MARKET_STATUS = re.compile(r"\bmarkets?\s+(?:(?:are|is)\s+)?(?:open|opens|close|closes|closed)\b", re.IGNORECASE)
MARKET_STATUS_MAX_WORDS = 12
# A breaking-news strip: a label, then short headlines ("BREAKING: Ferry sinks off Crete",
# "LATEST ▸ Bridge reopens ▸ Schools shut early ▸"): arrows both follow the label and part the items.
_NEWS_STRIP = re.compile(
    r"^(?:breaking(?: news)?|just in|latest|developing|news alert)\s*[:|–—▸►▶»›-]\s*(?=\S)", re.IGNORECASE
)
_STRIP_ITEM_SEPARATOR = re.compile(r"\s*[▸►▶»›•|]\s*")
NEWS_STRIP_MAX_WORDS = 25  # per item: each is one headline


def is_ticker(text: str) -> bool:
    """A market quote or status line, a strip of quotes, or a breaking-news strip."""
    if is_ticker_value(text) or _TICKER_QUOTE.match(text) or is_ticker_row(text) or is_ticker_strip(text):
        return True
    if _MARKET_STATUS.search(text) and len(words(text)) <= MARKET_STATUS_MAX_WORDS and not ends_sentence(text):
        return True  # "Markets closed", "UK markets open in 1 hour"
    return is_news_strip(text)


def is_ticker_row(text: str) -> bool:
    """Several quotes side by side in one table row, split by "|". Two quotes at least; the other
    columns may be a price without its change ("EUR/USD 1.1840") or the market's status
    ("Markets closed for the holiday"), as a ticker strip runs them together."""
    columns = [column.strip() for column in _TABLE_COLUMNS.split(text.strip())]
    quotes = sum(1 for column in columns if _TICKER_QUOTE.match(column))
    return quotes >= 2 and all(_TICKER_QUOTE.match(column) or _is_ticker_column(column) for column in columns)


def _is_ticker_column(column: str) -> bool:
    """A symbol and its price alone ("KLR/LSD 1.1840"), or a short market status without a full stop."""
    if _TICKER_ITEM.fullmatch(column):
        return True
    return bool(_MARKET_STATUS.search(column)) and len(words(column)) <= MARKET_STATUS_MAX_WORDS and not ends_sentence(column)


def is_ticker_value(text: str) -> bool:
    return bool(_TICKER_NUMBER.match(text) or _TICKER_CHANGE.match(text))


def is_ticker_strip(text: str) -> bool:
    """Three or more quotes side by side, with or without separators ("ISEQ 9,842.17 ▼ 0.8%
    FTSE 100 8,312.40 ▲ 0.2%  Gold $2,611"): the items cover the line, and most carry a
    currency, a percentage or a change, as prices do and counts in prose do not."""
    if ends_sentence(text):
        return False
    items = list(_TICKER_ITEM.finditer(text))
    if len(items) < TICKER_STRIP_MIN_ITEMS:
        return False
    priced = [item for item in items if item.group("currency") or item.group("percent") or item.group("change")]
    if len(priced) * 2 < len(items):
        return False
    leftover = words(_TICKER_ITEM.sub(" ", text))
    return len(leftover) * 4 <= len(words(text))


def is_news_strip(text: str) -> bool:
    """A breaking-news strip: "BREAKING: N7 closed after lorry fire" (a label and one headline),
    or a label and several headlines parted by arrows or bullets."""
    label = _NEWS_STRIP.match(text)
    if label is None or not is_title_like(text):
        return False
    items = [item for item in _STRIP_ITEM_SEPARATOR.split(text[label.end():]) if item.strip()]
    return bool(items) and all(len(words(item)) <= NEWS_STRIP_MAX_WORDS for item in items)
