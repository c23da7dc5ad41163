"""A chat channel's HTML export (Telegram Desktop's messages.html, ``index.chat_exports``): the
posts' text is the article, the app's furniture and the channel's promotions are dropped, the
page header's channel name is the outlet; each rule beside a near miss that must stay.

Invented pages (a tram strike in the city of Kelby), not the seed pages nor the labelled
development sets.
"""

from __future__ import annotations

import pytest

from index.chat_exports import is_promotion, looks_like_channel_export
from index.cleaning import clean_text
from index.records import CleanedDocument
from tests.index.test_cleaning import assert_dropped, assert_kept
from tests.index.test_feeds_captions_threads import assert_offsets_exact

CHANNEL = "Kelby Transit Watch"
HEADLINE = "Tram strike in Kelby: what we know on Tuesday"
LEAD = "Tram drivers in Kelby walked out at dawn over a pay offer the city's transport board calls final, and no trams are running on any of the five lines."
FORWARDED = "The transport board says replacement buses will run every 15 minutes on lines 1 and 3 until the strike ends."
TALKS = "Talks between the drivers' union and the board will resume on Thursday at the city hall, the union's secretary, Orla Venn, said."


def post(message_id: int, stamp: str, text: str, *, first: bool = False, extra: str = "") -> str:
    """One post as the app writes it: time stamp, maybe the userpic and from_name, the text div."""
    time = stamp.split(" ")[1][:5]
    header = (
        '      <div class="pull_left userpic_wrap">\n       <div class="userpic userpic3"><div class="initials">KT</div></div>\n      </div>\n'
        if first
        else ""
    )
    name = f'       <div class="from_name">\n{CHANNEL}\n       </div>\n' if first else ""
    return (
        f'     <div class="message default clearfix{"" if first else " joined"}" id="message{message_id}">\n'
        f"{header}"
        '      <div class="body">\n'
        f'       <div class="pull_right date details" title="{stamp} UTC+01:00">\n{time}\n       </div>\n'
        f"{name}"
        f'       <div class="text">\n{text}\n       </div>\n'
        f"{extra}"
        "      </div>\n"
        "     </div>\n"
    )


def service(message_id: int, text: str) -> str:
    return f'     <div class="message service" id="message-{message_id}">\n      <div class="body details">\n{text}\n      </div>\n     </div>\n'


FORWARDED_POST = (
    '     <div class="message default clearfix joined" id="message812">\n'
    '      <div class="body">\n'
    '       <div class="pull_right date details" title="14.06.2036 08:40:10 UTC+01:00">\n08:40\n       </div>\n'
    '       <div class="forwarded body">\n'
    '        <div class="from_name">\nKelby Transport Board<span class="date details" title="14.06.2036 08:31:00 UTC+01:00"> 14.06.2036 08:31:00</span>\n        </div>\n'
    f'        <div class="text">{FORWARDED}</div>\n'
    "       </div>\n"
    '       <div class="views details">9.2K views</div>\n'
    "      </div>\n"
    "     </div>\n"
)
PHOTO = (
    '       <div class="media_wrap clearfix">\n'
    '        <a class="photo_wrap clearfix pull_left" href="photos/photo_7@14-06-2036.jpg"><img class="photo" src="photos/photo_7@14-06-2036_thumb.jpg"/></a>\n'
    "       </div>\n"
)
REACTIONS = '       <span class="reactions"><span class="reaction"><span class="emoji">&#128545;</span><span class="count">431</span></span></span>\n'


def export(*posts: str, channel: str | None = CHANNEL) -> str:
    name = f'     <div class="text bold">\n{channel}\n     </div>\n' if channel is not None else ""
    return (
        '<!DOCTYPE html>\n<html>\n <head>\n  <meta charset="utf-8"/>\n<title>Exported Data</title>\n'
        '  <link href="css/style.css" rel="stylesheet"/>\n </head>\n <body onload="CheckLocation();">\n'
        '  <div class="page_wrap">\n   <div class="page_header">\n    <div class="content">\n'
        f"{name}"
        '    </div>\n   </div>\n   <div class="page_body chat_page">\n    <div class="history">\n'
        + "".join(posts)
        + "    </div>\n   </div>\n  </div>\n </body>\n</html>\n"
    )


def strike_export(*more: str, channel: str | None = CHANNEL) -> str:
    return export(
        service(1, "14 June 2036"),
        post(805, "14.06.2036 06:02:15", f"<strong>{HEADLINE}</strong><br><br>{LEAD}", first=True, extra=REACTIONS),
        service(2, f'{CHANNEL} pinned <a href="#go_to_message805" onclick="return GoToMessage(805)">this message</a>'),
        FORWARDED_POST,
        post(815, "14.06.2036 09:12:00", "Crowds at the Market Square stop this morning, where the first replacement bus was full before it left the depot.", extra=PHOTO),
        service(3, "Channel photo changed"),
        *more,
        service(4, "15 June 2036"),
        post(820, "15.06.2036 07:30:27", TALKS),
        channel=channel,
    )


def clean(raw: str) -> CleanedDocument:
    return clean_text(raw, "kelby_messages", path="messages.html", is_html=True)


# --- the export's furniture ---

def test_export_keeps_the_posts_text_and_drops_the_apps_furniture() -> None:
    raw = strike_export()
    document = clean(raw)
    assert_kept(document, HEADLINE, LEAD, FORWARDED, TALKS, "Crowds at the Market Square stop this morning")
    assert_dropped(
        document,
        "14 June 2036",  # date separators
        "15 June 2036",
        "pinned",
        "Channel photo changed",
        "06:02",  # time stamps
        "07:30",
        "Kelby Transport Board",  # the forwarded post's sender and its time
        "08:31",
        "9.2K views",
        "431",  # reactions
        "KT",  # userpic initials
    )
    assert CHANNEL not in document.text  # from_name and page header
    assert_offsets_exact(document, HEADLINE, LEAD, FORWARDED, TALKS)


def test_export_metadata_the_channel_the_first_posts_date_the_days_headline() -> None:
    meta = clean(strike_export()).meta
    assert meta.outlet == CHANNEL
    assert meta.date == "2036-06-14"  # the first post's, not the next day's
    assert meta.headline == HEADLINE


def test_export_whose_header_names_no_channel() -> None:
    document = clean(strike_export(channel=None))
    assert_kept(document, LEAD, FORWARDED, TALKS)
    assert document.meta.outlet != "Exported Data"  # the tool's title names no outlet
    assert document.meta.headline == HEADLINE
    assert document.meta.date == "2036-06-14"


def test_export_whose_posts_have_no_title_takes_no_headline_from_the_tools_title() -> None:
    document = clean(export(post(805, "14.06.2036 06:02:15", LEAD, first=True), post(820, "14.06.2036 11:30:27", TALKS)))
    assert_kept(document, LEAD, TALKS)
    assert document.meta.headline != "Exported Data"  # the export tool's <title>, no page's


def test_post_of_several_paragraphs_keeps_each_line() -> None:
    paragraphs = (
        "<strong>Why the drivers are striking</strong>",
        "The union asked for a rise of 9 per cent over two years; the board offered 4 per cent and a one-off payment of 600 crowns.",
        "Drivers say the rota introduced in January leaves some of them with split shifts of thirteen hours.",
        "The board says it cannot pay more without raising fares, which the city council has frozen until 2038.",
    )
    document = clean(strike_export(post(817, "14.06.2036 10:02:00", "<br>".join(paragraphs[:2]) + "<br><br>" + "<br>".join(paragraphs[2:]))))
    assert_kept(document, "Why the drivers are striking", *(line for line in paragraphs[1:]))
    assert_offsets_exact(document, *paragraphs[1:])


def test_time_inside_a_posts_sentence_is_kept() -> None:
    sentence = "The last tram to run, a number 4, reached the Harbour Road depot at 08:16 and its driver joined the picket line outside."
    document = clean(strike_export(post(817, "14.06.2036 10:02:00", sentence)))
    assert_kept(document, sentence)
    assert_dropped(document, "10:02")


# --- the channel's promotions ---

PROMOTIONS = {
    "paid label": '&#128226; <strong>Sponsored</strong> | Kelby Cycle Hire: ride through the strike, first month free for new members. Sign up at <a href="https://kelbycycles.example">kelbycycles.example</a>',
    "advertisement label": "Advertisement: Kelby Cabs, the fare is fixed across the city until the trams are back. Book in the app today.",
    "label on its own line": "<strong>Promoted</strong><br>Kelby Cabs: the fare is fixed across the city until the trams are back.",
    "discount code": "Stuck without a tram? Kelby Cabs take 15% off every ride into the centre this week with code TRAM15 in the app.",
    "join a channel": '&#128276; Join our backup channel in case this one is blocked: <a href="https://t.me/kelby_transit_reserve">@kelby_transit_reserve</a>',
    "forward the post": "We are the only channel covering the strike around the clock. Forward this to everyone who rides the trams!",
}


@pytest.mark.parametrize("text", PROMOTIONS.values(), ids=PROMOTIONS.keys())
def test_promotional_post_is_dropped_whole(text: str) -> None:
    document = clean(strike_export(post(818, "14.06.2036 10:40:00", text)))
    assert_dropped(document, "Kelby Cabs", "Kelby Cycle Hire", "backup channel", "around the clock")
    assert_kept(document, LEAD, TALKS)


NEWS_NEAR_MISSES = {
    "discount in the news": "The board says season-ticket holders will get 20% off next month's pass for every day the trams do not run.",
    "sponsored in a sentence": "The sponsored tram that carries the brewery's colours was parked at the depot gates with a banner across its windows.",
    "sponsored by, a sentence": "Sponsored by the city council, a free shuttle bus will link the hospital with the central station from noon.",
    "ad-hoc, a word": "Ad-hoc buses hired from Tollby ran full all morning between the station and the university campus.",
    "a discount code in a report": "Police warn that text messages offering a discount code for taxi rides during the strike are a scam to steal card details.",
    "join our, not a channel": "\"Join our picket line at the depot if you back the drivers,\" the union's secretary told a rally of some 300 people.",
}


@pytest.mark.parametrize("text", NEWS_NEAR_MISSES.values(), ids=NEWS_NEAR_MISSES.keys())
def test_news_post_that_mentions_an_offer_or_a_sponsor_is_kept(text: str) -> None:
    document = clean(strike_export(post(818, "14.06.2036 10:40:00", text)))
    assert_kept(document, html_unescaped(text))


def html_unescaped(text: str) -> str:
    return text.replace("&quot;", '"')


def test_is_promotion_reads_the_label_at_the_posts_start_only() -> None:
    assert is_promotion("\u2728 Sponsored \u2014 Kelby Cabs: fixed fares all week.")
    assert is_promotion("Ad | Kelby Cabs")
    assert not is_promotion("Drivers said the post was not sponsored | it was their own.")


# --- pages that are no export ---

def test_article_with_a_text_div_is_read_as_a_page() -> None:
    raw = (
        "<html><head><title>Tram strike talks to resume | Kelby Evening Star</title></head><body>\n"
        "<h1>Tram strike talks to resume on Thursday</h1>\n"
        '<p class="byline">By Hanne Rask</p>\n'
        '<div class="text">\n'
        f"<p>{LEAD}</p>\n<p>{TALKS}</p>\n"
        "</div>\n</body></html>\n"
    )
    assert not looks_like_channel_export(raw)
    document = clean(raw)
    assert_kept(document, "Tram strike talks to resume on Thursday", LEAD, TALKS)
    assert document.meta.byline == ("Hanne Rask",)


def test_a_single_post_is_no_export() -> None:
    assert not looks_like_channel_export(export(post(805, "14.06.2036 06:02:15", LEAD, first=True)))
    assert looks_like_channel_export(strike_export())
