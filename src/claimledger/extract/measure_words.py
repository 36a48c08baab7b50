"""Words that name one measure: two reporters count the same thing in their own words.

"The bridge was closed for 12 days" and "was shut for 19 days" report one measure; so do "cut 240
jobs" and "axed 410 jobs", "12 people died" and "12 deaths". The conflict finder compares the words
beside two figures; without this table it took such pairs for two measures and missed them.

Each record is a measure's name and the words a news report uses for it (every written form: the
comparison stems words crudely, so "closed" and "close" do not meet by stemming alone). A word
belongs to one record only. Kept to words that, beside a figure, nearly always mean that measure:
"held" (prisoners held, a meeting held) or "removed" alone are left out.
"""

from __future__ import annotations

from functools import cache

from claimledger.extract.stems import stem

SAME_MEASURE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("close", ("close", "closed", "closes", "closing", "closure", "closures", "shut", "shuts",
               "shutting", "shutdown", "shutdowns", "shuttered")),
    ("job-cut", ("cut", "cuts", "cutting", "axe", "axed", "axes", "axing", "eliminate",
                 "eliminated", "eliminates", "eliminating", "slash", "slashed", "slashes",
                 "slashing", "shed", "sheds", "shedding", "laid", "layoff", "layoffs", "fired",
                 "sacked", "redundancies")),
    ("death", ("die", "died", "dies", "dying", "death", "deaths", "dead", "kill", "killed",
               "kills", "killing", "fatalities", "fatality", "perished")),
    ("injury", ("injure", "injured", "injures", "injuring", "injury", "injuries", "hurt",
                "wounded", "wounding")),
    ("arrest", ("arrest", "arrested", "arrests", "arresting", "detain", "detained", "detains",
                "detaining", "apprehend", "apprehended", "apprehensions")),
    ("deport", ("deport", "deported", "deports", "deporting", "deportation", "deportations",
                "expel", "expelled", "expels", "expelling", "removals")),
    ("spend", ("spend", "spent", "spends", "spending", "cost", "costs", "costing",
               "expenditure", "expenditures", "outlay")),
    ("admit", ("admit", "admitted", "admits", "admitting", "admission", "admissions")),
    ("attend", ("attend", "attended", "attends", "attending", "attendance", "attendees",
                "turnout")),
    ("hire", ("hire", "hired", "hires", "hiring", "recruit", "recruited", "recruits",
              "recruiting", "recruitment")),
    ("build", ("build", "built", "builds", "constructed", "construct", "constructs",
               "constructing")),
    ("buy", ("buy", "bought", "buys", "buying", "purchase", "purchased", "purchases",
             "purchasing", "acquire", "acquired", "acquires", "acquiring")),
    ("rise", ("rise", "rose", "rises", "rising", "risen", "increase", "increased", "increases",
              "increasing", "grow", "grew", "grows", "growing", "grown", "climb", "climbed",
              "climbs", "climbing", "jump", "jumped", "jumps", "surge", "surged", "surges",
              "soar", "soared", "soars")),
    ("fall", ("fall", "fell", "falls", "falling", "fallen", "drop", "dropped", "drops",
              "dropping", "decline", "declined", "declines", "declining", "decrease",
              "decreased", "decreases", "decreasing", "dip", "dipped", "dips", "plunge",
              "plunged", "plunges", "tumble", "tumbled", "tumbles", "shrink", "shrank",
              "shrunk", "shrinks")),
    ("evacuate", ("evacuate", "evacuated", "evacuates", "evacuating", "evacuation",
                  "evacuations", "evacuees", "flee", "fled", "flees", "fleeing")),
    ("vote", ("vote", "votes", "voted", "ballot", "ballots")),
    ("worker", ("worker", "workers", "employee", "employees", "staff", "staffers", "job",
                "jobs")),
    ("student", ("student", "students", "pupil", "pupils")),
    ("child", ("child", "children", "kid", "kids")),
    ("home", ("home", "homes", "house", "houses", "dwelling", "dwellings")),
    ("apartment", ("apartment", "apartments", "flats")),
    ("firm", ("firm", "firms", "company", "companies", "business", "businesses")),
    ("officer", ("officer", "officers", "policemen", "cops")),
    ("doctor", ("doctor", "doctors", "physician", "physicians")),
    ("car", ("car", "cars", "vehicle", "vehicles")),
    ("person", ("people", "persons", "individuals")),
    ("migrant", ("migrant", "migrants", "immigrant", "immigrants")),
    ("prisoner", ("prisoner", "prisoners", "inmate", "inmates")),
)  # fmt: skip


COUNTED = frozenset(
    ("worker", "student", "child", "home", "apartment", "firm", "officer", "doctor", "car",
     "person", "migrant", "prisoner")
)  # fmt: skip
"""Measures named by what is counted (workers / employees); the others by what happened."""
CHANGES = frozenset(("rise", "fall"))
"""The direction of a change: what changed is named by the words before it (rent rose, income
rose), so "rose" alone does not name a measure."""


def events(word_stems: frozenset[str]) -> frozenset[str]:
    """The measures named by what happened among these words: {"closed", "libraries"} -> {close}."""
    found = (_by_stem().get(w) for w in word_stems)
    return frozenset(n for n in found if n and n not in COUNTED and n not in CHANGES)


@cache
def _by_stem() -> dict[str, str]:
    found: dict[str, str] = {}
    for name, words in SAME_MEASURE:
        for word in words:
            key = stem(word)
            if found.setdefault(key, name) != name:
                raise ValueError(f"{word!r} is in two measures: {found[key]} and {name}")
    return found


def same_measure_word(word_stem: str) -> str:
    """The word as the comparison reads it: its measure's name when the table holds it (a name
    marked so that it never equals an ordinary word), else the word itself."""
    name = _by_stem().get(word_stem)
    return f"={name}" if name else word_stem
