"""Word lists that decide what a figure counts: time and place words, verbs of paying and asking, purposes.

Used by :mod:`tui.figures_counts`; kept apart so that the rules there read without the lists.
"""

from __future__ import annotations

# Words that set a figure as the value of the phrase before a comma: "the business, valued at £600m".
VALUATION_WORDS = frozenset({"valued", "worth", "priced", "costing", "estimated"})
# A time adverbial between a subject and its verb: "passenger numbers last summer were 12% higher".
TIME_DEICTIC = {"last", "this", "next", "previous", "that", "each", "every"}
TIME_NOUNS = {"year", "summer", "winter", "spring", "autumn", "month", "week", "quarter", "season", "night",
              "weekend", "decade", "time", "morning", "evening", "january", "february", "march", "april",
              "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
              "wednesday", "thursday", "friday", "saturday", "sunday"}
# Words after "to VERB" that show VERB is a verb: "to replace two of its ships".
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "two", "three", "four", "five", "new", "more",
               "some", "all", "up", "down", "off", "out"}
# Verbs that say what money is spent on: "£5m to build", "$300m to settle charges".
PURPOSE_VERBS = {"build", "buy", "fund", "pay", "replace", "repair", "cover", "help", "improve", "upgrade",
                 "support", "expand", "develop", "boost", "settle", "tackle", "create", "finance", "provide",
                 "refurbish", "compensate", "restore", "train", "hire", "reduce", "maintain", "modernise",
                 "modernize", "renovate", "launch", "acquire", "meet", "clear", "protect", "run", "keep",
                 "secure", "rebuild", "extend", "invest", "develop", "promote", "research", "subsidise",
                 "subsidize", "cut", "buy", "bail", "rescue", "stabilise", "stabilize", "attract", "fight"}
# Words that end the purpose phrase of money (a new clause or another preposition).
CLAUSE_WORDS = {"and", "but", "or", "which", "that", "who", "after", "before", "while", "because", "as", "said",
                "says", "when", "if", "by", "from", "in", "on", "at", "with", "over", "under", "than", "so",
                "to", "for"}
# Verbs whose subject gives or gets money, and so is not what it is: "the firm agreed to pay $40m".
AGENT_VERBS = {"pay", "pays", "paid", "paying", "spend", "spends", "spent", "spending", "give", "gives", "gave",
               "giving", "invest", "invests", "invested", "investing", "donate", "donated", "offer", "offers",
               "offered", "lend", "lent", "earn", "earns", "earned", "raise", "raised", "raises", "borrowed",
               "received", "receive", "won", "owes", "owed"}
# Words that only say when or where; a phrase made of them counts nothing.
CIRCUMSTANCE = {*TIME_NOUNS, "year-earlier", "year-on-year", "month-on-month", "quarter-on-quarter", "earlier",
                "later", "ago", "today", "yesterday", "tomorrow", "tonight", "north", "south", "east", "west",
                "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east",
                "south-west", "away", "apart", "ahead", "behind", "one-way", "a", "the", "per"}
# Nouns that are also verbs the left phrase skips, taken as the head before a preposition.
HEAD_NOUNS = {"pay", "total", "rise", "fall", "increase", "cut", "spending", "record", "value", "price"}
# Subjects before which a word is a verb: "which it forecast to be 6.5%".
PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "who", "which"}
# Before a verb of paying, a passive: "the fee was raised from £3".
BE = {"is", "are", "was", "were", "be", "been", "being"}
# Verbs whose object is asked for money, not what the money is: "asked the council for £5m".
REQUEST_VERBS = {"asked", "ask", "asks", "asking", "urged", "pressed", "lobbied", "petitioned", "begged",
                 "sued", "sue", "sues", "suing", "billed", "charged", "fined", "approached"}
# Words after a figure that are no noun it counts: "10% higher", "£5 apiece".
COMPARATIVES = {"higher", "lower", "bigger", "smaller", "larger", "cheaper", "dearer", "better", "worse",
                "stronger", "weaker", "faster", "slower", "longer", "shorter", "older", "younger", "ago",
                "earlier", "later", "apiece", "each", "year-on-year", "respectively", "overall", "alone",
                "including", "compared", "instead", "last", "next", "this", "previous", "today", "yesterday",
                "tomorrow", "tonight", "away", "old", "ahead", "behind", "altogether", "combined", "together",
                "overnight", "abroad", "online", "so", "far", "mostly", "either"}
# Words between a figure and the noun phrase it is set for: "raise the retirement age to 67".
LEFT_SKIP = {
    "to", "from", "by", "at", "of", "for", "was", "were", "is", "are", "be", "been", "being", "has", "have",
    "had", "will", "would", "could", "stood", "stands", "reached", "reach", "reaches", "hit", "hits",
    "totalled", "totaled", "totals", "total", "rose", "risen", "rising", "rise", "rises", "fell", "fallen",
    "falling", "fall", "falls", "increased", "increase", "increases", "decreased", "dropped", "climbed",
    "bought", "sold", "spent", "earned", "paying", "selling", "buying",
    "jumped", "grew", "grown", "gained", "slipped", "declined", "closed", "raised", "raise", "raising",
    "lowered", "lower", "lowering", "cut", "cutting", "reduced", "reduce", "set", "fixed", "estimated",
    "put", "valued", "worth", "costing", "priced", "paid", "pay", "around", "about", "nearly",
    "almost", "some", "just", "only", "up", "down", "now", "currently", "still", "already", "than", "more",
    "less", "over", "under", "approximately", "roughly", "an", "a", "record", "new", "of",
}
