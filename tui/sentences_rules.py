"""Word lists behind the sentence splitter: abbreviations and sentence-opening words.

Keys are lower case and carry no final period ("u.s", "a.m").  They are general
English (news style) lists, not fitted to any text.
"""

from __future__ import annotations

# Prepositive titles: a capitalised title followed by a name never ends a sentence.
TITLES = frozenset("""
    mr mrs ms messrs mme mlle dr drs prof profs gen gens sen sens rep reps gov govs
    pres lt col capt cmdr adm maj sgt cpl pvt rev hon rt fr det insp supt amb
    atty brig lieut cdr msgr sra srta
""".split())

# Abbreviations that never end a sentence: something always follows them.
NEVER_END = frozenset("e.g i.e vs v cf viz".split())

# Abbreviations that may end a sentence or sit inside one.  Followed by a capital,
# they end it only when the next word is a typical sentence opener.
AMBIGUOUS = frozenset("""
    inc corp co cos ltd llc plc bros jr sr esq phd ph.d m.d b.a m.a
    st ste mt ft ave blvd rd hwy sq dept univ assn intl natl govt
    al approx est ca misc
    jan feb mar apr jun jul aug sep sept oct nov dec
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn
    miss mo mont neb nev okla ore pa tenn tex vt va w.va wash wis wyo
    ont que alta sask
    mins hrs secs lbs oz yds
""".split())

# Abbreviations that stand before a number ("No. 5", "pp. 10-12"); before a
# capital they are ordinary words ("The answer was no. Rasmussen ...").
NUMBER_ABBREVIATIONS = frozenset("""
    no nos n° nº vol vols pp fig figs ch chap sec sect art arts para paras ed eds op
    ref tel ext apt bldg rm pt pg ver ex exh ps
""".split())

# Clock abbreviations: "at 6 p.m. Mr. Smith left" is two sentences unless the
# sentence so far is a fronted time phrase ("At 5 a.m. Mr. Smith went ...").
TIME_ABBREVIATIONS = frozenset("a.m p.m".split())
FRONTED_TIME_WORDS = frozenset("""
    at by before after until till from around about since between on shortly just
    early late then
""".split())
FRONTED_TIME_MAX_WORDS = 5
# After a clock time, a time zone, day or month continues the sentence
# ("9 a.m. Eastern", "until 2 a.m. Friday", "at 9 p.m. E.T."); periods are dropped.
AFTER_TIME_WORDS = frozenset("""
    Eastern Central Mountain Pacific Atlantic ET EST EDT CT CST CDT MT MST MDT PT PST
    PDT GMT BST CET CEST UTC IST JST AEST local
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
""".split())

# Closed-class words (and a few adverbs) that typically open a sentence and are
# hardly ever part of a name: after "U.S." or "Inc." they signal a new sentence.
SENTENCE_STARTERS = frozenset("""
    I You He She It We They This That These Those There Here
    The A An Some Many Most All Each Every Any Such Both Several Few Other Another
    No Not Nor Neither Either None Only Even Just Much More Less
    Its His Her Their Our My Your
    What When Where Why How Who Whom Whose Which Whether
    But And Or So Yet However Although Though Because If Unless While Whereas As
    Since After Before Once Until Meanwhile Still Then Also Instead Thus Therefore
    Moreover Furthermore Nevertheless Nonetheless Otherwise Later Earlier Now Today
    Yesterday Tomorrow Last Next Finally First Second Third Indeed Besides Overall
    Is Are Was Were Be Been Do Does Did Has Have Had Can Could Would Should Shall
    Might Must
    In On At For With By From To Of Under Over During Despite Among Between Without
    Within Into About Against Through Throughout Unlike Like According Following
    Yes Please Let Perhaps Maybe Sometimes Often
""".split())

# Reporting verbs: after a quoted question or exclamation, "Name asked" or
# "Officer Lee shouted" ends the same sentence ('"Why?" Smith asked.').
REPORTING_VERBS = (
    "said", "says", "asked", "asks", "added", "shouted", "yelled", "cried", "exclaimed", "replied",
    "responded", "wondered", "demanded", "insisted", "wrote", "tweeted", "told", "recalled", "joked",
    "laughed", "screamed", "snapped", "pleaded", "countered", "continued", "declared",
)
