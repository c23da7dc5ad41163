"""Weather widgets: the place, temperature and sky a page shows in its top bar.

Two shapes, both independent of the page: a place and a temperature with a sky word or the
day's date ("Neuquén 4°C, light rain", "Friday, 7 June 2024 Leeds 12°C Sunny"), and a fuller
forecast strip where every word is a reading ("Ashby 9°C Drizzle  Wind NE 20 km/h  Sun 11°C /
Mon 8°C"), possibly for several places. Used by ``index.furniture.line_reason``.
"""

from __future__ import annotations

import logging
import re

from index.text_shape import ends_sentence, words

logger = logging.getLogger(__name__)

_TEMPERATURE = re.compile(r"[+\-−]?\d{1,3}\s?°\s?[CF]?\b")
_WEATHER_WORDS = re.compile(
    r"\b(?:rain\w*|showers?|sun\w*|cloud\w*|clear|snow\w*|sleet|fog\w*|mist\w*|drizzle|overcast|wind\w*|"
    r"storm\w*|thunder\w*|hail|haze|hazy|fair)\b",
    re.IGNORECASE,
)
_WEATHER_DATE_WORDS = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun|january|february|march|april|may|"
    r"june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b",
    re.IGNORECASE,
)
# The rest of a forecast strip's vocabulary: qualifiers, readings, wind directions and units.
_READING_WORDS = re.compile(
    r"(?:light|heavy|scattered|patchy|partly|mostly|sunny|intervals|spells|periods|breezy|gusts?|gusty|humid|"
    r"humidity|feels|like|high|low|max|min|today|tonight|tomorrow|uv|pollen|pressure|"
    r"n|ne|e|se|s|sw|w|nw|nne|ene|ese|sse|ssw|wsw|wnw|nnw|c|f|km|h|kmh|kph|mph|hpa|mb)",
    re.IGNORECASE,
)
SHORT_TAIL_MAX_WORDS = 4
PLACE_WORDS_PER_READING = 3  # "Port Amsel 12°C": a place of up to three words before each temperature


def is_weather_widget(text: str) -> bool:
    """A place and a temperature with a sky word or a date, or a strip of weather readings.

    A headline such as "Seville swelters at 45°C" is not one: the words around the temperature
    must be a place (capitalised) or weather vocabulary, never a verb."""
    temperatures = list(_TEMPERATURE.finditer(text))
    if not temperatures or ends_sentence(text):
        return False
    lead, tail = text[: temperatures[0].start()], text[temperatures[0].end():]
    lead_words = words(lead)
    if not lead_words or not all(word[0].isupper() or word[0].isdigit() for word in lead_words):
        return False
    if len(words(tail)) <= SHORT_TAIL_MAX_WORDS and (_WEATHER_WORDS.search(tail) or _WEATHER_DATE_WORDS.search(lead)):
        return True
    return _is_forecast_strip(text, len(temperatures))


def _is_forecast_strip(text: str, n_temperatures: int) -> bool:
    """Every word a reading (number, sky, wind, unit, day) or a place name, and a sky word among them."""
    if not _WEATHER_WORDS.search(text):
        return False
    places = 0
    for word in words(text):
        if word[0].isdigit() or _WEATHER_WORDS.fullmatch(word) or _READING_WORDS.fullmatch(word):
            continue
        if _WEATHER_DATE_WORDS.fullmatch(word):
            continue
        if not word[0].isupper():
            return False  # a verb or any other word of prose: "Heat warning as Dublin hits 30°C"
        places += 1
    return places <= PLACE_WORDS_PER_READING * n_temperatures
