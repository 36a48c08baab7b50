"""Page structure read from captured text alone: which lines are furniture, for any outlet.

When a page's visible text is saved as it is, the article comes with the page around it: teaser
and link lists, captions and credits, datelines, subscription and policy lines. None of these
rules names an outlet; each describes a shape such lines take on any news site. They are records
(a name, what the rule means, how it is recognised), each with its own tests.

Two kinds of rule:
- line rules (`LINE_RULES`): a line that is furniture on its own ("Photo: ...", "Sign up for ...",
  "Updated 4:15 p.m. EST", "On OtherSite.com:");
- block rules (`furniture_blocks`): lines that are furniture by where they stand: a run of short
  headline-like lines (a teaser list, with any one-line summaries between its headlines), and the
  caption just above a credit line.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from enum import Enum

from claimledger.extract.cues import WordGate, words
from claimledger.extract.density import continues
from claimledger.extract.timeexpr import CALENDAR_WORDS


class Furniture(Enum):
    """What a line of page furniture is."""

    LINK = "link"  # "On OtherSite.com:", "Read more: ...", "Related coverage"
    CREDIT = "credit"  # "Photo: Jane Roe/Reuters", "(AP Photo/Evan Vucci)"
    CAPTION = "caption"  # the line a credit belongs to
    DATELINE = "dateline"  # "Tue 5 Mar 2024 14.03 GMT", "Updated: 4:15 PM EST"
    BOILERPLATE = "boilerplate"  # subscription, newsletter, cookie, comment and rights lines
    TEASER = "teaser"  # a run of headlines (with their one-line summaries)


@dataclass(frozen=True)
class LineRule:
    """A line is `kind` when `pattern` matches (searched) and the line is at most `max_len` long."""

    name: str
    kind: Furniture
    pattern: re.Pattern[str]
    meaning: str
    max_len: int = 200
    # A cheap test first: one of these must be in the line, as a word (lower case) or, for
    # marks that are not words ("/", "…"), anywhere. Empty: the pattern is anchored, and cheap.
    needs: tuple[str, ...] = ()
    tail: int = 0  # if set, the pattern is looked for only in the line's last `tail` characters
    min_len: int = 0
    # A credit alone on its line makes the line above a caption; not a post's credit: above it
    # stands the post, quoted in the article as a speaker's words are (read as body).
    over_caption: bool = True
    _words: frozenset[str] = field(init=False, repr=False, compare=False)
    _marks: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:  # frozen: the split of `needs` is set once, here
        object.__setattr__(self, "_words", frozenset(n for n in self.needs if n.isalpha()))
        object.__setattr__(self, "_marks", tuple(n for n in self.needs if not n.isalpha()))

    def matches(self, line: str, tokens: Collection[str]) -> bool:
        """Whether `line` (whose lower-case words are `tokens`) is what this rule describes."""
        if (
            self.needs
            and self._words.isdisjoint(tokens)
            and not (self._marks and any(mark in line for mark in self._marks))
        ):
            return False
        return self.fits(line)

    def fits(self, line: str) -> bool:
        """The length and the pattern, the words and marks it needs taken as there."""
        if not self.min_len <= len(line) <= self.max_len:
            return False
        start = max(0, len(line) - self.tail) if self.tail else 0
        return self.pattern.search(line, start) is not None


_DOMAIN = r"\b[\w-]+\.(?:com|org|net|gov|edu|news|tv|co\.uk|com\.au|ca|io|info)\b"
_ENDS_SENTENCE = re.compile(r"[.!?][\"”’')\]]*$")
# a button's words are no name: "View/Post Comments", "Share/Save" are no credit
_UI_WORD = r"(?:View|Post|Read|Show|Hide|Add|Leave|Write|Share|Save|Print|Email|E-mail|Sign|Log|Reply|Comments?|Like|Follow)\b"
_NAME_SLASH = rf"(?=[A-Z])(?!{_UI_WORD})(?:[A-Z][\w.'’-]*\s){{0,3}}[A-Z][\w.'’-]*\s?/\s?"
# in brackets, a file photo's year may stand before the slash: "(File 2013/The Associated Press)"
_BRACKETED_SLASH = (
    rf"(?=[A-Z0-9])(?!{_UI_WORD})(?:[A-Z0-9][\w.'’-]*\s){{0,3}}[A-Z0-9][\w.'’-]*\s?/\s?"
)
_CREDIT_TAIL = (
    # "(AP Photo/Evan Vucci)", "... Jane Roe/Reuters", "Ann Lee / The Gazette": a name, a slash,
    # an owner, at the very end (outside brackets, no full stop after the owner)
    rf"\({_BRACKETED_SLASH}(?:[A-Z][\w.&'’-]*\s?){{1,5}}\)\.?$|(?<![\w/]){_NAME_SLASH}(?:[A-Z][\w&'’-]*\s?){{1,5}}$"
)

# Shapes of furniture first written for the shipped pages' kind of layout.
_NAV = re.compile(
    r"^(?:fb-pixel\s+)?(?:skip to (?:main )?content|skip to footer|back to [\w &]+|share this (?:page|article|story)"
    r"|share|tweet|email|print|advertisement|most (?:popular|read|viewed)|related(?: articles| stories)?"
    r"|more information:?|read more|recommended|trending|sign up|subscribe|log ?in|menu|search|comments?"
    r"|learn more(?: about [\w &]+)?:?|click to enlarge.*|(?:photo|image|graphic) (?:by|credit|courtesy)[^\n]*"
    r"|(?:copyright|©|\(c\))\s*(?:\d{4})?[^\n]{0,120}?(?:all rights reserved\.?)?)$",
    re.IGNORECASE,
)
# "Last updated 4:15 p.m.", "Published Sept. 21, 2023": a date and a time, nothing else
_STAMP = re.compile(
    r"^(?i:(?:last\s+)?(?:updated|published|posted)):?"
    r"(?:\s*(?:\d{1,4}(?:[:/-]\d{1,2})*|[A-Z][a-z]{2,8}\.?|[ap]\.?m\.?|[A-Z]{2,4}|on|at|,|\||[-–])){1,12}$"
)
_EDITOR_NOTE = re.compile(
    r"^(?:editor[’']?s note|correction|clarification|update)\s*:", re.IGNORECASE
)
_LEGAL = (
    r"(?:©|\ball rights reserved\b|\bregistered trade ?marks?\b|\btrademarks?\b|\bdisclaimer\b"
    r"|\blicensors\b|\bproprietary to\b|\bterms (?:of (?:use|service)|under which)\b|\bprivacy policy\b)"
)
APPEAL = re.compile(
    r"\b(?:donat(?:e|ion|ing)|tax[- ]deductible|chip in|make a (?:gift|contribution)|support (?:our|independent) journalism"
    r"|become a (?:member|subscriber|supporter)|dig deep|reader[- ]supported)\b",
    re.IGNORECASE,
)
# two appeal words or more in a line: a fundraising plea
_APPEAL_TWICE = re.compile(APPEAL.pattern + r"[\s\S]*?" + APPEAL.pattern, re.IGNORECASE)
_SOCIAL = re.compile(
    r"\b(?:follow (?:us|him|her|them|me) on|like us on facebook"
    r"|sign up for (?:breaking news|our newsletter|alerts)|share (?:on (?:twitter|facebook)|via)"
    r"|can be reached at|contributed to this report)"
    r"|[\w.+-]+@[\w-]+\.[\w.]{2,}",  # an e-mail address
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^(?:photo|image|caption|credit):"
    r"|\((?:photos? by|graphic by|image by|illustration by|photo courtesy|photo credit)"
    r"|\b(?:ap photo|getty images|reuters photo)\b",
    re.IGNORECASE,
)
# AP style caption: "... on January 22, 2018, in Newark, New Jersey."
_AP_CAPTION = re.compile(
    r"\bon (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}, in "
    r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*(?:, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)?\.$"
)

LINE_RULES: tuple[LineRule, ...] = (
    LineRule(
        "site_lead_in",
        Furniture.LINK,
        re.compile(rf"^(?:(?:also |more )?(?:on|from|at|via)\s+)?(?:the\s+)?{_DOMAIN}\s*:?$", re.I),
        "a line naming another web site and nothing else, or leading into its links",
        needs=(),
    ),
    LineRule(
        "read_more",
        Furniture.LINK,
        re.compile(
            r"^(?:read|see|watch|listen)(?: (?:more|also|next|the full story|our coverage))?\s*[:|>»-]"
            r"|^(?:related|recommended|more)(?: (?:stories|articles|coverage|reading|links|content"
            r"|on this story|from [\w .&'’-]{1,40}|news))?\s*[:|]?$"
            r"|^(?:other|more)(?: [\w&'’-]+){0,3} (?:columns|stories|articles|opinions?|news|videos"
            r"|headlines|reads)\s*[:|]?$"
            r"|^related(?: (?:stories|articles|coverage|content|reading|links))?\s?:\s"
            r"|^check out (?:more|other|our)\b"
            r"|^(?:you (?:may|might) also like|don['’]t miss|editor['’]?s picks?|top stories"
            r"|featured(?: news| stories| articles)?$"
            r"|most (?:read|popular|viewed|shared)|latest (?:news|stories)|trending(?: now)?)\b",
            re.I,
        ),
        "a lead-in to links: 'Read more: ...', 'Related stories', 'You may also like'",
        max_len=160,
    ),
    LineRule(
        "truncated",
        Furniture.TEASER,
        re.compile(
            r"\w\s?(?:…|\.\.\.)\s*(?:(?:read|continue|more)\b[^.!?]{0,20}"
            rf"|{_DOMAIN}|(?:[A-Z][\w&'’-]*\s?){{1,4}})?$",
            re.I,
        ),
        "a summary cut off at a length mid-sentence ('The council voted on Tuesday to…'), maybe "
        "with its site's name after: a teaser's; shorter lines trailing off are a writer's ellipsis",
        max_len=600,
        needs=("…", "..."),
        tail=80,
        min_len=60,
    ),
    LineRule(
        "engagement",
        Furniture.TEASER,
        re.compile(
            r"\d[\d,.]*\s?k?\s(?:comments?|shares?|reactions?|views?|replies)\b"
            r"(?:\s*[-–•|·]\s*\d+\s\w+\sago)?\W*$",
            re.I,
        ),
        "a link ending in its counts ('... 4,701 comments - 13 hours ago'): a teaser",
        max_len=240,
        needs=(
            "comment",
            "comments",
            "share",
            "shares",
            "reaction",
            "reactions",
            "view",
            "views",
            "replies",
        ),
        tail=80,
    ),
    LineRule(
        "author_bio",
        Furniture.BOILERPLATE,
        re.compile(
            r"^[A-Z][\w.'’-]+\s(?:(?:[A-Z][\w.'’-]+|de|di|da|del|der|van|von|la|le|bin|al)\s){0,3}"
            r"(?i:(?:is|was|has been)\s(?:a|an|the)\s(?:[\w-]+\s){0,4}"
            r"(?:reporter|correspondent|editor|writer|columnist|journalist|contributor|producer"
            r"|photographer|critic|author|fellow|commentator|blogger))\b"
            r"|^[A-Z][\w.'’-]+\s(?:[A-Z][\w.'’-]+\s){0,3}(?:has|with)\s(?:over |more than )?"
            r"\d+\+? years of (?:journalism|reporting|writing|editing) experience\b"
            # "Jane Roe covers the environment for The Paper.": the writer's beat, and for whom
            r"|^[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,3}\s(?:covers|writes about|reports on)\s"
            r"[^.!?]{3,80}\sfor\s(?:the\s)?[A-Z][^.!?]{1,60}\.?$"
        ),
        "who the writer is ('Jane Roe is a breaking news reporter for ...'): an author box",
        max_len=300,
        needs=(),
    ),
    LineRule(
        "byline_pipe",
        Furniture.BOILERPLATE,
        re.compile(
            r"^(?:By\s)?[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,3}\s?\|\s?[^!?|]{0,80}[^.!?|\s]"
            r"(?:\sBy\s[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,3}(?:\s?\|\s?[^!?|]{0,80}[^.!?|\s])?)?$"
        ),
        "a byline with the writer's outlet or address after a bar: 'Ann Lee | The Paper', "
        "'By Ann Lee | alee@example.com'",
        max_len=200,
        needs=("|",),
    ),
    LineRule(
        "affiliate",
        Furniture.BOILERPLATE,
        re.compile(
            r"^(?=.*\b(?:links?|purchases?|buy)\b)"  # the reader's purchases, through links
            r".*\b(?:earn|receive|get|make)s?\b[^.]{0,40}\bcommission\b",
            re.I,
        ),
        "an affiliate disclosure: 'Things you buy through our links may earn us a commission'",
        max_len=300,
        needs=("commission",),
    ),
    LineRule(
        "republish",
        Furniture.BOILERPLATE,
        re.compile(
            r"\b(?:republish|reprint)\w*\b[^.]{0,160}\b(?:licen[cs]e|free of charge|for free)\b"
            r"|\b(?:this|our) (?:story|article|work) (?:is|are) licensed under\b",
            re.I,
        ),
        "terms for republishing the piece: 'available to republish for free under a ... license'",
        max_len=600,
        needs=("republish", "republishing", "reprint", "licensed"),
    ),
    LineRule(
        "byline_stamp",
        Furniture.DATELINE,
        re.compile(
            r"[·|•]\s*(?i:(?:last\s+)?(?:posted|published|updated))\s*:?\s*"
            r"(?:\d|[A-Z][a-z]{2,8}\.?\s\d|\d+\s\w+\sago)"
        ),
        "a byline with its stamp: 'Ann Lee · The Paper · Posted: Oct 14, 2022 9:27 AM ET'",
        max_len=200,
        needs=("·", "|", "•"),
    ),
    LineRule(
        "social_embed",
        Furniture.CREDIT,
        re.compile(
            r"^A post shared by\b"
            r"|\(@\w{1,30}\)\s*(?:on\s)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
            r"\s\d{1,2},?\s\d{4}(?:\s(?:at\s)?\d{1,2}:\d{2}\s?(?:[ap]m)?(?:\s[A-Z]{2,4})?)?$"
        ),
        "the credit of an embedded post: '— Ann Lee (@annlee) November 27, 2016'",
        max_len=400,
        needs=("(@",),
        over_caption=False,
    ),
    LineRule(
        "credit_label",
        Furniture.CREDIT,
        re.compile(
            r"^(?:(?:file |main |top )?(?:photo(?:graph)?|image|picture|illustration|graphic|video"
            r"|credit|photo credit|image credit)s?)\s*(?:by\b|:|\|)"
            r"|^(?:image|media|video) (?:copyright|caption)\b",
            re.I,
        ),
        "a credit or caption label: 'Photograph: ...', 'Image copyright ...', 'Photo by ...'",
        max_len=400,
    ),
    LineRule(
        "credit_tail",
        Furniture.CREDIT,
        re.compile(
            r"(?:^|[\s.:|])(?i:photo(?:graph)?|image|credit|picture|source)s?:\s*[^.!?]{2,80}$|"
            + _CREDIT_TAIL
        ),
        "a line ending in whose picture it is: '... Photograph: Jane Roe/Reuters', '(AP Photo/X)'",
        max_len=400,
        needs=("/", ":"),
        tail=120,
    ),
    LineRule(
        "photo_by",
        Furniture.CREDIT,
        re.compile(
            r"(?:^|[.:|]\s)(?i:(?:photo(?:graph)?|image|picture|illustration)s? (?:by|courtesy(?: of)?))"
            r"\s(?:the\s)?(?:[A-Z][\w.'’&-]*\s?){1,5}\.?$"
        ),
        "a caption ending in whose picture it is, with no slash: '... at the scene. Photo by Jane "
        "Roe.'",
        max_len=400,
        needs=("photo", "photos", "photograph", "image", "picture", "illustration", "courtesy"),
        tail=80,
    ),
    LineRule(
        "comment_rules",
        Furniture.BOILERPLATE,
        re.compile(
            r"comments? (?:on|to|for|under) this (?:story|article|post|page) (?:are|is|will be|may be)"
            r" (?:moderated|closed|reviewed|disabled|pre-moderated)"
            r"|reserve the right to (?:remove|delete|edit|refuse|close)"
            r"|\bwe(?:'re| are| have|’re|'ve|’ve)? (?:temporarily )?(?:suspend|suspended|suspending"
            r"|disabled|disabling|closed|turned off) (?:article |reader )?comment(?:ing|s)\b"
            r"|an earlier version of this (?:story|article|report|post)"
            r"|(?:views|opinions) expressed (?:in this|here|are|by)\b",
            re.I,
        ),
        "the site's rules for comments and its notes on the piece, however worded: 'Comments on "
        "this story are moderated', 'An earlier version of this story ...', 'The views expressed ...'",
        max_len=300,
        needs=("moderated", "reserve", "commenting", "version", "expressed"),
    ),
    LineRule(
        "access_offer",
        Furniture.BOILERPLATE,
        re.compile(
            r"\b(?:get|enjoy|unlock|start|gain) (?:unlimited|premium|full) (?:digital )?access\b"
            r"|\bunlock (?:full|unlimited|digital|premium) (?:digital )?access\b",
            re.I,
        ),
        "an offer of access to the site: 'Get unlimited access to our journalism for $1 a week'",
        max_len=300,
        needs=("unlimited", "premium", "unlock"),
    ),
    LineRule(
        "comment_button",
        Furniture.BOILERPLATE,
        re.compile(
            r"^(?:view|post|read|show|hide|add|leave|see|write)(?:\s?/\s?(?:view|post|read|add|leave"
            r"|write))?\s(?:all\s|a\s|your\s)?(?:comments?|replies)(?:\s?\(\d+\))?$",
            re.I,
        ),
        "a comment button alone on its line: 'View/Post Comments', 'Read all comments (12)'",
        max_len=40,
    ),
    LineRule(
        "reporting_credit",
        Furniture.BOILERPLATE,
        re.compile(
            r"^(?i:(?:additional )?(?:reporting|editing) by)\s[A-Z]"
            r"|;\s?(?i:(?:additional )?(?:reporting|editing) by)\s[A-Z]"
            r"|^[A-Z][\w.'’-]*(?:\s[\w.'’-]+){0,5}\scontributed (?:reporting|research)\b(?: (?:to|for|from)\b[^.!?]*)?\.?$"
        ),
        "who reported, edited or helped: 'Reporting by Jane Roe; Editing by Ann Lee', "
        "'Jane Roe contributed reporting from Houston.'",
        max_len=300,
        needs=("reporting", "editing", "contributed"),
    ),
    LineRule(
        "subscription",
        Furniture.BOILERPLATE,
        re.compile(
            r"\b(?:sign up (?:for|to|here|now|today)|subscribe (?:to|now|today|for|here)"
            r"|(?:our|the|a|free|daily|weekly) newsletters?\b|in your inbox|to your inbox"
            r"|already a (?:subscriber|member)|free articles? (?:left|remaining)|subscribers? only"
            r"|create a free account|log in to (?:continue|read|comment)|(?:log|sign) in with your|download (?:our|the) app"
            r"|get (?:the|our) (?:app|latest)|support (?:our|independent|local) journalism)",
            re.I,
        ),
        "an invitation to subscribe, sign up or download: the site's, not the article's",
        max_len=300,
        needs=(
            "sign",
            "subscribe",
            "subscriber",
            "subscribers",
            "newsletter",
            "newsletters",
            "inbox",
            "already",
            "free",
            "log",
            "download",
            "journalism",
            "app",
            "latest",
        ),
    ),
    LineRule(
        "policy",
        Furniture.BOILERPLATE,
        re.compile(
            r"^(?:terms (?:of (?:use|service)|(?:&|and) conditions)|privacy (?:policy|notice|settings)"
            r"|cookie (?:policy|settings))\b.{0,60}$"
            r"|\b(?:we use cookies|all rights reserved|comments? (?:are|is) (?:closed|moderated|disabled)"
            r"|comment (?:policy|guidelines)|community (?:standards|guidelines|rules)"
            r"|(?:originally|first) (?:published|appeared) (?:on|in|at|by)\b"
            r"|republished (?:with permission|from|under)|earn (?:a|an affiliate) commission"
            r"|a version of this (?:article|story) (?:appears|appeared)|registered trademarks?"
            r"|comments (?:will|may) be (?:rejected|removed|deleted|moderated|reviewed)"
            r"|report (?:a|an) (?:typo|error|correction)|this (?:story|article) (?:has been|was) (?:updated|corrected)"
            r"|has a disclosure policy|(?:quotes?|data) (?:is|are) delayed (?:by )?(?:at least )?\d+ minutes"
            r"|^in this (?:article|story):)",
            re.I,
        ),
        "site policy: terms, privacy, cookies, rights, comment rules, republication notes",
        max_len=300,
        needs=(
            "terms",
            "privacy",
            "cookie",
            "cookies",
            "reserved",
            "comment",
            "comments",
            "community",
            "published",
            "appeared",
            "republished",
            "commission",
            "typo",
            "error",
            "correction",
            "updated",
            "corrected",
            "version",
            "trademark",
            "trademarks",
            "disclosure",
            "delayed",
            "article",
            "story",
        ),
    ),
    LineRule(
        "cookie_notice",
        Furniture.BOILERPLATE,
        re.compile(
            r"\b(?:we use cookies|(?:this|our) (?:site|website) uses cookies|cookies and similar technologies"
            r"|accept (?:all )?cookies|your privacy is important to us|withdraw your consent"
            r"|you consent to (?:these activities|our use|the use of cookies)"
            r"|we and our partners (?:use|share|store)|by (?:submitting|signing up|subscribing)[^.]{0,40}"
            r"you agree to)",
            re.I,
        ),
        "a cookie or privacy notice, however long: 'We use cookies and similar technologies ...'",
        max_len=3000,
        needs=("cookies", "privacy", "consent", "partners", "agree"),
    ),
    LineRule(
        "legal",
        Furniture.BOILERPLATE,
        re.compile(_LEGAL + r"[\s\S]*?" + _LEGAL, re.I),
        "a legal notice, however long: two or more of '©', 'all rights reserved', 'trademark', "
        "'disclaimer', 'licensors', 'terms of use' ...",
        max_len=3000,
        needs=(
            "©",
            "reserved",
            "trademark",
            "trademarks",
            "disclaimer",
            "licensors",
            "proprietary",
            "terms",
            "privacy",
        ),
    ),
    LineRule(
        "call_to_read",
        Furniture.TEASER,
        re.compile(
            r"\S\s+(?:(?:Read|Watch|Listen|READ|WATCH)(?: (?:now|more|here|the story|full story))?"
            r"|(?i:learn more|continue reading))\s*[»›>→]?$"
        ),
        "a teaser ending in its button: 'Pets benefit our mental health A review lists ... Read now'",
        max_len=600,
        min_len=40,
        needs=("read", "watch", "listen", "learn", "continue"),
        tail=40,
    ),
    LineRule(
        "truncated_headline",
        Furniture.TEASER,
        re.compile(r"^[$£€]?[A-Z0-9][\w'’-]*(?:\s[$£€]?[A-Z0-9][\w'’,:-]*){2,}\s?(?:…|\.\.\.)$"),
        "a headline cut off with an ellipsis, Every Word Capitalised: 'This Is Why Streaking Is "
        "Never...'",
        max_len=160,
        needs=("…", "..."),
    ),
    LineRule(
        "navigation",
        Furniture.LINK,
        _NAV,
        "a menu, share or sign-in button, 'Most popular', 'Read more', a copyright line, alone",
        max_len=2000,
    ),
    LineRule(
        "stamp",
        Furniture.DATELINE,
        _STAMP,
        "'Last updated 4:15 p.m.', 'Published Sept. 21, 2023': a stamp and nothing else",
    ),
    LineRule(
        "editor_note",
        Furniture.BOILERPLATE,
        _EDITOR_NOTE,
        "an editor's note, correction or clarification about the piece",
        max_len=2000,
    ),
    LineRule(
        "social",
        Furniture.BOILERPLATE,
        _SOCIAL,
        "follow, share and contact lines: 'Follow her on X', 'can be reached at', an e-mail",
        max_len=399,
        needs=("follow", "facebook", "sign", "share", "reached", "contributed", "@"),
    ),
    LineRule(
        "caption",
        Furniture.CAPTION,
        _CAPTION,
        "a caption or credit: 'Photo:', '(Photo by ...', 'AP Photo', 'Getty Images'",
        max_len=600,
        needs=(
            "photo",
            "photos",
            "image",
            "caption",
            "credit",
            "graphic",
            "illustration",
            "ap",
            "getty",
            "reuters",
        ),
    ),
    LineRule(
        "ap_caption",
        Furniture.CAPTION,
        _AP_CAPTION,
        "an AP-style caption, ending '... on January 22, 2018, in Newark, New Jersey.'",
        max_len=600,
        needs=(", in ",),
        tail=120,
    ),
    LineRule(
        "caption_words",
        Furniture.CAPTION,
        re.compile(
            r"\((?:left|right)\)"
            r"|\b(?:from left|left to right)\b|^pictured\b"
            r"|\bin (?:this|a) (?:(?:undated|file|handout|recent) )*(?:photo|photograph|image|picture"
            r")(?: (?:taken|made|released|provided|dated))?\b"
            r"|\b(?:is|are) (?:seen|shown|pictured) in (?:this|the) (?:photo|image)\b",
            re.I,
        ),
        "a caption's own words: '(left)', 'from left', 'in this file photo', 'is seen in this photo'",
        max_len=300,
        needs=("left", "right", "pictured", "photo", "photograph", "image", "picture"),
    ),
    LineRule(
        "appeal",
        Furniture.BOILERPLATE,
        _APPEAL_TWICE,
        "a plea for money: two or more of 'donate', 'tax-deductible', 'become a member' ...",
        max_len=2000,
        needs=(
            "donate",
            "donation",
            "donating",
            "deductible",
            "chip",
            "gift",
            "contribution",
            "journalism",
            "member",
            "subscriber",
            "supporter",
            "dig",
            "supported",
        ),
    ),
)

# Datelines: a line of dates, times and their labels only ("Tue 5 Mar 2024 14.03 GMT").
_STAMP_WORDS = CALENDAR_WORDS | frozenset(
    [
        "tues",
        "thur",
        "thurs",
        "am",
        "pm",
        "a",
        "m",
        "p",
        "gmt",
        "utc",
        "bst",
        "cet",
        "est",
        "edt",
        "cst",
        "cdt",
        "mst",
        "mdt",
        "pst",
        "pdt",
        "et",
        "ct",
        "pt",
        "updated",
        "update",
        "published",
        "posted",
        "last",
        "modified",
        "first",
        "on",
        "at",
        "min",
        "mins",
        "minute",
        "minutes",
        "hour",
        "hours",
        "ago",
        "read",
        "time",
        "yesterday",
        "today",
    ]
)


_DIGIT = re.compile(r"[0-9]")
_TIME_SUFFIX = re.compile(r"(?<=\d)(?:am|pm|h)$")


def is_dateline(line: str) -> bool:
    """Dates, times and their labels, nothing else: 'Updated: 4:15 PM EST, Tue March 5, 2024'."""
    if len(line) > 90 or _DIGIT.search(line) is None:
        return False
    tokens = [_TIME_SUFFIX.sub("", t) for t in words(line)]  # "2:15pm": "2", "15"
    return (
        bool(tokens)
        and any(t.isdigit() for t in tokens)
        and all(t.isdigit() or t in _STAMP_WORDS for t in tokens)
    )


_LONGEST = max(r.max_len for r in LINE_RULES)


# Every word and mark some rule needs: a line with none of them is tried on the others only.
_ALL_WORDS = frozenset(w for r in LINE_RULES for w in r._words)
_GATE = WordGate(_ALL_WORDS)
# (looked for with `in`: a few substring scans cost less than one alternation tried at every place)
_ALL_MARKS = tuple(sorted({m for r in LINE_RULES for m in r._marks}))
_UNGATED = tuple(r for r in LINE_RULES if not r.needs)
_GATED = tuple(r for r in LINE_RULES if r.needs)
_NO_CAPTION_ABOVE = frozenset(r.name for r in LINE_RULES if not r.over_caption)


def _post_credit(read: tuple[Furniture, str] | None) -> bool:
    """A line read as an embedded post's credit: the line above is the post, no headline."""
    return read is not None and read[1] in _NO_CAPTION_ABOVE


_WORD_GATED_LONGEST = max(r.max_len for r in LINE_RULES if r._words)


def _inline(pattern: re.Pattern[str]) -> str:
    """A pattern's text with its case flag written inside it, to stand in an alternation."""
    return f"(?i:{pattern.pattern})" if pattern.flags & re.IGNORECASE else f"(?:{pattern.pattern})"


# The anchored rules as one alternation, each in a group named by its place: r0, r1, ...
_UNGATED_ANY = re.compile(
    "|".join(f"(?P<r{i}>{_inline(r.pattern)})" for i, r in enumerate(_UNGATED))
)


def line_furniture(line: str) -> tuple[Furniture, str] | None:
    """The kind of furniture a line is on its own, with the rule that says so; None for text.

    The anchored rules are tried first, all at once; the others only when a word or a mark
    they need is in the line."""
    if len(line) <= _LONGEST:
        m = _UNGATED_ANY.match(line)
        if m is not None:
            first = _UNGATED[int(m.lastgroup[1:])] if m.lastgroup else None
            # that rule, unless the line is too long for it: then each of them, in order
            for rule in (first,) if first and first.matches(line, ()) else _UNGATED:
                if rule.matches(line, ()):
                    return rule.kind, rule.name
        # the words are read only where a rule that needs them could take the line
        short = len(line) <= _WORD_GATED_LONGEST
        # only the words some rule needs: a rule asks only whether one of its own is there
        tokens = _GATE.found(line) if short else set()
        marks = [mark for mark in _ALL_MARKS if mark in line]  # each looked for once
        if tokens or marks:
            for rule in _GATED:
                needed = (tokens and not rule._words.isdisjoint(tokens)) or (
                    marks and any(mark in rule._marks for mark in marks)
                )
                if needed and rule.fits(line):
                    return rule.kind, rule.name
    return _dateline(line)


_SHORT_LINE = 400  # longer lines are tried on the rules for long notices only
_LONG_RULES = tuple(r for r in LINE_RULES if r.name in ("cookie_notice", "legal"))
_LONG_WORDS = WordGate(frozenset(w for r in _LONG_RULES for w in r._words))
_LONG_GATE = (
    "cookie",
    "privacy",
    "consent",
    "©",
    "reserved",
    "trademark",
    "disclaimer",
    "licensors",
)


def _long_furniture(line: str) -> tuple[Furniture, str] | None:
    """A long paragraph is furniture only as a cookie, consent or legal notice (one regex scan
    of it first, so an article's long paragraphs cost little)."""
    if len(line) > _LONGEST:
        return None
    low = line.lower()
    if not any(word in low for word in _LONG_GATE):
        return None
    tokens = _LONG_WORDS.found(line)
    for rule in _LONG_RULES:
        if rule.matches(line, tokens):
            return rule.kind, rule.name
    return None


def _dateline(line: str) -> tuple[Furniture, str] | None:
    if is_dateline(line):
        return Furniture.DATELINE, "dateline"
    return None


_LIST_ITEM = re.compile(r"^(?:\d{1,3}[.)]|[•▪●◦*–—-]|\([a-z0-9]\))\s")
HEADLINE_WORDS = 16  # a headline, a teaser or a subheading is at most this many words


def is_headline_like(line: str) -> bool:
    """A short line that does not end a sentence: a headline, a teaser, a subheading, a label.

    A list item ('• 42% of homes lack broadband') and a lead-in ending in a colon are not."""
    if len(line) > 140 or _LIST_ITEM.match(line):
        return False
    if line.endswith("?") and len(line) <= 100 and _capitalised(line):
        return True  # "Need Nasal Allergy Relief?": a headline asking
    if _ENDS_SENTENCE.search(line) or line.endswith((":", ",", ";")):
        return False
    return 2 <= len(line.split()) <= HEADLINE_WORDS


_BETWEEN_MAX = 260  # a teaser's one-line summary between two headlines is at most this long


def _is_lead_in(line: str) -> bool:
    return len(line) <= 60 and line.endswith(":") and len(line.split()) <= 6


_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "his", "her", "their", "its"])


def _points(lines: list[str], run: list[int]) -> bool:
    """A list of the article's points with their markers lost ('He would defend ...'): a third
    or more of the lines start with a pronoun, which points back into the article; a headline
    names its subject."""
    starts = sum(lines[i].split()[0].lower().strip("‘'\"“") in _PRONOUNS for i in run)
    return starts * 3 >= len(run)


# A site's menu entry: a name and what to do there ("Physician Directory: Find a doctor in your
# area."). One alone may be a speaker and a quotation; two or more close together are a menu.
PROMO = re.compile(
    r"^(?:[A-Z][\w'’&-]*\s?){1,4}:\s+(?i:get|find|read|connect|track|see|learn|save|discover"
    r"|enter|shop|explore|try|join|download|browse|watch|listen|check|compare|search|ask"
    r"|talk|sign|start|meet)\b[^.!?]{0,120}[.!]?$"
)
_PROMO_MAX = 160


def _promo_menu(lines: list[str]) -> list[int]:
    """Menu entries (`PROMO`) standing two or more within two lines of each other."""
    entries = [i for i, line in enumerate(lines) if len(line) <= _PROMO_MAX and PROMO.match(line)]
    return [
        i
        for n, i in enumerate(entries)
        if (n > 0 and i - entries[n - 1] <= 2) or (n + 1 < len(entries) and entries[n + 1] - i <= 2)
    ]


def furniture_blocks(lines: list[str]) -> dict[int, Furniture]:
    """Lines that are furniture by where they stand, by index.

    - A teaser list: three or more headline-like lines, each at most one short line from the
      next, with the lines between them (one-line summaries) and a lead-in just above
      ('More from OtherSite.com:'). Two headline-like lines make a list when a line rule or a
      lead-in marks the line above as one.
    - A caption: the line just above a credit line, when it is short enough to be one.
    A run where a third of the lines start with a pronoun is the article's own list of points.
    """
    marks: dict[int, Furniture] = {}
    found = [
        line_furniture(line) if len(line) <= _SHORT_LINE else _long_furniture(line)
        for line in lines
    ]
    # a line whose sentence goes on in the next (hard-wrapped prose) is no headline
    heads = [
        i
        for i, line in enumerate(lines)
        if is_headline_like(line)
        and not (
            i + 1 < len(lines) and (continues(line, lines[i + 1]) or _post_credit(found[i + 1]))
        )
    ]
    run: list[int] = []

    def close(run: list[int]) -> None:
        if not run:
            return
        above = run[0] - 1
        led = above >= 0 and (_is_lead_in(lines[above]) or found[above] is not None)
        if _points(lines, run):
            return
        if len(run) >= 3 or (len(run) == 2 and led):
            marked = list(run)
            if led:
                marked.append(above)
            # headline, summary, headline, summary...: the summaries are teasers too
            items = run[1:] if len(run) >= 3 and run[1] - run[0] == 1 else run  # after a label
            # three headlines at least: two alternating with paragraphs may be a subheading,
            # a button and the article going on
            if len(items) >= 3 and all(b - a == 2 for a, b in itertools.pairwise(items)):
                marked += [
                    j + 1 for j in items if j + 1 < len(lines) and len(lines[j + 1]) <= _BETWEEN_MAX
                ]
            elif len(run) >= 3:
                # a headline of the list ending in an abbreviation ("... to the U.S."); not a
                # standfirst between a headline and a byline
                marked += [
                    a + 1
                    for a, b in itertools.pairwise(run)
                    if b - a == 2
                    and len(lines[a + 1]) <= _HEADLINE_BETWEEN
                    and _ABBREVIATION_END.search(lines[a + 1])
                ]
            for j in marked:
                marks.setdefault(j, Furniture.TEASER)

    for i in heads:
        if run and (i - run[-1] > 2 or (i - run[-1] == 2 and len(lines[i - 1]) > _BETWEEN_MAX)):
            close(run)
            run = []
        run.append(i)
    close(run)
    for i in _promo_menu(lines):
        marks.setdefault(i, Furniture.LINK)
    for i in _chart_leads(lines):
        marks.setdefault(i, Furniture.CAPTION)
    for i, read in enumerate(found):
        if read is not None and read[1] == "read_more" and len(lines[i].split()) <= 5:
            for j in _led_list(lines, i):
                marks.setdefault(j, Furniture.TEASER)
    for i, line in enumerate(lines):
        read = found[i]
        if read is None:
            continue
        kind, name = read
        marks[i] = kind
        # a credit alone on its line belongs to the caption just above it
        alone = kind is Furniture.CREDIT and len(line) <= 80 and not _SENTENCE_INSIDE.search(line)
        if alone and name in _NO_CAPTION_ABOVE:
            continue  # a post's credit: the post above is quoted, no caption
        if alone and i > 0 and i - 1 not in marks and len(lines[i - 1]) <= _CAPTION_MAX:
            marks[i - 1] = Furniture.CAPTION
        elif alone and _BRACKETED.match(line) and (i == 0 or i - 1 in marks):
            # a credit in brackets over its photo, with no caption above (a byline, a stamp
            # there): the caption is the sentence just below, if it is one's length
            below = lines[i + 1] if i + 1 < len(lines) else ""
            if len(below) <= _CAPTION_BELOW_MAX and _ENDS_SENTENCE.search(below):
                marks.setdefault(i + 1, Furniture.CAPTION)
    return marks


_CAPTION_MAX = 200
_CAPTION_BELOW_MAX = 300  # a caption under its bracketed credit: one or two sentences
_BRACKETED = re.compile(r"^\([^()]{3,78}\)$")  # the whole line in brackets
_TITLE_MAX = 60  # a chart's title
_TICK_MAX = 12  # a chart's axis label or value: "$915", "billion", "’17", "2.5%"
_TICKS_LOOKED = 10  # a chart's description is followed, within this many lines, ...
_TICKS_SHORT = 8  # ... by this many labels and values at least ...
_TICKS_VALUES = 4  # ... this many of them values
_VALUE = re.compile(r"^\W{0,2}\d[\d.,:]*\s?(?:%|[A-Za-z]{1,3})?\W{0,2}$")  # "$915", "’17", "2.5%"


def _chart_leads(lines: list[str]) -> list[int]:
    """Charts' descriptions: a sentence (as short as a caption) followed by the chart's labels and
    values, one per line, at once or after the chart's title ("Annual interest payments are
    expected to triple." then "$915", "billion", "’17", "’18" ...). Its words are the chart's,
    not the article's. (An article's paragraph just above a chart that has a title and no
    description looks the same; on the pages looked at, none stood there.)"""
    found: list[int] = []
    last = len(lines) - 2
    for i, line in enumerate(lines[:-1]):
        if len(line) > _CAPTION_MAX or len(lines[i + 1]) > _TITLE_MAX:
            continue
        titled = len(lines[i + 1]) > _TICK_MAX
        if titled and (i == last or len(lines[i + 2]) > _TICK_MAX):
            continue  # a title and a subtitle, or a heading and text: no chart here
        if not _ENDS_SENTENCE.search(line):
            continue
        after = lines[i + 1 + titled : i + 1 + titled + _TICKS_LOOKED]
        short = [x for x in after if len(x) <= _TICK_MAX]
        if len(short) >= _TICKS_SHORT and sum(1 for x in short if _VALUE.match(x)) >= _TICKS_VALUES:
            found.append(i)
    return found


_HEADLINE_BETWEEN = 100  # a line between two headlines of a list, as short as one: one too
_QUESTION_HEADLINE_WORDS = 12


def _is_question_headline(line: str) -> bool:
    return line.endswith("?") and len(line) <= 100 and len(line.split()) <= _QUESTION_HEADLINE_WORDS


def _capitalised(line: str) -> bool:
    """Every Word Capitalised (of words of three letters or more, three at least)."""
    long_words = [w for w in line.split() if len(w) > 2 and w[0].isalpha()]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def _is_listed_headline(line: str) -> bool:
    """A headline in a list a lead-in introduces: a short line that does not end a sentence, a
    short question, or a longer headline with Every Word Capitalised."""
    if is_headline_like(line) or _is_question_headline(line):
        return True
    return len(line) <= 240 and not _ENDS_SENTENCE.search(line) and _capitalised(line)


def _led_list(lines: list[str], lead: int) -> list[int]:
    """The list a standalone lead-in ('Latest news', 'Related stories') introduces: headlines
    (a short question too, after such a lead-in) each with at most one short summary after it,
    up to the first line that is neither. Two headlines at least, or nothing."""
    taken: list[int] = []
    heads = 0
    after_head = False
    for j in range(lead + 1, len(lines)):
        line = lines[j]
        if _is_listed_headline(line):
            heads += 1
            after_head = True
        elif after_head and len(line) <= _BETWEEN_MAX and _listed_next(lines, j + 1):
            after_head = False  # a one-line summary, with the list going on after it
        else:
            break
        taken.append(j)
    return taken if heads >= 2 else []


def _listed_next(lines: list[str], j: int) -> bool:
    return j < len(lines) and _is_listed_headline(lines[j])


# A headline ending in an abbreviation's full stop ("... flights to the U.S.", "... Holdings Inc.")
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Inc|Co|Corp|Ltd|Jr|Sr|Bros)\.$")
_SENTENCE_INSIDE = re.compile(r"[.!?][\"”’')\]]*\s")  # a caption written before its credit
