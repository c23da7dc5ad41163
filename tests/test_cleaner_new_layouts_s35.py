"""Cleaning rules added in session 35 (a saved e-mail's MIME source, a newsletter's sponsor,
quiz and bulleted digest, an SEO FAQ in schema.org microdata, AMP components, a photo gallery
told in its captions, a metered paywall), each beside a near miss that must stay.

Invented pages (the cable car of the hill town of Varnholm stops with 40 people on board after a
power cut: the Kellby Gazette's morning newsletter saved as raw MIME, its article page with a
FAQ, an AMP copy, a gallery of the rescue, a magazine's interview behind a paywall), not the seed
pages nor the labelled development sets.
"""

from __future__ import annotations

import base64

import pytest

from index.cleaning import clean_text
from index.furniture import line_reason
from index.mime_messages import looks_like_mime_message, mime_source
from tests.index.test_cleaning import assert_dropped, assert_kept, clean, page
from tests.index.test_feeds_captions_threads import assert_offsets_exact

HEADLINE = "Varnholm cable car stops with 40 people on board"
BYLINE = "By Ilse Marrow"
DATE = "Friday 7 June 2033"
BODY = (
    "A power cut stopped the Varnholm cable car at 16:10 on Thursday, leaving 40 passengers in six cabins above the Sella gorge.",
    "Mountain rescuers lowered the last of them to the ground by rope at 22:35, the operator said.",
    "The operator’s engineers traced the fault to a flooded transformer at the valley station.",
)

# --- a saved e-mail: its headers, MIME structure and transfer encodings ---

MAIL_HEADERS = (
    "Return-Path: <bounce-5512@mail.kellbygazette.example>\n"
    "Received: from out-2.mail.kellbygazette.example (out-2.mail.kellbygazette.example [10.1.2.3])\n"
    "        by mx.inbox.example with ESMTPS id 55Xk; Fri, 7 Jun 2033 06:30:02 +0200\n"
    'From: "Gazette Morning" <morning@kellbygazette.example>\n'
    "To: reader@inbox.example\n"
    "Subject: =?utf-8?Q?Cable_car_stops_=E2=80=94_Gazette_Morning?=\n"
    "Date: Fri, 7 Jun 2033 06:30:00 +0200\n"
    "Message-ID: <morning.20330607@kellbygazette.example>\n"
    "MIME-Version: 1.0\n"
)
# The plain part, quoted-printable: a soft line break ("=" at a line's end) inside a sentence,
# escapes for a curly apostrophe and quotes.
PLAIN_PART = (
    "View this email in your browser: https://kellbygazette.example/morning/2033-06-07\n"
    "\n"
    "GAZETTE MORNING\n"
    f"{DATE}\n"
    "\n"
    "Good morning. Our lead today is the cable car. Also: the council budget.\n"
    "\n"
    "Today=E2=80=99s newsletter is supported by Kellby Savings, the valley=E2=80=99s own bank.\n"
    "\n"
    f"{HEADLINE}\n"
    f"{BYLINE}\n"
    "\n"
    "A power cut stopped the Varnholm cable car at 16:10 on Thursday, leaving =\n"
    "40 passengers in six cabins above the Sella gorge.\n"
    "\n"
    "Mountain rescuers lowered the last of them to the ground by rope at 22:35, =\n"
    "the operator said.\n"
    "\n"
    "The operator=E2=80=99s engineers traced the fault to a flooded transformer =\n"
    "at the valley station.\n"
    "\n"
    "You are receiving this email because you signed up for Gazette Morning.\n"
)
HTML_PART = (
    "<html><body><table role=3D\"presentation\"><tr><td><h1>Cable car stops</h1>\n"
    "<p>A power cut stopped the Varnholm cable car at 16:10 on Thursday, leaving =\n"
    "40 passengers in six cabins above the Sella gorge. HTML COPY ONLY.</p></td></tr></table>\n"
    "</body></html>\n"
)


def multipart(*parts: tuple[str, str, str]) -> str:
    """A multipart/alternative message of (content type, transfer encoding, body) parts."""
    boundary = "----=_Part_5512_aa"
    body = "".join(
        f"--{boundary}\nContent-Type: {content_type}; charset=\"utf-8\"\nContent-Transfer-Encoding: {encoding}\n\n{text}\n"
        for content_type, encoding, text in parts
    )
    return (
        MAIL_HEADERS
        + f'Content-Type: multipart/alternative; boundary="{boundary}"\n\n'
        + "This is a multi-part message in MIME format.\n\n"
        + body
        + f"--{boundary}--\n"
    )


NEWSLETTER_MAIL = multipart(("text/plain", "quoted-printable", PLAIN_PART), ("text/html", "quoted-printable", HTML_PART))


def test_a_saved_mail_keeps_its_plain_part_decoded_with_exact_offsets() -> None:
    document = clean_text(NEWSLETTER_MAIL, "mail")
    # Soft line breaks joined, escapes decoded.
    assert_kept(document, HEADLINE, BYLINE, *BODY)
    assert_offsets_exact(document, HEADLINE, BYLINE, "Mountain rescuers lowered the last of them to the ground by rope at 22:35, ")
    apostrophe = document.text.index("operator’s engineers") + len("operator")
    assert document.raw_text[document.offsets.raw_position(apostrophe) - 1] != "’"  # decoded, so inserted
    # The headers, the MIME structure, the HTML alternative and the mail's wrapping are dropped.
    assert_dropped(
        document, "Return-Path", "Received", "Content-Type", "multi-part", "----=_Part", "HTML COPY ONLY", "<p>", "=3D",
        "=E2", "View this email", "Good morning", "Kellby Savings", "You are receiving",
    )
    assert document.meta.headline == HEADLINE
    assert document.meta.byline == ("Ilse Marrow",)


@pytest.mark.parametrize("is_html", [False, True])
def test_a_mail_is_known_by_its_structure_whatever_its_suffix(is_html: bool) -> None:
    document = clean_text(NEWSLETTER_MAIL, "mail", is_html=is_html)  # an .eml saved as .txt or .html
    assert_kept(document, HEADLINE, *BODY)
    assert_dropped(document, "Return-Path", "HTML COPY ONLY")


def test_a_mail_saved_with_crlf_line_ends_is_read_the_same() -> None:
    document = clean_text(NEWSLETTER_MAIL.replace("\n", "\r\n"), "mail")
    assert_kept(document, HEADLINE, *BODY)
    assert_offsets_exact(document, HEADLINE, BODY[1][:40])
    assert_dropped(document, "Return-Path", "HTML COPY ONLY", "=\r")


def test_a_mail_in_an_mbox_file_opens_with_the_separator_line() -> None:
    document = clean_text("From morning@kellbygazette.example Fri Jun  7 06:30:02 2033\n" + NEWSLETTER_MAIL, "mail")
    assert_kept(document, HEADLINE, *BODY)
    assert_dropped(document, "Return-Path", "HTML COPY ONLY", "Fri Jun")


def test_a_stub_plain_alternative_gives_way_to_the_html_copy() -> None:
    stub = "View this email in your browser: https://kellbygazette.example/morning/2033-06-07\n"
    html = "".join(f"<p>{sentence}</p>\n" for sentence in BODY)
    document = clean_text(multipart(("text/plain", "7bit", stub), ("text/html", "7bit", f"<h1>{HEADLINE}</h1>\n{html}")), "mail")
    assert_kept(document, HEADLINE, *BODY)
    assert_offsets_exact(document, *BODY)


def test_a_base64_part_is_decoded_and_an_attachment_is_left_out() -> None:
    text = "\n\n".join((HEADLINE, BYLINE, *BODY)) + "\n"
    encoded = base64.encodebytes(text.encode("utf-8")).decode("ascii")
    picture = base64.encodebytes(bytes(range(256)) * 4).decode("ascii")
    mail = (
        MAIL_HEADERS
        + 'Content-Type: multipart/mixed; boundary="mix"\n\n'
        + f"--mix\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{encoded}\n"
        + f'--mix\nContent-Type: image/jpeg\nContent-Disposition: attachment; filename="cabin.jpg"\n'
        + f"Content-Transfer-Encoding: base64\n\n{picture}\n--mix--\n"
    )
    document = clean_text(mail, "mail")
    assert_kept(document, HEADLINE, *BODY)
    assert_dropped(document, encoded.split("\n")[0], picture.split("\n")[0], "cabin.jpg")


def test_an_attached_text_file_is_not_the_message() -> None:
    html = f"<h1>{HEADLINE}</h1>\n" + "".join(f"<p>{sentence}</p>\n" for sentence in BODY)
    mail = (
        MAIL_HEADERS
        + 'Content-Type: multipart/mixed; boundary="mix"\n\n'
        + '--mix\nContent-Type: text/plain; name="log.txt"\nContent-Disposition: attachment; filename="log.txt"\n\n'
        + "16:10:02 feeder 2 trip\n16:10:03 brake applied\n"
        + f"--mix\nContent-Type: text/html; charset=utf-8\n\n{html}--mix--\n"
    )
    document = clean_text(mail, "mail")
    assert_kept(document, HEADLINE, *BODY)
    assert_dropped(document, "feeder 2 trip", "brake applied")


def test_a_single_part_html_mail_is_read_as_html() -> None:
    html = f"<h1>{HEADLINE}</h1>\n<p>{BYLINE}</p>\n" + "".join(f"<p>{sentence}</p>\n" for sentence in BODY)
    mail = MAIL_HEADERS + "Content-Type: text/html; charset=utf-8\n\n" + html
    document = clean_text(mail, "mail")
    assert_kept(document, HEADLINE, *BODY)
    assert_dropped(document, "<p>", "Message-ID")


@pytest.mark.parametrize(
    "broken",
    [
        # A multipart message without its boundary, a part whose base64 is garbage, headers only.
        MAIL_HEADERS + "Content-Type: multipart/alternative\n\n--x\nContent-Type: text/plain\n\nHello\n--x--\n",
        MAIL_HEADERS + "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n%%%% not base64 %%%%\n",
        MAIL_HEADERS + "Content-Type: text/plain; charset=no-such-charset\nContent-Transfer-Encoding: quoted-printable\n\nA =\n=ZZ half=\n",
    ],
)
def test_a_broken_mail_never_crashes_nor_keeps_its_markup(broken: str) -> None:
    assert looks_like_mime_message(broken)
    document = clean_text(broken, "mail")
    assert_dropped(document, "Return-Path", "Content-Type", "%%%%", "--x")


def test_a_quoted_printable_character_split_over_a_soft_break_comes_out_whole() -> None:
    mail = (
        MAIL_HEADERS
        + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        + "The operator=E2=80=\n=99s engineers found the fault.\n"
    )
    assert mime_source(mail).text.strip() == "The operator’s engineers found the fault."


@pytest.mark.parametrize(
    "text",
    [
        # An article that quotes mail headers in its text.
        page(HEADLINE, DATE, "Content-Type: text/html was the first line of the forged message, the police said.", *BODY),
        # A memo printed with its addressing lines, but no field a mail system writes.
        "To: All staff\nFrom: Operations director\nDate: 7 June 2033\nSubject: Cable car stoppage\n\n" + "\n\n".join(BODY),
        # Headers without the empty line that ends them: no body.
        MAIL_HEADERS.rstrip("\n"),
    ],
)
def test_a_page_that_only_mentions_mail_headers_is_no_mail(text: str) -> None:
    assert not looks_like_mime_message(text)


def test_a_memo_with_addressing_lines_keeps_its_text() -> None:
    memo = "To: All staff\nFrom: Operations director\nDate: 7 June 2033\nSubject: Cable car stoppage\n\n" + "\n\n".join(BODY)
    assert_kept(clean(memo), *BODY)


# --- a newsletter's wrapping: a greeting that presents the issue, the sponsor, a quiz, a digest ---


@pytest.mark.parametrize(
    "line",
    [
        "Good morning. Our lead today is the cable car. Also: the council budget.",
        "Hello. In today's briefing: the cable car, the budget and the weather.",
        "Today’s briefing is supported by Kellby Savings, the valley’s own bank.",
        "This briefing is brought to you by Sella Outdoor.",
    ],
)
def test_a_newsletters_greeting_and_sponsor_are_its_wrapping(line: str) -> None:
    assert line_reason(line) == "newsletter"


@pytest.mark.parametrize(
    "line",
    [
        "Good morning. The cable car is still closed, and buses run every ten minutes from the valley station.",
        '"Good morning. Our lead today is the weather," the presenter began, before the power went off.',
        "The rescue is supported by volunteers from three valleys, the operator said.",
    ],
)
def test_a_greeting_or_a_sponsor_in_the_story_is_kept(line: str) -> None:
    assert line_reason(line) is None


QUIZ = "YESTERDAY'S QUIZ\nHow deep is the Sella gorge? Answer: 340 metres. Today's question is on our website."
DIGEST = (
    "ALSO IN THE NEWS",
    "* Budget: the council sets out its spending plans on Monday.",
    "* Weather: showers spreading from the west, 12C.",
)


def test_a_newsletters_quiz_and_bulleted_digest_are_dropped() -> None:
    document = clean(page(HEADLINE, BYLINE, DATE, *BODY, *DIGEST, QUIZ))
    assert_kept(document, HEADLINE, *BODY)
    assert_dropped(document, "ALSO IN THE NEWS", "spending plans", "Weather:", "QUIZ", "340 metres")


def test_a_quiz_heading_over_a_paragraph_and_labelled_paragraphs_are_kept() -> None:
    story = "Yesterday's quiz\nThe pub's quiz night raised 400 crowns for the mountain rescuers."
    labelled = "Buses: every ten minutes from the valley station.\n\nTickets: cable car passes are valid on the buses."
    document = clean(page(HEADLINE, BYLINE, DATE, *BODY, story, "Also today", labelled))
    assert_kept(document, "Yesterday's quiz", "400 crowns", "Buses: every ten minutes", "Tickets: cable car passes")


# --- an HTML article page: an SEO FAQ in schema.org microdata, readers' comments ---


def html_article(*blocks: str) -> str:
    """An article page: headline, byline, date and paragraphs, then ``blocks`` of markup."""
    paragraphs = "\n".join(f"<p>{sentence}</p>" for sentence in BODY)
    return (
        f"<!DOCTYPE html>\n<html>\n<head><title>{HEADLINE}</title></head>\n<body>\n<article>\n<h1>{HEADLINE}</h1>\n"
        f"<p class=\"byline\">{BYLINE}</p>\n<p class=\"dateline\">{DATE}</p>\n{paragraphs}\n</article>\n"
        + "\n".join(blocks)
        + "\n</body>\n</html>\n"
    )


FAQ_ITEMS = (
    '<div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question"><h3 itemprop="name">How high is the cable car?</h3>'
    '<div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer"><p itemprop="text">Its highest cabin runs 210 metres above the gorge.</p></div></div>\n'
    '<div itemscope itemtype="https://schema.org/Question"><h3 itemprop="name">Is the cable car safe?</h3>'
    '<div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer"><p itemprop="text">It was last inspected in April.</p></div></div>'
)


@pytest.mark.parametrize(
    "faq",
    [
        f'<section class="explainer" itemscope itemtype="https://schema.org/FAQPage">\n<h2>Varnholm cable car: your questions</h2>\n{FAQ_ITEMS}\n</section>',
        FAQ_ITEMS,  # Question items a site types without a FAQPage wrapper
    ],
)
def test_an_seo_faq_in_microdata_is_dropped(faq: str) -> None:
    document = clean_text(html_article(faq), "page", is_html=True)
    assert_kept(document, HEADLINE, *BODY)
    assert_dropped(document, "your questions", "How high", "210 metres", "Is the cable car safe", "inspected in April")


def test_an_explainer_whose_article_is_a_faq_keeps_its_questions() -> None:
    explainer = (
        '<!DOCTYPE html>\n<html>\n<body>\n<article itemscope itemtype="https://schema.org/FAQPage">\n'
        f"<h1>Varnholm cable car: what we know</h1>\n<p>{BYLINE}</p>\n<p>{DATE}</p>\n<p>{BODY[0]}</p>\n{FAQ_ITEMS}\n"
        "</article>\n</body>\n</html>\n"
    )
    document = clean_text(explainer, "page", is_html=True)
    assert_kept(document, BODY[0], "Its highest cabin runs 210 metres above the gorge.", "It was last inspected in April.")


COMMENT = (
    '<div class="entry"><span class="user">gorge_walker</span> <span class="time">7 Jun 2033, 08:12</span>\n'
    "<p>My cousin was in cabin 4 and they had no water for six hours, disgraceful.</p>\n"
    '<span class="likes">12 likes</span> <a href="#">Reply</a></div>'
)


@pytest.mark.parametrize(
    "thread",
    [
        f'<ol class="commentlist">\n<li>{COMMENT}</li>\n</ol>',  # a blog engine's default thread
        f'<div id="disqus_thread">\n{COMMENT}\n</div>',  # an embedded comments service
        f'<div itemprop="comment" itemscope itemtype="https://schema.org/Comment">\n{COMMENT}\n</div>',
    ],
)
def test_a_comment_thread_is_known_by_its_markup(thread: str) -> None:
    document = clean_text(html_article(thread), "page", is_html=True)
    assert_kept(document, HEADLINE, *BODY)
    assert_dropped(document, "gorge_walker", "cabin 4", "12 likes", "Reply")


def test_an_article_that_mentions_replies_and_comments_is_kept() -> None:
    paragraph = "The operator did not reply to requests for comment, and its list of readers' comments was not published."
    document = clean_text(html_article(f'<div class="note"><p>{paragraph}</p>\n<p>Reply</p></div>'), "page", is_html=True)
    assert_kept(document, paragraph, *BODY)


# --- an AMP page: its menu drawer, ad slots and share buttons are components of their own ---


def amp_page(*blocks: str) -> str:
    paragraphs = "\n".join(f"<p>{sentence}</p>" for sentence in BODY)
    return (
        '<!doctype html>\n<html ⚡ lang="en">\n<head>\n<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
        "<style amp-custom>\nbody{font-family:Georgia,serif}\n</style>\n</head>\n<body>\n"
        f"<article>\n<h1>{HEADLINE}</h1>\n<p>{BYLINE}</p>\n<p>{DATE}</p>\n"
        '<amp-img src="/cabins.jpg" width="1200" height="675" layout="responsive" alt="Cabins over the gorge"></amp-img>\n'
        f"{paragraphs}\n" + "\n".join(blocks) + "\n</article>\n</body>\n</html>\n"
    )


@pytest.mark.parametrize("tag", ["amp-ad", "amp-sticky-ad", "amp-embed"])
def test_an_amp_ad_slot_is_dropped_whatever_its_class(tag: str) -> None:
    slot = f'<{tag} width="300" height="250" type="adnet"><div fallback>Sella Outdoor: rope jackets from 90 crowns</div></{tag}>'
    document = clean_text(amp_page(slot), "page", is_html=True)
    assert_kept(document, HEADLINE, *BODY)
    assert_dropped(document, "Sella Outdoor", "rope jackets")


def test_an_amp_menu_drawer_and_share_buttons_are_dropped_below_the_headline() -> None:
    sidebar = (
        '<amp-sidebar id="menu" layout="nodisplay" side="right">\n<ul>\n<li><a href="/valley">Valley news</a></li>\n'
        '<li><a href="/weather">Mountain weather</a></li>\n<li><a href="/jobs">Jobs in Varnholm and Kellby</a></li>\n</ul>\n</amp-sidebar>'
    )
    share = '<amp-social-share type="email" data-param-text="Cable car stops">Email this story to a friend</amp-social-share>'
    document = clean_text(amp_page(share, sidebar), "page", is_html=True)
    assert_kept(document, HEADLINE, *BODY)
    assert_dropped(document, "Valley news", "Mountain weather", "Jobs in Varnholm", "Email this story")


def test_an_article_about_amp_components_keeps_its_text() -> None:
    paragraph = "Publishers wrap each advert in an amp-ad element and the menu in an amp-sidebar, the developer said."
    document = clean_text(amp_page(f"<p>{paragraph}</p>"), "page", is_html=True)
    assert_kept(document, paragraph, *BODY)


# A site's feedback widget under a fact check or a story, now that the FAQ it followed is dropped
# by its markup; a question put in the story names whom it was useful to.


@pytest.mark.parametrize("line", ["Was this fact check useful? Yes No", "Did you find this story helpful?", "Was this explainer useful?"])
def test_a_feedback_widget_is_a_prompt(line: str) -> None:
    assert line_reason(line) == "prompt"


def test_a_question_about_usefulness_in_the_story_is_kept() -> None:
    assert line_reason("Was this fact check useful to the rescuers, the committee asked the operator on Monday?") is None


# --- a photo gallery told in its slides' captions ---

CAPTIONS = (
    "Cabin 3 hangs still above the Sella gorge soon after the power cut at 16:10.",
    "A rescuer is winched down to the roof of cabin 5. The team worked in pairs.",
    "Passengers are lowered one at a time on a rope seat to the valley floor.",
    "The last passenger reaches the ground at 22:35, six hours after the car stopped.",
)


def gallery_slide(number: int, total: int, caption: str) -> str:
    return (
        f'<div class="slide" id="slide-{number}">\n<p class="counter">Image {number} of {total}</p>\n'
        f'<img src="/gallery/{number}.jpg" alt="A cabin over the gorge">\n<p class="caption">{caption}</p>\n'
        f'<p class="credit">Photo: Ada Brenn / Kellby Gazette</p>\n'
        f'<p class="slide-nav"><a href="#slide-{number - 1}">Previous</a> <a href="#slide-{number + 1}">Next</a></p>\n</div>'
    )


def gallery_page(slides: list[str], *, paragraphs: tuple[str, ...] = ()) -> str:
    intro = "<p>Rescuers spent six hours bringing 40 people down from the stranded Varnholm cable car.</p>"
    return (
        "<!DOCTYPE html>\n<html>\n<body>\n<main>\n<h1>In pictures: the Varnholm cable car rescue</h1>\n"
        f"{intro}\n<p>{BYLINE}</p>\n<p>{DATE}</p>\n"
        + "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        + "\n".join(slides)
        + '\n<div class="gallery-end"><p>You have reached the end of this gallery.</p> <a href="#slide-1">Start again</a></div>\n'
        "</main>\n</body>\n</html>\n"
    )


def test_a_gallery_page_keeps_its_captions_and_drops_its_slides_furniture() -> None:
    slides = [gallery_slide(n, len(CAPTIONS), caption) for n, caption in enumerate(CAPTIONS, start=1)]
    document = clean_text(gallery_page(slides), "gallery", is_html=True)
    assert_kept(document, "In pictures: the Varnholm cable car rescue", "Rescuers spent six hours", *CAPTIONS)
    assert_dropped(document, "Image 1 of", "Image 4 of", "Photo: Ada Brenn", "Previous", "Next", "end of this gallery", "Start again")


def test_an_article_with_a_few_slides_of_a_longer_gallery_drops_their_captions() -> None:
    one_sentence = (CAPTIONS[0], CAPTIONS[2])  # a caption of two sentences is kept on any page
    slides = [gallery_slide(n, 12, caption) for n, caption in enumerate(one_sentence, start=1)]
    document = clean_text(gallery_page(slides), "gallery", is_html=True)
    assert_dropped(document, *one_sentence, "Image 1 of 12")


def test_an_article_with_a_whole_gallery_beside_longer_text_drops_its_captions() -> None:
    one_sentence = (CAPTIONS[0], CAPTIONS[2])
    slides = [gallery_slide(n, 2, caption) for n, caption in enumerate(one_sentence, start=1)]
    document = clean_text(gallery_page(slides, paragraphs=BODY), "gallery", is_html=True)
    assert_kept(document, *BODY)
    assert_dropped(document, *one_sentence, "Image 2 of 2")


@pytest.mark.parametrize(
    "line", ["Image 3 of 12", "Slide 2/9", "Photo 4 of 8", "Previous Next", "‹ Prev | Next ›", "You have reached the end of this gallery.", "Start again"]
)
def test_a_gallerys_counter_controls_and_end_are_interface(line: str) -> None:
    assert line_reason(line) == "interface-label"


@pytest.mark.parametrize(
    "line",
    [
        "Image 3 of 12 shows the rescuers on the roof of cabin 5, the operator said.",
        "You have reached the end of the line, the judge told the operator's lawyer.",
        "The next cabin was reached at 19:40, and the previous one an hour earlier.",
    ],
)
def test_a_sentence_that_quotes_a_counter_or_a_control_is_kept(line: str) -> None:
    assert line_reason(line) is None


# --- a metered paywall in the middle of a Q&A interview and at its cut end ---

INTERVIEW_TURNS = (
    "Q: Where were you when the cable car stopped?",
    "A: In the valley station. The lights went out and the motors went quiet, and then the phones started ringing.",
    "Q: What did the rescuers need from you?",
    "A: Ropes, a list of who was in which cabin, and someone to keep the families calm while the team worked.",
)
CUT_ANSWER = "A: I want a second power line to the valley station and a rescue drill every spring, before the next"
METER = (
    "You have 2 free articles left this month.",
    "Subscribe to keep reading",
    "Get unlimited access to The Kellby Review from 4 crowns a week. Cancel anytime.",
    "Subscribe now",
)
CUT_PROMPT = "To continue reading, subscribe to The Kellby Review.\nSubscribe from 4 crowns a week"


def test_a_metered_paywall_is_dropped_and_the_answer_it_cuts_is_kept() -> None:
    text = page(
        "Varnholm's operator on the night its cable car stopped", "Interview by Ilse Marrow", DATE,
        BODY[0], *INTERVIEW_TURNS[:2], "\n".join(METER), *INTERVIEW_TURNS[2:], "Q: What do you want now?", CUT_ANSWER, CUT_PROMPT,
    )
    document = clean(text)
    assert_kept(document, BODY[0], *INTERVIEW_TURNS, CUT_ANSWER)
    assert_dropped(document, "free articles", "keep reading", "unlimited access", "Subscribe now", "continue reading", "4 crowns")


@pytest.mark.parametrize("line", ["You've read 3 of 5 free articles this month.", "This is your last free article.", *METER[:3], CUT_PROMPT.split("\n")[0]])
def test_a_paywalls_meter_offer_and_cut_are_prompts(line: str) -> None:
    assert line_reason(line) == "prompt"


@pytest.mark.parametrize(
    "line",
    [
        "The Kellby Review gives readers five free articles a month before asking them to pay 4 crowns a week.",
        "We were given unlimited access to the valley station from 6 a.m., the inspectors said.",
        "To keep the families calm, the operator opened the station café for the night.",
    ],
)
def test_a_story_about_a_paywall_or_access_is_kept(line: str) -> None:
    assert line_reason(line) is None


def test_a_link_title_above_a_prompt_that_is_no_paywall_cut_is_still_a_link() -> None:
    link = "Cable car operators across the Alps review their rescue plans after the Varnholm stoppage"
    document = clean(page("Varnholm's operator on the night its cable car stopped", "Interview by Ilse Marrow", DATE, *INTERVIEW_TURNS, link, "Sign up for our weekly newsletter"))
    assert_dropped(document, link)
