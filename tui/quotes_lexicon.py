"""Word lists of the light-weight named-entity finder used for quote speakers and sources."""

from __future__ import annotations

# Titles before a name; the value is the gender they imply ("" when none).
TITLES: dict[str, str] = {
    **{t: "" for t in """sen senator rep representative gov governor president vice secretary minister prime
    chancellor judge justice gen general adm admiral col colonel lt capt captain sgt sergeant rev reverend
    mayor chairman chair chairwoman speaker leader attorney commissioner director chief professor prof dr
    ambassador sheriff officer detective agent deputy coach pastor rabbi bishop cardinal sheikh
    ayatollah emir former candidate nominee ceo spokesman spokeswoman spokesperson host anchor correspondent
    pollster strategist adviser advisor aide analyst economist lawyer treasurer councilman councilwoman
    assemblyman assemblywoman congressman congresswoman senior lieutenant state u.s majority minority
    democratic republican democrat gop independent sens reps govs rival
    challenger incumbent businessman businesswoman billionaire activist then-candidate""".split()},
    **{t: "m" for t in "mr king prince sir lord father brother pope duke congressman spokesman chairman "
       "councilman assemblyman".split()},
    **{t: "f" for t in "mrs ms miss queen princess lady dame sister duchess congresswoman spokeswoman "
       "chairwoman councilwoman assemblywoman first_lady".split()},
}

# Words that make a capitalised sequence an organisation.
ORG_WORDS = frozenset("""department ministry agency party committee commission council office bureau service
administration court congress senate house parliament assembly association union institute foundation center
centre university college school campaign corporation corp inc company co group bank fund board authority
organization organisation network news times post journal tribune herald gazette press daily magazine review
radio television tv channel club coalition alliance caucus police force army navy command project trust
society league federation watch media poll polls research laboratory lab hospital church team industries
holdings partners capital llc ltd plc review observer telegraph guardian economist wire insider report
chronicle examiner sun star mirror independent express dispatch courier bulletin inquirer monitor
administration airlines motors systems technologies group reserve treasury pentagon kremlin cabinet
government republicans democrats embassy consulate council court tribunal commission""".split())

# Outlets and platforms that are organisations though no word above says so.
OUTLETS = frozenset("""reuters bloomberg politico axios breitbart cnn nbc abc cbs fox msnbc npr pbs ap afp
bbc upi cnbc hbo huffpost vox slate salon buzzfeed vice newsweek forbes fortune time wsj nyt usa-today
politifact factcheck.org gallup rasmussen quinnipiac ipsos yougov pew xinhua tass ria interfax al-jazeera
aljazeera""".split())

SOCIAL = frozenset("facebook twitter x bluesky instagram youtube tiktok threads truth social linkedin "
                   "telegram reddit mastodon substack snapchat weibo".split())

# Places: a capitalised word that is one of these is no person.
PLACES = frozenset("""america american americans alabama alaska arizona arkansas california colorado connecticut
delaware florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
massachusetts michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico york
carolina dakota ohio oklahoma oregon pennsylvania rhode tennessee texas utah vermont virginia washington
wisconsin wyoming chicago boston atlanta miami denver seattle detroit philadelphia houston dallas phoenix
baltimore cleveland brooklyn manhattan queens bronx los angeles san francisco diego las vegas orleans
britain england scotland wales ireland london paris berlin moscow beijing tokyo brussels rome madrid
china russia japan india france germany italy spain canada ukraine iran iraq syria israel gaza egypt
turkey brazil korea afghanistan pakistan europe asia africa cuba venezuela burma myanmar libya yemen
saudi arabia mexico qatar lebanon jordan australia poland sweden norway greece nato un eu us u.s uk
east west north south central capitol hill kabul baghdad damascus tehran kyiv kiev""".split())

# Capitalised words that start sentences or clauses but are no part of a name.
CAP_STOP = frozenset("""the a an but and or so yet for nor if when while after before since although though
because as at in on of to by with without from into about over under this that these those there here
then now still also however meanwhile instead indeed even just only already it its he she they we i you
his her their our your my me him them us who whom whose what which where why how one some many most
all both each every any no not neither either another other such more less much few several
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december today yesterday tomorrow tonight sept oct nov dec jan feb
aug yes no oh well like unlike despite during until unless whether than including
according asked said says told added wrote read god thanks please let let's what's it's that's there's
here's don't can't won't read more follow photo watch related listen click see following during despite asked
speaking citing noting adding referring responding given regarding amid among once whereas later earlier
instead indeed perhaps maybe although overall finally first second third last next""".split())

# First names whose gender is clear in news (a short seed; pronouns used near a name teach the rest).
MALE_NAMES = frozenset("""donald barack joe bill bernie mike michael john james robert david richard charles
thomas christopher daniel matthew anthony mark paul steven steve andrew kenneth joshua kevin brian george
edward ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry tyler aaron jose adam
henry nathan douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl
sean austin arthur lawrence bryan joe billy bruce albert willie gabriel alan
juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny mitch chuck ted marco
rand newt jeb rudy reince sean stephen vladimir xi emmanuel boris rishi keir olaf justin narendra benjamin
recep jair hunter tim nick rick rob tom jim ben dan matt jon greg ron tony ted
josh mitt marco reince rudy kurt hank earl lloyd ray roy howard dick newt luke mario carlos luis pedro
miguel antonio francisco javier rafael ali mohammed ahmed omar hassan ivan sergei dmitri igor andrei pierre jacques
francois hans karl friedrich giuseppe rahm cory beto pete elon jared stephen jeff jeffrey bret brett
lindsey_m kellyanne_f""".split())
FEMALE_NAMES = frozenset("""hillary nancy elizabeth kamala michelle melania ivanka sarah mary patricia jennifer
linda barbara susan jessica karen lisa betty margaret sandra ashley kimberly emily donna carol ruth sharon
michelle laura amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra
rachel carolyn janet catherine maria heather diane julie joyce victoria christina lauren joan evelyn
olivia judith megan cheryl martha andrea frances hannah jacqueline ann gloria kathryn alice teresa
sara janice doris madison julia grace judy abigail marie denise beverly amber theresa marilyn danielle
diana brittany natalie sophia rose isabella alexis kayla charlotte kellyanne sheryl condoleezza madeleine
theresa angela ursula marine giorgia liz kirsten tammy claire dianne debbie amy tulsi nikki sonia ruth
elena lisa susan jill kathy huma chelsea gennifer alicia melanie sheila maxine gwen heidi loretta 
ivana tiffany jane janet valerie wendy whitney paula carla rosa lucia ana carmen isabel
sofia fatima aisha olga irina natalia svetlana marta monica veronica vanessa yvonne nina tara tina hilary
betsy kristen kirstjen kristi marsha joni susana ilhan alexandria rashida ayanna lauren""".split())


# Capitalised words for groups of people and other things that are no single person.
NON_PERSONS = frozenset("""americans african-americans african-american africans hispanics latinos latinas
latinx democrats republicans europeans asians muslims christians jews catholics evangelicals mexicans
russians chinese iranians israelis palestinians ukrainians syrians iraqis afghans koreans japanese germans
french british britons italians canadians indians arabs kurds sunnis shiites whites blacks conservatives
liberals progressives independents millennials senators congressmen governors
american african asian european russian chinese british french german iranian israeli palestinian mexican
canadian ukrainian syrian iraqi afghan korean japanese indian arab kurdish muslim christian jewish catholic
democratic republican conservative liberal progressive western eastern northern southern federal national
god lord christ jesus allah internet web covid obamacare medicare medicaid brexit""".split())
