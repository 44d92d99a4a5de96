"""Word lists for the key-figures extractor: units, currencies, approximations, months, stop words."""

from __future__ import annotations

import re


def alternation(words) -> str:
    """A regex alternation of literal words, longest first so that "km/h" wins over "km"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# Currency written before the number: "$3bn", "US$5", "£600m", "€10M", "Rs 500".
CURRENCY_PREFIX = {
    "$": "USD", "US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "HK$": "HKD", "NZ$": "NZD",
    "S$": "SGD", "NT$": "TWD", "R$": "BRL", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW",
    "₽": "RUB", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CHF": "CHF", "Rs": "INR",
    "Rs.": "INR", "Sfr": "CHF",
}
# Currency written after the number: "10,000 dollars", "5 euros", "80p", "-15€".
CURRENCY_SUFFIX = {
    "dollars": "USD", "dollar": "USD", "US dollars": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "pound": "GBP", "pounds sterling": "GBP", "sterling": "GBP", "pence": "GBp", "p": "GBp", "cents": "cents",
    "cent": "cents", "c": "cents", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR",
    "rupee": "INR", "roubles": "RUB", "rubles": "RUB", "francs": "CHF", "pesos": "MXN", "rand": "ZAR",
    "dimes": "dimes", "dime": "dime", "rupiah": "IDR", "ringgit": "MYR", "baht": "THB", "krone": "DKK",
    "kroner": "NOK", "kronor": "SEK", "krona": "SEK", "shekels": "ILS", "naira": "NGN", "lira": "TRY",
    "dinars": "dinar", "riyals": "SAR", "dirhams": "AED", "zloty": "PLN", "forint": "HUF", "reais": "BRL",
    "Swiss francs": "CHF", "pennies": "GBp", "€": "EUR", "$": "USD", "£": "GBP",
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CHF": "CHF",
}

# Measure units after a number, surface -> canonical unit. Case matters only where it disambiguates.
MEASURE_UNITS = {
    **{w: "km" for w in ("km", "kms", "kilometres", "kilometre", "kilometers", "kilometer")},
    **{w: "m" for w in ("metres", "metre", "meters", "meter")},
    **{w: "cm" for w in ("cm", "centimetres", "centimetre", "centimeters", "centimeter")},
    **{w: "mm" for w in ("mm", "millimetres", "millimetre", "millimeters", "millimeter")},
    **{w: "nm" for w in ("nm", "nanometres", "nanometers", "nanometre", "nanometer")},
    **{w: "mi" for w in ("mi", "miles", "mile")},
    **{w: "ft" for w in ("ft", "feet", "foot")},
    **{w: "in" for w in ("inches", "inch")},
    **{w: "yd" for w in ("yards", "yard")},
    **{w: "kg" for w in ("kg", "kgs", "kilos", "kilo", "kilograms", "kilogram", "kilogrammes")},
    **{w: "g" for w in ("g", "grams", "gram", "grammes")},
    **{w: "mg" for w in ("mg", "milligrams", "milligram")},
    **{w: "lb" for w in ("lb", "lbs")},
    **{w: "oz" for w in ("oz", "ounces", "ounce")},
    **{w: "t" for w in ("tonnes", "tonne", "tons", "ton")},
    **{w: "l" for w in ("litres", "litre", "liters", "liter")},
    **{w: "ml" for w in ("ml", "millilitres", "milliliters")},
    "cl": "cl", "gallons": "gal", "gallon": "gal", "barrels": "bbl", "barrel": "bbl", "cups": "cup",
    "cup": "cup", "tbsp": "tbsp", "tsp": "tsp",
    "mph": "mph", "km/h": "km/h", "kph": "km/h", "kmh": "km/h", "knots": "kn", "m/s": "m/s",
    "°C": "C", "ºC": "C", "° C": "C", "°F": "F", "° F": "F", "degrees Celsius": "C", "degrees celsius": "C",
    "degrees centigrade": "C", "degrees Fahrenheit": "F", "degrees fahrenheit": "F", "degrees": "degrees",
    "°": "degrees",
    "hectares": "ha", "hectare": "ha", "ha": "ha", "acres": "acre", "acre": "acre",
    "sq km": "km2", "km2": "km2", "km²": "km2", "square kilometres": "km2", "square kilometers": "km2",
    "square miles": "sq mi", "sq mi": "sq mi", "square metres": "m2", "square meters": "m2", "sq ft": "sq ft",
    "square feet": "sq ft", "m2": "m2", "m²": "m2", "cubic metres": "m3", "cubic kilometers": "km3",
    "cubic kilometres": "km3", "km3": "km3",
    **{w: w for w in ("KB", "MB", "GB", "TB", "PB", "kb", "Mb", "Gb", "Kbps", "kbps", "Mbps", "Gbps", "Hz",
                      "kHz", "MHz", "GHz", "W", "kW", "MW", "GW", "Wh", "kWh", "MWh", "GWh", "TWh", "eV",
                      "keV", "MeV", "GeV", "TeV", "dB", "mAh", "mGy", "Gy", "mSv", "Sv", "cc", "bhp", "hp",
                      "kcal", "ppm", "tpd", "Js", "Ma", "Ga")},
    **{w: "bytes" for w in ("bytes", "byte", "kilobytes", "megabytes", "gigabytes", "terabytes", "exabytes",
                            "bits", "bit")},
    "megapixels": "MP", "pixels": "px", "volts": "V", "volt": "V", "watts": "W", "calories": "kcal",
    "decibels": "dB", "megawatts": "MW", "gigawatts": "GW", "kilowatts": "kW",
    **{w: "s" for w in ("seconds", "secs", "sec")},
    **{w: "min" for w in ("minutes", "minute", "mins")},
    **{w: "h" for w in ("hours", "hour", "hrs", "hr")},
    **{w: "days" for w in ("days", "day")},
    **{w: "weeks" for w in ("weeks", "week")},
    **{w: "months" for w in ("months", "month")},
    **{w: "years" for w in ("years", "year", "yrs")},
    **{w: "decades" for w in ("decades", "decade")},
    "centuries": "centuries",
}
# Single letters that are units only when glued to the number ("40C", "5m", "10l").
GLUED_UNITS = {"C": "C", "F": "F", "m": "m", "l": "l", "L": "l", "t": "t", "h": "h", "V": "V",
               "J": "J"}
# Time units: a number of them is a duration, which ranks below counts and money.
DURATION_UNITS = {"s", "min", "h", "days", "weeks", "months", "years", "decades", "centuries"}


# Words in front of a number that make it approximate or a bound, kept in the output.
APPROX_BEFORE = (
    "nearly", "almost", "about", "around", "roughly", "approximately", "some", "more than", "over",
    "less than", "under", "fewer than", "up to", "at least", "at most", "as many as", "as much as",
    "as few as", "as little as", "just over", "just under", "well over", "close to", "upwards of",
    "in excess of", "an estimated", "estimated", "circa", "c.", "almost exactly", "just", "only",
    "no more than", "no fewer than", "not more than", "not less than", "a maximum of", "a minimum of",
    "somewhere around", "an average of", "on average", "average", "barely", "a record", "a further",
    "another", "an extra", "an additional",
)
# Of these, the ones that do not make the number approximate ("another 30,000" is exact).
NOT_APPROX = {"another", "a further", "an extra", "an additional", "a record", "only", "just", "average",
              "an average of", "on average"}
APPROX_AFTER = ("or more", "or so", "or less", "odd", "plus")

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Capitalised words that may stand right before a figure without making it part of a name
# ("In 2004", "Some 40", "March 3"); any other capitalised word makes "Boeing 737" a designation.
CAPITAL_BEFORE_OK = {
    "in", "by", "on", "at", "for", "since", "until", "till", "from", "to", "of", "about", "around", "nearly",
    "almost", "some", "only", "just", "over", "under", "up", "between", "and", "but", "or", "with", "roughly",
    "approximately", "another", "these", "those", "the", "all", "than", "more", "less", "fewer", "after",
    "before", "during", "last", "next", "its", "their", "his", "her", "our", "my", "your", "a", "an", "as",
    "another", "nearly", "estimated", "exactly", "precisely", "barely", "least", "most", "perhaps", "maybe",
    "around", "circa", "within", "across", "through", "throughout", "when", "while", "if", "then", "so",
    "where", "each", "every", "both", "total", "there", "are", "were", "was", "is", "be", "been", "had",
    "has", "have", "it", "they", "we", "he", "she", "you", "i", "that", "this", "which", "who", "also",
    "still", "already", "even", "well", "almost", "upwards", "per", "plus", "minus", "via", "like", "into",
    "onto", "toward", "towards", "against", "among", "amid", "despite", "without", "beyond", "below",
    "above", "behind", "versus", "vs", "what", "how", "why", "not", "never", "now", "once", "twice",
    "further", "extra", "additional", "average", "record", "high", "low", "new", "old", "top", "bottom",
    "page", "usd", "eur", "gbp", "jpy", "chf", "rs", "sfr",
    "spring", "summer", "autumn", "winter", "christmas", "easter",
    *MONTHS, *(d.lower() for d in WEEKDAYS),
}

# Function words that end a noun phrase (what a figure counts).
STOP = set("""
a an the of in on at to for with by from and or but nor as than that which who whom whose what when where why how
is are was were be been being am has have had do does did will would could should may might must can shall
this these those it its their his her our my your they them he she we you i me him us there here
not no nor so such very more most less least much many few each every all both either neither some any other
another up down out into onto over under about around after before since until during between among through
per via off upon within without across against toward towards beyond above below near
said says say told tells according also just only still even already yet again then now
if while because though although unless whether once ago later earlier
despite including excluding amid amidst like unlike plus minus versus whereas
""".split())
# Verbs that often follow a number in news ("1,000 died", "a survey of 2,000 shows").
VERBS = set("""
died die dies killed kill injured wounded hurt arrested fled left lost lose loses lost won win wins
rose rise rises risen fell fall falls fallen grew grow grows went go goes came come comes
shows show showed suggest suggests suggested means mean meant remain remains remained seem seems
appear appears look looks looked face faces faced took take takes made make makes get gets got
voted vote votes signed sign signs attended attend attends saw see sees joined join joins took
received receive receives work works worked live lives lived need needs needed want wants wanted
cut cuts go gone turned turn turns took bought sold spent earned hopes expects plans aims intends
seen been given taken leaves gives keeps holds puts sees
""".split())
IRREGULAR_PLURALS = {"people", "men", "women", "children", "staff", "police", "personnel", "cattle", "sheep",
                     "fish", "deer", "troops", "data", "media", "feet", "teeth", "mice", "geese",
                     "livestock", "aircraft", "offspring", "clergy"}

# Number words that say "how much" but no exact value: "dozens of", "hundreds of thousands".
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
         "billions": 1_000_000_000, "tens": 10}
