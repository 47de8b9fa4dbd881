from mapviewer.text.sentences import split_sentences


def texts(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_abbreviations_do_not_end_sentences():
    assert texts("Mr. Trump met Dr. Smith in the U.S. on Monday. Then he left.") == [
        "Mr. Trump met Dr. Smith in the U.S. on Monday.", "Then he left."]


def test_country_abbreviation_before_a_capital_ends_the_sentence():
    assert texts("He lives in the U.S. He likes it.") == ["He lives in the U.S.", "He likes it."]


def test_quotes_bullets_and_headings():
    text = "North Korean support\n• Also read: Kyiv says hello\n“Go home.” She said it."
    assert texts(text) == ["North Korean support", "• Also read: Kyiv says hello", "“Go home.”", "She said it."]


def test_empty_and_blank():
    assert split_sentences("") == ()
    assert split_sentences("   \n\n ") == ()
