"""Recognition: find the spans of an article that name places.

Capitalised word runs (with the connectors place names contain: "Rio de Janeiro", "Stratford-upon-Avon")
are looked up in the gazetteer, longest first. A hit is kept unless the evidence says it is
something else: an ordinary word at the start of a sentence ("But", "West"), part of a person's
name ("Vladimir Putin", "Paris Hilton"), an acronym of something else ("EU" is not Eu, France).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import NamedTuple

from rapidfuzz import fuzz

from ..freeing import free_gradually
from ..gazetteer.ranking import importance
from ..gazetteer.schema import COUNTRY_INFO, DEMONYM, GENERATED
from ..gazetteer.store import GazetteerStore
from ..model import NameMatch, Sentence, Span
from ..text.normalize import fold
from .config import GeoparserConfig
from .cues import (
    ABBREVIATED_PREFIXES,
    EPONYM_HEADS,
    ORGANISATION_HEADS,
    PARTY_TAG,
    PLACE_FOLLOWERS,
    PLACE_OF,
    RESIDENCE,
    SPEECH_AFTER,
    SPEECH_BEFORE,
    STORM_WORDS,
    STRONG_LOCATIVES,
    next_word,
)
from .qualifiers import LIST_GAPS, POSSESSIVE_GAPS, holds
from .steps import Parse

_POSSESSIVE = re.compile(r"['’]s?$")
_APOSTROPHE_S = tuple(gap.strip() for gap in POSSESSIVE_GAPS)   # "'s", "’s"

# Lower-case words inside place names.
CONNECTORS = frozenset("of de del della di da do dos das du des la le les el al es bel upon on am an im der den "
                       "die and y en sur sous the van op aan ter".split())
# Lower-case words that may end a place name: "Kursk region", "Donetsk oblast".
TRAILERS = frozenset("region oblast province state governorate prefecture county district krai "
                     "republic territory city".split())
# Capitalised words that may stand next to a place name without making it part of a person's name.
COMPANIONS = frozenset("""
north south east west northern southern eastern western central greater upper lower new old
northeast northwest southeast southwest northeastern northwestern southeastern southwestern
city county state province region oblast district capital metro metropolitan area valley river lake centre center
bay sea ocean island islands coast mountains mountain airport port harbour harbor station street road
avenue square park bridge university college school hospital police council government parliament
ministry mayor governor president premier minister chief court senate assembly army navy
post times herald tribune journal news daily press chronicle gazette telegraph star globe
fc united club stadium bank exchange museum zoo hotel church cathedral
""".split())
TITLES = frozenset("""
mr mrs ms miss dr prof sir lord lady dame president premier minister chancellor senator sen rep gov
governor mayor king queen prince princess pope general gen colonel col captain capt lieutenant lt
sergeant sgt judge justice secretary ambassador congressman congresswoman spokesman spokeswoman sheikh emir
sultan rabbi father saint st
""".split()) - {"saint", "st"}
CALENDAR = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun""".split())
LOCATIVES = frozenset("in at near from to into outside inside across around throughout towards toward via "
                      "within between".split())
# Capitalised function words that begin sentences and never begin a place name.
_NEVER_NAMES = frozenset("""A An It He She We They I You But And Or So If In On At As By For From Of To With
This That These Those His Her Its Our Their My Your What When Where Who Whom Why How While After Before
Also Although Because However Meanwhile Yet Not No Yes There Here Then Than Now Some Many Most All Any Each
Every Both Either Neither One Two Three Is Are Was Were Be Been Has Have Had Do Does Did Will Would Can Could
Should May Might Must""".split())
_CONTRACTION = re.compile(r"['’](?:ve|ll|re|d|m|t)$")
_LOWER_WORD = re.compile(r"\b[a-z][a-z]+\b")
_SLICE = 1 << 18


def _slices(text: str) -> Iterator[tuple[int, int]]:
    """``text`` in ranges of about 256 KB that end at a blank, so no word is cut (the words of a MB found in
    one call held the interpreter lock for 40-60 ms, a stall of the window's thread)."""
    start = 0
    while start < len(text):
        end = text.find(" ", start + _SLICE)
        end = len(text) if end < 0 else end
        yield start, end
        start = end
# Words that start with a capital (a rare lower-case start in Latin Extended-A is dropped in code).
_CAPITALISED = re.compile(r"\b[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.\-]*")
_CONNECTORS = "(?: (?:" + "|".join(CONNECTORS) + "))"
# Between the words of a name: connectors ("Rio de Janeiro") or an elided article ("Côte d’Ivoire").
_CONNECTOR_GAP = re.compile(_CONNECTORS + "+ |" + _CONNECTORS + "* [dl]['’]")
# A lower-case end of a compound word: "St. Louis-based", "Russia-backed" (but "Stratford-upon-Avon").
_LOWER_SUFFIX = re.compile(r"(?:-[a-z]+)+$")
# What follows an all-capital dateline: "BEIRUT —", "NEWARK, N.J. (AP)", "LONDON (Reuters) -", or the
# story's first words when the agency's tag was lost ("LONDON The Latest on ...").
_DATELINE_END = re.compile(r"\s*(?:,|\(|—|–|-)| [A-Z][a-z]")
_TRAILER = re.compile(r" (?:" + "|".join(TRAILERS) + r")\b")


class _Token(NamedTuple):
    start: int
    end: int
    text: str
    initial: bool  # first word of a sentence, a line or a quotation


_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}")


def _tokens(text: str, sentences: tuple[Sentence, ...]) -> list[_Token]:
    """The capitalised words of ``text`` (where names start), with exact offsets."""
    starts = {s.start for s in sentences}
    out = []
    for m in _CAPITALISED.finditer(text):
        word = m.group()
        if word in _NEVER_NAMES or not word[0].isupper() or _CONTRACTION.search(word):
            continue
        start = m.start()
        if word[-1] in ".-'’" and not _DOTTED.fullmatch(word):
            word = word.rstrip(".-'’")
        word = _LOWER_SUFFIX.sub("", word) if "-" in word else word
        if "'" in word or "’" in word:
            possessive = _POSSESSIVE.search(word)
            if possessive and len(word) > 3:
                word = word[: len(word) - len(possessive.group())]
        if word:
            out.append(_Token(start, start + len(word), word, _after_opening(text, start, starts)))
    return out


def _word_before(text: str, start: int) -> str:
    """The lower-case word right before ``start`` ("in" for "in Kelly"), or ''."""
    if start < 2 or text[start - 1] != " ":
        return ""
    return text[text.rfind(" ", 0, start - 1) + 1:start - 1]


def locative(text: str, start: int) -> bool:
    """"in Kelly", "near Rhodes", "the island of Rhodes", "the city of Florence", "Wesley Brookes, 18, of
    Regina": the name is a place's."""
    return (_word_before(text, start) in LOCATIVES or PLACE_OF.search(text, max(0, start - 40), start) is not None
            or RESIDENCE.search(text, max(0, start - 12), start) is not None)


def _after_opening(text: str, start: int, starts: set[int]) -> bool:
    """True for the first word after a sentence start, a quote or a bullet."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘«(•-–—[*":
        i -= 1
    return i < 0 or text[i] in "\n.!?:" or (i + 1) in starts


class Recognizer:
    """Finds place-name spans with the gazetteer as its lexicon (a SpanProposer step)."""

    def __init__(self, store: GazetteerStore, config: GeoparserConfig = GeoparserConfig()):
        self.store = store
        self.config = config

    def propose(self, parse: Parse) -> list[Span]:
        return self.find(parse.text, parse.sentences)

    def find(self, text: str, sentences: tuple[Sentence, ...]) -> list[Span]:
        tokens = _tokens(text, sentences)
        lowercase_words: set[str] = set()
        for start, end in _slices(text):     # a call per slice: one over 20 MB holds the lock for 0.6 s
            lowercase_words.update(_LOWER_WORD.findall(text, start, end))
        ends = [_ends(text, tokens, i, self.config.max_tokens) for i in range(len(tokens))]
        self.store.prefetch(self._lookups(text, tokens, ends))
        persons = self._person_words(tokens, text)
        proper = {fold(t.text) for t in tokens if not t.initial}  # capitalised mid-sentence somewhere
        spans: list[Span] = []
        i = 0
        while i < len(tokens):
            # a region word inside an earlier name ("the Asia-Pacific region") is no cue for the names after it
            floor = spans[-1].end if spans and _REGION_CUE.search(spans[-1].text) else 0
            span, used = self._longest(text, tokens, i, ends[i], floor)
            if span is not None and (span.key not in persons or self._place_evidence(text, span.start, span.end)) \
                    and not _not_a_place_here(text, span) \
                    and self._plausible(span, tokens, i, used, text, lowercase_words, proper,
                                        listed=bool(spans) and text[spans[-1].end:span.start] in LIST_GAPS):
                spans.append(span)
                i += used
                continue
            if span is None:
                fuzzy = self._misspelt(tokens, i, text, persons)
                if fuzzy is not None:
                    spans.append(fuzzy)
                    i += 1
                    continue
            if PARTY_TAG.match(tokens[i].text) and text[tokens[i].start - 1:tokens[i].start] == "(":
                spans.extend(self._party_tag(tokens[i]))
            elif "-" in tokens[i].text and not self._after_person_cue(tokens, i, text):
                spans.extend(self._hyphen_parts(tokens[i], text))
            i += 1
        free_gradually(tokens, ends)      # millions of objects for a 20 MB article: not in one call at the return
        return spans

    def _lookups(self, text: str, tokens: list[_Token], ends: list[list[tuple[int, int]]]) -> set[str]:
        """Every name the document will ask the gazetteer about, to fetch them in a few queries."""
        keys = set()
        for tok, tok_ends in zip(tokens, ends):
            keys.add(fold(tok.text))
            keys.update(fold(text[tok.start:end]) for _, end in tok_ends)
            if "-" in tok.text:
                keys.update(fold(part) for part in tok.text.split("-"))
        return keys

    def _person_words(self, tokens: list[_Token], text: str) -> set[str]:
        """Words used in this document as parts of people's names ("Vladimir Putin", "President Trump")."""
        persons: set[str] = set()
        for a, b in itertools.pairwise(tokens):
            if text[a.end:b.start] != " ":
                continue
            a_low, b_low = a.text.lower(), b.text.lower()
            if b_low in ORGANISATION_HEADS or _word_before(text, a.start).lower() == "the":
                continue  # "the Ohio Department", "Vancouver Airport": a body named after a place
            if a_low.rstrip(".") in TITLES:
                if not self.store.by_name(fold(b.text)):
                    persons.add(fold(b.text))
                continue
            if a_low in COMPANIONS or b_low in COMPANIONS or a.text.isupper() or b.text.isupper():
                continue
            if self.store.by_name(fold(f"{a.text} {b.text}")):
                continue
            for t in (a, b):
                key = fold(t.text)
                if (not self.store.by_name(key) and self.store.word_frequency(key) < self.config.person_word_max_zipf
                        and not (t is a and a.initial)):
                    persons.add(key)
            # "Georgia Stevens": a first name that is also a place names a person all through the text.
            a_key, b_key = fold(a.text), fold(b.text)
            surname = b_key in persons or self._surname(b_key)
            if (surname and self.store.by_name(a_key)
                    and self.store.person_name(a_key)[0] >= self.config.first_name_pct):
                persons.add(b_key)
                # A person called Georgia makes every Georgia of the story a person, unless the story also
                # uses it as a place ("in Georgia"): then each mention is judged on its own evidence.
                if self._importance(a_key) < self.config.major_place or not any(
                        fold(t.text) == a_key and self._place_evidence(text, t.start, t.end) for t in tokens):
                    persons.add(a_key)
        return persons

    def _place_evidence(self, text: str, start: int, end: int) -> bool:
        """What says that this mention is a place's, whoever else bears the name: "in Georgia", "Georgia
        officials", "Atlanta, Georgia" (after a place and a comma)."""
        if (_word_before(text, start) in STRONG_LOCATIVES or PLACE_OF.search(text, max(0, start - 40), start)
                or next_word(text, end) in PLACE_FOLLOWERS):
            return True
        if text[start - 2:start] != ", ":
            return False
        before = text.rfind(" ", 0, start - 2) + 1
        key = fold(text[before:start - 2])
        return (text[before:before + 1].isupper() and bool(self.store.by_name(key))
                and not self._surname(key))  # "Atlanta, Georgia", not "Cory Stevens, Georgia's father"

    def _surname(self, key: str) -> bool:
        """A common surname that is no well-known place ("Stevens", not "Washington")."""
        return (self.store.person_name(key)[1] >= self.config.surname_pct
                and self._importance(key) < self.config.known_place)

    def _importance(self, key: str) -> float:
        """Importance of the most important place called ``key`` (0 when none is)."""
        return max((importance(m.place) for m in self.store.by_name(key)), default=0.0)

    def _misspelt(self, tokens: list[_Token], i: int, text: str, persons: set[str]) -> Span | None:
        """A capitalised word the gazetteer lacks may be a misspelling or transliteration of a place."""
        tok = tokens[i]
        key = fold(tok.text)
        config = self.config
        if (len(key) < config.fuzzy_min_length or " " in key or tok.text.isupper() or key in persons
                or self.store.word_frequency(key) >= config.fuzzy_max_zipf):
            return None
        for j in (i - 1, i + 1):
            if 0 <= j < len(tokens) and not (j < i and tokens[j].initial):
                lo, hi = sorted((tokens[j], tok), key=lambda t: t.start)
                if text[lo.end:hi.start] == " ":
                    return None
        scored = [(fuzz.ratio(key, m.key), m) for m in self.store.like(key)]
        scored = [(r, m) for r, m in scored if r >= config.fuzzy_min_ratio]
        if not scored:
            return None
        best = max(r for r, _ in scored)
        matches = tuple(m for r, m in scored if r >= best - config.fuzzy_ratio_margin)
        hint = any(m.place.kind == "admin1" for m in matches) and _region_hint(text, tok.start, tok.end)
        return Span(tok.start, tok.end, tok.text, key, matches, False, hint, best / 100)

    def _longest(self, text: str, tokens: list[_Token], i: int, ends: list[tuple[int, int]], floor: int = 0
                 ) -> tuple[Span | None, int]:
        first = tokens[i]
        for j, end in reversed(ends):
            start = first.start
            surface = text[start:end]
            key = fold(surface)
            matches = self._accepted_matches(surface, key, dateline=j == i and _dateline(text, first,
                                                                                         self.config))
            if end == tokens[j].end + 2 and text.startswith(_APOSTROPHE_S, tokens[j].end):
                # with its "'s": only a name spelt so, not "William's" as Williams, AZ
                matches = tuple(m for m in matches if m.name.endswith(_APOSTROPHE_S))
            if matches:
                adjective = all(m.source == DEMONYM for m in matches)
                hint = any(m.place.kind == "admin1" for m in matches) and _region_hint(text, start, end, floor)
                return Span(start, end, surface, key, matches, adjective, hint), j - i + 1
        return None, 1

    def _accepted_matches(self, surface: str, key: str, dateline: bool = False) -> tuple[NameMatch, ...]:
        """Matches whose stored spelling fits the text's case: "EU" is not "Eu", "Us" is not "US"; but a
        dateline ("BEIRUT —") writes a name in capitals."""
        matches = self.store.by_name(key)
        if not matches:
            return ()
        if dateline:
            return matches
        strict = _is_acronym(surface)
        kept = []
        for m in matches:
            if (strict or _is_acronym(m.name)) and m.name.rstrip(".") != surface.rstrip("."):
                continue
            if strict and m.source not in _ACRONYM_SOURCES:
                continue  # gazetteers list airport and other codes ("TTC", "PSI", "PAN") as names
            kept.append(m)
        return tuple(kept)

    def _plausible(self, span: Span, tokens: list[_Token], i: int, used: int, text: str,
                   lowercase_words: set[str], proper: set[str], listed: bool = False) -> bool:
        """Is this gazetteer hit a place here, or an ordinary word, a month, part of a person's name?
        ``listed``: the name follows a place name in a list ("Columbus, Richmond and Jacksonville"), which
        is evidence of a place as a locative is."""
        first = tokens[i]
        config = self.config
        if _is_acronym(span.text) and any(m.name.rstrip(".") == span.text.rstrip(".") for m in span.matches):
            return True  # exact written form of a country or region: "US", "U.K.", "EU", "B.C."
        if used > 1 or span.adjective:
            return not (first.initial and used == 1 and span.key in lowercase_words)
        if _dateline(text, first, config, punctuated=True):
            return True  # "HOLLIDAY, Mo. —": a dateline names a place, whoever else bears the name
        if span.key in COMPANIONS or span.key in CALENDAR or span.key in TITLES:
            return False
        if self._qualified(span, tokens, i + used, text):
            return True  # "Mobile, Alabama", "Nice, France": a common word, but a place of the region after it
        best = self._importance(span.key)
        zipf = self.store.word_frequency(span.key)
        if span.key in lowercase_words and zipf >= config.lowercase_word_zipf:
            return False
        # A word that starts a sentence is held to a stricter standard, unless the text also capitalises
        # it mid-sentence ("Washington said ..." after "... from Washington") or writes it in capitals,
        # as datelines do ("WASHINGTON (AP) -").
        initial = first.initial and span.key not in proper and best < config.known_place and not (
            first.text.isupper() and len(first.text) >= config.dateline_min_length)
        if zipf > (config.initial_word_zipf if initial else config.word_zipf) + config.word_zipf_per_importance * best:
            return False
        prev = tokens[i - 1] if i > 0 else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if prev is not None and text[prev.end:first.start] in (" ", ". ") and prev.text.lower().rstrip(".") in TITLES:
            return False
        before = tokens[i - 2] if i > 1 else None
        if (prev is not None and before is not None and text[prev.end:first.start] == " "
                and text[before.end:prev.start] in (" ", ". ") and before.text.lower().rstrip(".") in TITLES
                and self._importance(fold(prev.text)) < config.major_place):
            return False  # "President Xi Jinping", "Chancellor Olaf Scholz": a title, a given name, a surname
        first_name, surname = self.store.person_name(span.key)
        if (prev is not None and text[prev.end:first.start] == " " and _word_before(text, prev.start) not in LOCATIVES
                and self.store.person_name(fold(prev.text))[0] >= config.strong_first_name_pct
                and not self.store.by_name(fold(f"{prev.text} {first.text}"))):
            return False  # "George Washington, a farmer": after a common first name, a surname
        if next_word(text, span.end) in PLACE_FOLLOWERS:
            return True  # "Richmond police", "Houston officials"
        if nxt is not None and text[first.end:nxt.start] == " " and not _organisation(text, tokens, i):
            if _name_part(nxt, self.store) and (first_name >= config.first_name_pct or best < config.major_place):
                return False  # "Donald Trump", "Vladimir Putin"
            if first_name >= config.first_name_pct and self._surname(fold(nxt.text)):
                return False  # "Georgia Stevens" (where Stevens is also a town)
        if (prev is not None and not prev.initial and text[prev.end:first.start] == " "
                and _name_part(prev, self.store) and best < config.major_place):
            return False  # "Bernie Sanders"
        placed = listed or locative(text, first.start)
        if not placed and best < config.known_place and used == 1 and _speaker(text, span.start, span.end):
            return False  # "Malinao said", "said Noma.": a small town does not speak, a person does
        person = surname >= config.surname_pct or first_name >= config.standalone_first_name_pct
        return placed or not person or best >= config.known_place  # "Kelly said", "Lucy said" vs "in Kelly"

    def _qualified(self, span: Span, tokens: list[_Token], j: int, text: str) -> bool:
        """Is ``span`` followed by a comma and a region or country that holds one of its places (the name
        at token ``j``)?"""
        if j >= len(tokens) or text[span.end:tokens[j].start] != ", ":
            return False
        holder, _ = self._longest(text, tokens, j, _ends(text, tokens, j, self.config.max_tokens))
        return holder is not None and any(holds(h.place, m.place) for h in holder.matches for m in span.matches)

    def _after_person_cue(self, tokens: list[_Token], i: int, text: str) -> bool:
        """"Congressman Diaz-Balart", "Ambassador Phillips-Spencer", "Jane Smith-Jones": a double-barrelled
        surname, not two places."""
        if i == 0 or text[tokens[i - 1].end:tokens[i].start] not in (" ", ". "):
            return False
        prev = tokens[i - 1].text.lower().rstrip(".")
        return prev in TITLES or self.store.person_name(fold(prev))[0] >= self.config.strong_first_name_pct

    def _party_tag(self, token: _Token) -> list[Span]:
        """"(R-Charleston)", "(D-N.Y.)": the place a politician represents."""
        rest, start = token.text[2:], token.start + 2
        matches = self._accepted_matches(rest, fold(rest))
        return [Span(start, start + len(rest), rest, fold(rest), matches, False, False)] if matches else []

    def _hyphen_parts(self, token: _Token, text: str) -> list[Span]:
        """'Russia-Ukraine', 'pro-Russian', 'U.S.-led': the capitalised parts of a compound word."""
        parts = token.text.split("-")
        if len(parts) < 2 or any(p.lower() in CONNECTORS or len(p) == 1 for p in parts):
            return []  # "Mar-a-Lago" is one name, not "Lago"
        spans = []
        offset = token.start
        for part in parts:
            if part[:1].isupper() and len(part) > 1:
                key = fold(part)
                matches = self._accepted_matches(part, key)
                if matches and (self.store.word_frequency(key) < self.config.hyphen_part_max_zipf
                                or self._importance(key) >= self.config.known_place):
                    adjective = all(m.source == DEMONYM for m in matches)
                    spans.append(Span(offset, offset + len(part), part, key, matches, adjective, False))
            offset += len(part) + 1
        return spans


def _ends(text: str, tokens: list[_Token], i: int, max_tokens: int) -> list[tuple[int, int]]:
    """(last capitalised token, end offset) of every span that may be a place name starting at token ``i``:
    runs of capitalised words joined by spaces, hyphens or connectors ("Rio de Janeiro"), optionally
    followed by a lower-case region word ("Kursk region")."""
    ends = []
    for j in range(i, min(i + max_tokens, len(tokens))):
        if j > i:
            gap = text[tokens[j - 1].end:tokens[j].start]
            if gap != " " and gap != "-" and not _CONNECTOR_GAP.fullmatch(gap) and gap not in POSSESSIVE_GAPS and not (
                    gap == ". " and tokens[j - 1].text.title() in ABBREVIATED_PREFIXES):  # "ST. LOUIS"
                break
        ends.append((j, tokens[j].end))
        if text.startswith(_APOSTROPHE_S, tokens[j].end):
            ends.append((j, tokens[j].end + 2))    # "St. John's" (a name: see Recognizer._longest)
        trailer = _TRAILER.match(text, tokens[j].end)
        if trailer and not (j == i and tokens[i].text == "The"):  # "The city's coroner" is no name
            ends.append((j, trailer.end()))
    return ends


# Where an acronym is a trusted name of a place: the curated country forms ("US", "UK", "UAE", "DRC").
_ACRONYM_SOURCES = frozenset({GENERATED, COUNTRY_INFO})


def _dateline(text: str, token: _Token, config: GeoparserConfig, punctuated: bool = False) -> bool:
    """An all-capital place name opening a line and followed by a dateline's punctuation ("BEIRUT —") or, unless
    ``punctuated``, by the story's first words ("LONDON The Latest": then also "JORDAN Smith scored" until the
    other evidence is weighed)."""
    end = _DATELINE_END.match(text, token.end)
    return (token.initial and token.text.isupper() and len(token.text) >= config.dateline_acronym_min_length
            and token.text.isalpha() and end is not None and not (punctuated and end.group().startswith(" ")
                                                                  and end.group()[1:2].isupper()))


def _organisation(text: str, tokens: list[_Token], i: int, reach: int = 5) -> bool:
    """Is the name at token ``i`` the start of an organisation's or building's name: "the Kenya Medical
    Association", "Alberta Liquor Store Association", "Vancouver International Airport"?"""
    if _word_before(text, tokens[i].start).lower() == "the":
        return True
    for j in range(i + 1, min(i + 1 + reach, len(tokens))):
        gap = text[tokens[j - 1].end:tokens[j].start]
        if gap not in (" ", " & ", " and ", " of ", " for "):
            return False
        if tokens[j].text.lower() in ORGANISATION_HEADS:
            return True
    return False


def _speaker(text: str, start: int, end: int) -> bool:
    """The name speaks: "Malinao said", "Trong told", or '…," said Noma.'"""
    if SPEECH_AFTER.match(text, end):
        return True
    return SPEECH_BEFORE.search(text, max(0, start - 8), start) is not None and text[end:end + 1] in (".", ",")


def _not_a_place_here(text: str, span: Span) -> bool:
    """A currency ("US$"), a disease or strain named after a place ("Marburg virus"), or a storm: its word
    before a name ("Hurricane Ida", not Hurricane, Utah) and the name after its capitalised word ("Hurricane
    Florence"; not "after the storm Houston ...")."""
    before = _word_before(text, span.start)
    return (text[span.end:span.end + 1] == "$" or next_word(text, span.end) in EPONYM_HEADS
            or (span.key in STORM_WORDS and next_word(text, span.end)[:1].isupper())
            or (before[:1].isupper() and before.lower() in STORM_WORDS))


def _is_acronym(text: str) -> bool:
    return len(text) <= 6 and (text.isupper() or ("." in text and text.replace(".", "").isalpha()))


def _name_part(token: _Token, store: GazetteerStore) -> bool:
    """A capitalised neighbour that is neither a place word nor a common word: likely a person's name."""
    lower = token.text.lower()
    if lower in COMPANIONS or lower in ORGANISATION_HEADS or token.text.isupper():
        return False
    return not store.by_name(fold(token.text))


# Lower case only: "United States" and "State Department" are names, not cues.
_REGION_CUE = re.compile(r"\b(?:regions?|oblasts?|provinces?|states?|governorates?|prefectures?|krais?)\b")


# "New York Gov. Andrew Cuomo", "the Alberta legislature": what a state or a province has, a town not.
_GOVERNED = re.compile(r"(?:Gov\.|Governor|governor|legislature|Legislature)(?!\w)")


# "central Washington", "southern Alberta": a part of an area, which a town seldom has.
_PART_OF = re.compile(r"\b(?:central|(?:north|south)(?:east|west)?(?:ern)?|east(?:ern)?|west(?:ern)?) $")


def _region_hint(text: str, start: int, end: int, floor: int = 0) -> bool:
    """'the region of Kursk', 'Kursk region', 'four regions ... those of Donetsk and Lugansk', 'central
    Washington', 'New York Gov. Andrew Cuomo'. A cue word before ``floor`` does not count."""
    window = max(0, start - 100, floor)  # searching back to the start of the text made long articles quadratic
    lo = max(window, *(text.rfind(c, window, start) + 1 for c in ".!?\n"))
    after = text[end:end + 14].strip()
    return bool(_REGION_CUE.search(text, lo, start) or _REGION_CUE.match(after) or _GOVERNED.match(after)
                or _PART_OF.search(text, max(0, start - 16), start))
