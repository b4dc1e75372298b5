"""Word lists shared by the quote and attribution rules (cue verbs, titles, pronouns...).

Shared by quotes.py, attribution.py and reported.py: add rows, keep one place per idea.
"""
from __future__ import annotations

# ---- speech cue verbs (all inflections listed: lookups are exact, lower-case) ----
# Verbs that introduce or tag speech in news copy ("said", "told reporters", "wrote").
CUE_VERBS = frozenset("""
say says said saying told tell tells telling add adds added adding ask asks asked asking
write writes wrote writing explain explains explained note notes noted continue continues continued
state states stated declare declares declared insist insists insisted argue argues argued
warn warns warned recall recalls recalled reply replies replied respond responds responded
tweet tweets tweeted post posts posted acknowledge acknowledges acknowledged admit admits admitted
announce announces announced claim claims claimed concede concedes conceded complain complains complained
suggest suggests suggested predict predicts predicted joke jokes joked quip quips quipped
remark remarks remarked observe observes observed emphasize emphasizes emphasized emphasised
stress stresses stressed caution cautions cautioned urge urges urged counter counters countered
recount recounts recounted testify testifies testified reiterate reiterates reiterated
proclaim proclaims proclaimed boast boasts boasted lament laments lamented muse muses mused
promise promises promised vow vows vowed pledge pledges pledged confirm confirms confirmed
deny denies denied charge charges charged allege alleges alleged maintain maintains maintained
contend contends contended assert asserts asserted read reads shout shouts shouted yell yelled
whisper whispered scream screamed cry cried exclaim exclaimed chant chanted sing sang
explain explained describe describes described call calls called dismiss dismisses dismissed
label labels labeled labelled dub dubs dubbed term terms termed deride derided brand branded
decry decries decried blast blasts blasted slam slams slammed praise praises praised
criticize criticizes criticized criticise criticised mock mocks mocked pointed
conclude concludes concluded report reports reported told write wrote opine opined
agree agrees agreed disagree disagreed hint hinted answer answers answered interject interjected
offer offers offered begin began ended demand demands demanded plead pleaded pled
reason reasoned summarize summarized repeat repeats repeated echo echoed
assure assures assured react reacts reacted retort retorted snap snapped scoff scoffed fume fumed
yelling shouting screaming tweeting declaring announcing warning insisting arguing explaining
noting asking telling stating claiming joking quipping adding writing recalling replying responding
crack cracks cracked riff riffed chime chimed interject interjects lecture lectured lecturing
commented affirm affirms affirmed bark barks barked gush gushes gushed
brag brags bragged gripe gripes griped deadpan deadpans deadpanned mutter mutters muttered
murmur murmured grumble grumbles grumbled growl growled thunder thundered sneer sneered
stammer stammered rave raves raved rant rants ranted beam beamed
question questions questioned pressed wonder wonders wondered interrupt interrupted
retaliate retaliated exhort exhorts exhorted
""".split())

# Cue verbs that only quote a word or phrase ("dismissed the plan as 'delusional'").
LABEL_VERBS = frozenset("""
call calls called calling describe describes described describing dismiss dismisses dismissed
label labels labeled labelled dub dubs dubbed term terms termed brand brands branded
characterize characterizes characterized deride derides derided decry decries decried
refer refers referred cite cites cited citing vow vowed promise promised pledge pledged
""".split())

# ---- pronouns that can be a speaker mention ----
PERSONAL_PRONOUNS = {"he": "m", "she": "f", "they": "p", "i": "1", "we": "1p", "it": "n"}
MALE_WORDS = frozenset("he him his himself mr. mr sir king prince father son brother husband congressman".split())
FEMALE_WORDS = frozenset("she her hers herself mrs. mrs ms. ms miss madam queen princess mother daughter sister wife congresswoman".split())

# ---- titles and roles written before or after a name ----
HONORIFICS = frozenset("""
mr. mrs. ms. miss dr. prof. sen. rep. gov. lt. gen. col. maj. capt. adm. sgt. cpl. pvt. gen
mr mrs ms dr prof sen rep gov rev. rev fr. sir dame lord lady
""".split())
TITLE_WORDS = frozenset("""
president vice secretary senator sen. representative rep. congressman congresswoman governor gov.
mayor minister chancellor premier king queen prince princess pope judge justice chief
spokesman spokeswoman spokesperson director chairman chairwoman chair ceo founder co-founder
leader speaker ambassador envoy general admiral commander colonel captain sergeant officer
attorney lawyer professor economist analyst strategist adviser advisor aide coordinator
candidate nominee host anchor correspondent editor reporter author columnist commissioner
sheriff councilman councilwoman councilmember delegate deputy manager executive head
secretary-general prosecutor detective inspector superintendent dean president-elect
administrator treasurer comptroller auditor trustee provost chancellor
""".split())
# Lower-case nouns of an occupation or role written right before a name ("pollster Daron Shaw").
ROLE_NOUNS = frozenset("""
consultant pollster activist organizer businessman businesswoman historian scientist expert researcher
veteran voter resident supporter operative donor fundraiser physician surgeon pastor rabbi priest
lobbyist contractor entrepreneur investor banker developer teacher student
actor actress singer comedian filmmaker artist musician novelist
""".split())
# Lower-case words of a role before a name ("Obama pollster Cornell Belcher", "former senior
# adviser Jane Doe"): titles, occupations and their usual modifiers.
ROLE_WORDS = TITLE_WORDS | ROLE_NOUNS | frozenset("""
former senior top longtime acting interim campaign press communications policy political national
attorney-general presidential vice-presidential congressional gubernatorial state federal chief deputy
assistant executive general retired incoming outgoing current then-candidate
""".split())

# ---- unnamed speakers ----
# Head nouns of anonymous sources: "a diplomat familiar with the negotiations".
ANONYMOUS_NOUNS = frozenset("""
source sources official officials diplomat diplomats aide aides person people insider insiders
adviser advisers advisor advisors staffer staffers member members employee employees
""".split())
# Plural heads that make a collective speaker: "officials said", "Republicans argue".
GROUP_NOUNS = frozenset("""
officials sources people aides advisers advisors analysts experts critics supporters opponents
lawmakers legislators senators members voters residents protesters protestors activists
republicans democrats conservatives liberals leaders negotiators investigators prosecutors
economists scientists researchers officers police authorities diplomats staffers organizers
organisers observers witnesses parents students workers doctors lawyers attorneys
""".split())
# Heads of organisation speakers: "the White House said", "the company said".
ORG_WORDS = frozenset("""
house pentagon department ministry agency committee commission council campaign company
administration government office party union association institute university court
network news times post journal bureau board group corporation corp inc. inc foundation
organization organisation center centre service army navy police kremlin congress senate
parliament cabinet fund bank firm spokesperson statement report study poll survey ruling
""".split())

# ---- first names with a gender: a person signal and the referent of "he" / "she" ----
# Common given names only; names that are as often surnames in the news (Warren, Carter,
# Graham, Taylor) or either gender (Kim, Dana, Pat, Jordan) are left out on purpose.
MALE_FIRST_NAMES = frozenset("""
aaron adam alan albert alex alexander andrew anthony antonio ari arnold barack ben benjamin bernie
bernard bill billy bob bobby brad bradley brandon brett brian bruce bryan carl carlos charles charlie
chris christopher chuck clarence cory craig dan daniel danny darrell dave david dean dennis dick
don donald doug douglas duncan ed eddie edward elijah elliott eric evan frank fred gary gene george
gerald glenn gordon greg gregory harold harry henry howard ian jack jacob jake james jason jay
jeb jeff jeffrey jeremy jerry jesse jim jimmy joe joel john johnny jon jonathan jose joseph josh
joshua juan justin keith ken kenneth kevin kirk larry leon lloyd louis luis marco marc
mark martin matt matthew max michael mike mitch mitt mohammed muhammad nathan neil newt nick
nicholas orrin patrick paul pete peter phil philip ralph ray raymond reince richard rick rob
robert roger ron ronald roy rudy russell ryan sam samuel scott sean sherrod stephen steve steven
stuart ted terry thomas tim timothy todd tom tony travis trey troy tyler vladimir walter wayne
william willie xi yuri zach rand rahm reid harry mitchell vince wolf jared corey kellyanne
abdul abe abraham adrian ahmad ahmed al alberto alec alejandro alexei alfred alfredo ali allen
alonzo alvin amir andre andres andy angelo anton arthur austin avi barry bart bashar bennie benny bert
blake boris brendan brent brody bryce buck bud byron caleb calvin cameron cecil cedric chad chester
chet clark claude clay clayton clifford clint clyde cole colin conor connor conrad cornelius cornell
curt curtis cyrus dale damon darius darren darryl daryl denis denny derek derrick desmond devin dewayne
dexter diego dimitri dirk dmitry dominic donnie drew duane dustin dwayne dwight earl edgar edmund eduardo
edwin ehud eli elias elliot elmer emanuel emmanuel enrique erik ernest ernie ethan eugene everett ezra
fabian felipe felix fernando fidel floyd francis francisco franklin freddie frederick gabriel garrett
gavin geoffrey gerard gerry gilbert glen gonzalo grover gus hal hamid hank harlan harvey hassan hector
herbert herman hosni hugh hugo hussein ike ira irving isaac ivan jacques jaime jamal javier jed jeremiah
jerome joaquin joey johan jonah jorge josé julian julio kareem karl kelvin kent kermit khalid kurt kyle
lamar lance lawrence leo leonard leroy les lester lionel lonnie lorenzo lou lucas luke lyndon mahmoud
malcolm manuel marcus mario marty marvin maurice mauricio maxwell melvin micah miguel mikhail miles
milton mo mohamed mohammad morris moses murray mustafa naftali narendra nate nathaniel neal ned nigel
nikolai noah noel norman oliver omar orlando oscar otis owen pablo pedro percy perry pierre preston
quentin rafael ramon randall randy raul recep reggie reginald reuben rex ricardo richie ricky robbie
roberto rocco rod rodney rodrigo roland rolando ronnie ross ruben rudolph rupert russ salvador sammy
sanford saul sebastian sergei sergey sergio seth shane shaun shawn sheldon shimon shinzo sid sidney
silvio simon sonny stan stanley sterling stewart stu sylvester tad teddy terrence theo theodore thad
tobias toby trent trevor tucker ty tyrone vernon victor viktor vincent wade wallace walt wes wesley
wilbur willard winston woodrow wyatt yitzhak yusuf zachary zeke
""".split()) - {"kellyanne"}
FEMALE_FIRST_NAMES = frozenset("""
abigail alice alison allison amanda amy andrea angela angelique ann anna anne barbara betsy beverly
brenda carly carol caroline catherine cathy cheryl christina christine claire cynthia deborah
debbie debra denise diana diane donna dorothy elaine elizabeth ellen emily emma erin eva evelyn
dianne gabrielle gina gloria hannah heather heidi helen hillary holly huma irene jane janet janice
jean jeanne jennifer jessica jill joan joanne joni josephine joyce judith judy julia julie karen kate
katherine kathleen kathy kay kellyanne kimberly kirsten kristen laura lauren linda lisa
loretta lois lori louise madeleine margaret maria marie marilyn marsha martha mary megan megyn
melania melissa michelle michele mia nancy natalie nicole nikki olivia pam pamela patricia patty
paula peggy rachel rebecca rita roberta rose roseann ruth sally samantha sandra sara sarah sharon
shirley sonia stephanie susan suzanne tammy teresa theresa tina valerie vanessa victoria virginia
wendy whitney yvonne zoe condoleezza ivanka chelsea debbie elizabeth tulsi kamala tammy
abby ada adriana agnes aileen aisha alana alexandra alicia alisha allie alma alyssa amber amelia
amina ana angelina anita annette antoinette arlene ashley audrey ava barb beatrice becky belinda bella
bernadette bertha beth bethany betty bianca bonnie brandy bree brianna bridget brittany brooke camila
camille candace candice cara carla carmen carole carolyn cassandra cecilia celeste celia charlene
charlotte chloe christa christie christy cindy clara claudia colleen connie constance cora corinne
courtney crystal daisy daniela danielle darlene dawn deanna delia della delores dilma dolores dora doris
edith edna eileen elaina elena eleanor eliza ella ellie eloise elsa elsie emilia esther ethel eugenia
eunice federica felicia fiona florence frances francesca freda gail gayle geneva genevieve georgia
geraldine gertrude gladys glenda greta gwen gwendolyn haley harriet hazel helena hilda ilhan imelda inez
ingrid iris isabel isabella isabelle jacqueline jana janelle janine jasmine jeanette jeanine jenna jenny
jeri joann jocelyn jodi jody johanna jolene josefina juanita judi julianne juliet justine kaitlyn kara
karin karina kari karla katelyn katharine kathryn katie katrina kayla kelli kellie kelsey kendra kristin
kristina kristine krista kylie lana latoya laurie leah leila lena lila lillian lily liz liza lola lora
loraine lorena lorraine lucia lucille lucy luisa lydia mabel madeline mae maggie mallory mandy marcia
margarita margie mari marian marianne maribel marina marisa marissa marjorie marla marlene marta maureen
maxine maya meg melanie melinda melody mercedes meredith michaela mildred mindy miranda miriam misty molly
mona monica monique muriel myra nadia naomi natasha nellie nina nora norma olga omarosa paige patsy patti
paulette pauline penelope penny phyllis polly priscilla rachael ramona raquel regina renee rhonda
rochelle rosa rosalind rosalyn rosario rosemary roxanne ruby sabrina sadie selena serena shannon shauna
sheila shelby shelley sherri sherry sheryl silvia simone sofia sonya sophia sophie stacey stacy stella sue
susanna susie tamara tanya tara teri terri tess tessa thelma tiffany toni tonya tracey trisha ursula
vera veronica vicki vickie viola violet vivian wanda wilma yolanda yulia yvette
""".split())

# ---- places: a lone capitalized speaker word that is a place is no person ("Colorado said") ----
PLACES = frozenset("""
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho Illinois
Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi
Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont
Wisconsin Wyoming America Canada Mexico Cuba Britain England France Germany Italy Spain Russia China
Japan Korea India Pakistan Afghanistan Iran Iraq Syria Israel Egypt Turkey Ukraine Europe Asia Africa
Washington Chicago Boston Philadelphia Cleveland Detroit Atlanta Miami Houston Dallas Denver Phoenix
Seattle Baltimore Brussels London Paris Berlin Moscow Beijing Tokyo Jerusalem Baghdad Damascus Tehran
""".split())
