"""Weather widgets (``index.weather``): a place's readings, never a headline or a sentence."""

from __future__ import annotations

import pytest

from index.cleaning import clean_text
from index.weather import is_weather_widget


@pytest.mark.parametrize(
    "line",
    [
        "Port Velden  12°C  Cloudy   Wind NE 18 km/h   Tue 14°C / Wed 11°C",  # a forecast strip
        "Arnby 6°C Rain | Hollow Cross 4°C Sleet | Fenmouth 8°C Sunny spells",  # several places
        "Amberley 64°F Partly cloudy   Humidity 71%   Wind W 9 mph",
        "Reykjavík -4°C Snow",  # the short form: place, temperature, sky
    ],
)
def test_weather_widgets(line: str) -> None:
    assert is_weather_widget(line)


@pytest.mark.parametrize(
    "line",
    [
        "Galway 18°C as storm Ada moves in over the weekend",  # words of a headline after the reading
        "Dublin 30°C Heatwave Warning Issued For Weekend",  # title case, but no sky word and too many names
        "Seville swelters at 45°C",
        "Temperatures reached 41°C in Madrid on Monday, with strong winds and showers expected.",
    ],
)
def test_headlines_and_sentences_with_temperatures_are_not_widgets(line: str) -> None:
    assert not is_weather_widget(line)


def test_forecast_strip_above_the_headline_is_dropped() -> None:
    headline = "Ferry services cancelled as gales sweep the west coast"
    body = "Ferry operators cancelled all sailings on Tuesday as gusts of up to 110 km/h hit the coast, the coastguard said."
    strip = "Port Velden  12°C  Cloudy   Wind NE 18 km/h   Tue 14°C / Wed 11°C"
    document = clean_text("\n\n".join([strip, headline, body]), "page")
    assert document.meta.headline == headline
    assert "Port Velden" not in document.text
    assert [block.reason for block in document.dropped] == ["weather-widget"]
