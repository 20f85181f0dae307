"""The crisis detector's words: closed classes for normalising what people type, the word
classes its patterns are built from, the patterns themselves, and the idioms that are not
crises (see ``crisis.py`` for how they are used and why each is a closed class)."""

from __future__ import annotations

import re

from linkwell.text import stem

URGENT, AT_HOME, SOMEONE = ("feelings.urgent", "safety_rights.safe_at_home",
                            "safety_rights.worried_about_someone")

# --- Normalisation: closed classes ---------------------------------------------------------
# Case matters only here: "SI" in a link worker's note is suicidal ideation, "si" is not.
ABBREVIATIONS = {"SI": "suicidal ideation", "DA": "domestic abuse", "DV": "domestic violence",
                 "OD": "overdose", "SH": "self harm", "DSH": "self harm", "Pt": "patient",
                 "PT": "patient"}
ABBREVIATION = re.compile(r"\b(" + "|".join(ABBREVIATIONS) + r")\b")
CONTRACTION = re.compile(r"n['’]t\b|['’](?:ll|re|ve|m|d|s)\b", re.IGNORECASE)
CONTRACTIONS = {"n't": " not", "'ll": " will", "'re": " are", "'ve": " have", "'m": " am",
                "'d": " would", "'s": " s"}
SENTENCES = re.compile(r"[.!?;:\n]+|\s[-–—]+\s")
DIGIT_IN_WORD = re.compile(r"(?<=[a-z])([24])(?=[a-z]{2})", re.IGNORECASE)  # "want2die"
LAUGHTER = re.compile(r"[\U0001F600-\U0001F64F\U0001F923]")
# Everyday text-speak and spoken spellings of English words ("_" is a space): how people type,
# not what they mean, so the matcher reads the story through them too (matcher/spelling.py).
SPOKEN_FORMS = dict(pair.split("=") for pair in """wud=would cud=could shud=should lyk=like
    u=you ur=your r=are n=and wanna=want_to wana=want_to gonna=going_to gna=going_to
    gotta=got_to wnt=want wnat=want jus=just jst=just wen=when wid=with wiv=with wif=with
    av=have bout=about abt=about cos=because coz=because cuz=because every1=everyone
    sum1=someone some1=someone no1=no_one any1=anyone m8=mate ppl=people peeps=people pls=please
    plz=please thx=thanks thnx=thanks tbh=to_be_honest sumthing=something
    sumfing=something summat=something nuffin=nothing nothin=nothing rly=really luv=love
    lil=little dunno=do_not_know nite=night 2nite=tonight 2night=tonight tonite=tonight
    2day=today 2moro=tomorrow 4ever=forever b4=before""".split())
# Text-speak, contractions typed without an apostrophe, and US spellings ("_" is a space).
TEXT_SPEAK = SPOKEN_FORMS | dict(pair.split("=") for pair in """ca=can wo=will sha=shall
    cant=can_not dont=do_not
    wont=will_not didnt=did_not doesnt=does_not isnt=is_not arent=are_not wasnt=was_not
    werent=were_not havent=have_not hasnt=has_not hadnt=had_not wouldnt=would_not
    couldnt=could_not shouldnt=should_not aint=am_not im=i_am ive=i_have hes=he_s shes=she_s
    whats=what_s theres=there_s thats=that_s youre=you_are theyre=they_are hed=he_would
    b=be dnt=do_not cnt=can_not bf=boyfriend
    gf=girlfriend hubby=husband bro=brother sis=sister mom=mum mam=mum neighbor=neighbour
    neighbors=neighbours ded=dead od=overdose sh=self_harm unalive=kill
    unaliving=killing unalived=killed anymore=any_more""".split())
NUMBER_WORDS = {"2": "to", "4": "for"}  # "i wnt 2 end it", but not "2 days"
UNITS = frozenset("""day days week weeks month months year years hour hours minute minutes
    km kms mile miles times pm am of x or and""".split())
NUMBERS = frozenset("one two three four five six seven eight nine ten few couple several a".split())
REFLEXIVE_JOINS = {"my": "myself", "her": "herself", "him": "himself", "your": "yourself",
                   "them": "themselves", "it": "itself"}



# --- Word classes and patterns (surface words, stemmed when compiled; "_" joins words) -----
KIN = {"f": """mum mother sister daughter wife girlfriend nan nana gran granny grandma
           grandmother aunt auntie niece woman lady girl granddaughter stepmum stepdaughter""",
       "m": """dad father son brother husband boyfriend grandad granddad grandpa gramps
           grandfather uncle nephew man lad boy grandson stepdad stepson""",
       "n": """friend mate neighbour child children kid baby toddler teenager grandchild
           grandchildren grandkids grandparent family cousin parent partner ex someone
           somebody carer lodger flatmate colleague fiance spouse"""}
RELATIONS = " ".join(KIN.values())
FIRST_PERSON = frozenset("i me myself we us ourselves".split())
NOTES_SELF = {"patient": "n", "client": "n", "user": "n", "mr": "m", "mrs": "f", "ms": "f",
              "miss": "f"}  # who a link worker's notes are about: the person themselves
PRONOUNS = {"she": "f", "her": "f", "herself": "f", "he": "m", "him": "m", "himself": "m",
            "his": "m", "they": "n", "them": "n", "their": "n", "themselves": "n"}
CLASSES: dict[str, str] = {
    "REFL": "myself herself himself themselves themself",
    "HARM": """kill hurt harm cut slit slash burn hang stab poison starve drown shoot injure
        punish strangle suffocate end top""",
    "AGENT": "he she they staff in_laws " + RELATIONS,
    "FEARED": """him them husband wife partner boyfriend girlfriend ex fiance spouse son
        daughter dad father mum mother stepdad stepmum brother family in_laws""",
    "ABUSE": """hit beat punch kick slap push shove strangle choke rape hurt threaten attack
        assault abuse batter bully stalk harass smack bite stab kill murder throttle grab
        drag spit headbutt terrorise intimidate molest shout scream isolate pin""",
    "HURT": """hit beaten punched kicked slapped abused attacked assaulted raped threatened
        strangled battered pushed choked stabbed""",
    "ABUSED": "neglected exploited groomed scammed trafficked bullied starved",
    "VICTIM": "me us her him them", "KIN": RELATIONS,
    "DET": "my his her their the a an our this that",
    "MED": """tablets pills meds medication medicines paracetamol painkillers insulin
        antidepressants codeine cocodamol""",
    "NEG": "not no never nt without denies nothing barely hardly",
    "DESIRE": "want wish like rather ready hope plan tempted intend decided try attempt urge",
    "FILL": "to just really simply honestly actually so be i was were am want like",
    "ADV": """very really so physically verbally emotionally financially sexually quite
        extremely and often sometimes always increasingly getting more""",
    "LIFE": """live life go_on carry_on go_on_living carry_on_living keep_living be_alive
        being_alive be_here being_here exist keep_going wake_up be_around be_in_this_world""",
    "FEAR": "scared afraid frightened terrified fear petrified unsafe not_safe not_feel_safe",
    "EAT": "eat eaten ate meal food drink drunk drank fluids water",
    "EATFILL": """anything properly a thing meal proper at all much food for in the last past
        over about nearly almost more than or and drink like to of real decent hot just
        had have been water since""",
    "DAYS": "days weeks fortnight months ages",
    "WEEKDAY": "monday tuesday wednesday thursday friday saturday sunday yesterday last",
    "HIGH": """bridge building roof cliff train tower balcony window car_park motorway lorry
        bus platform ledge""",
    "BODY": "arms wrists legs thighs skin body forearms stomach",
    "MONEY": "money pension bank card benefits wages passport savings salary account cash purse",
}
# (kind, pattern, flags). Kinds: "self" (suicide, self-harm), "neglect" (self-neglect),
# "abuse" (someone harming the victim), "risk" (a third party at risk: nothing when it is the
# speaker), "cue" (one sign of self-neglect: two about one person make a finding).
# Flags: n = negation drops it; t = a bare topic word; x = an accident is not it;
# p = the victim is whoever owns the agent ("her sister's partner is violent"), else self;
# q = a passive: "is hit", not "the crisis is hitting me" (stems hide the -ing).
# {G3}: up to three words; {A4}: up to four with no other agent; {END}: end of clause;
# {WHOM}: "her children" or "her"; (?P<v>...) names the victim, (?P<a>...) the agent.
RULES: list[tuple[str, str, str]] = [
    ("self", r"{HARM} (?:{G2})?(?P<v>{REFL})", "nx"),
    ("self", r"(?:end|take|took|finish|attempt on) (?:with )?(?:(?P<v>my|her|his|their) )?"
             r"(?:own )?life", "n"),
    ("self", r"end (?:it|things|everything) all|(?:end|finish) (?:it|things|everything)(?:{END}"
             r"| tonight|"
             r" now| today| soon| this| for good| forever| here)", "n"),
    ("self", r"{DESIRE} (?:{FILL} ){0,3}(?:die|death|be dead|dead)(?! (?:of|for|laugh|than)\b)|"
             r"(?:think|thought) (?:about|of|to) (?:{G1})?(?:die|death|ending it)|better "
             r"(?:off )?(?:i am |i was |i were |to be |be )?dead|(?:want|wish|going|plan) (?:to )?"
             r"(?:kill|hurt|harm) (?P<v>me)", "n"),
    ("self", r"{NEG} (?:{FILL} ){0,2}(?:want|wish|like|rather|care) (?:{FILL} ){0,2}{LIFE}"
             r"{LIFE_END}|wish (?:{G3})?(?:not|never) (?:{G1})?(?:woken|woke|wake|born)", ""),
    ("self", r"(?:sleep|asleep|disappear|vanish|go away) (?:{G2})?(?:forever|for good|and "
             r"never wake|and not wake)|never wake up{LIFE_END}", "n"),
    ("self", r"point (?:in |of )?(?:{LIFE}|any of it)|(?:no|nothing|any) (?:reason|purpose) "
             r"(?:(?:to|for|left|any|more) ){0,2}(?:{LIFE})|nothing (?:left )?to live for|not "
             r"worth (?:living|it any more|going on)", ""),
    ("self", r"(?:tired|sick|had enough|done) (?:of|with) (?:living|life|being alive)|want "
             r"(?:it|everything|the pain) (?:all )?to stop|no way out|(?:see|find) a way out|"
             r"life (?:is|s|feels|seems) (?:{ADV} )?(?:pointless|meaningless|hopeless|not "
             r"worth|over)|"
             r"(?:wish|hope|pray) (?:{G4})?(?:would|will|could) (?:hit|kill|take) me|(?:google|"
             r"search|look up|research|read) (?:{G2})?(?:how many|how much|ways to|how to|the "
             r"best way to) (?:{G3})?(?:{MED}|die|kill|overdose|hang|end)", "n"),
    ("self", r"(?:not|nt|never) (?:{G3})?be (?:here|around) (?:{G1})?(?:much longer|for long|"
             r"for christmas|next (?:week|month|year)|by (?:the|next)|to see)|can not face "
             r"(?:another day|tomorrow|life|living|going on|it any more)", ""),
    ("self", r"can not (?:go on|carry on|keep going|live like this){LIFE_END}|can not (?:cope|"
             r"take it|take this|do this|do it) (?:any more|no more)|can not keep (?:myself )?"
             r"safe", ""),
    ("self", r"(?:better|happier) (?:off )?(?:without (?P<v>me)|if (?P<w>i) (?:was|were|am) "
             r"(?:not (?:here|around|alive|there|in the way)|gone|dead))|better (?:off |for "
             r"(?:everyone|everybody|them|all|my family) )?if (?P<x>i) (?:die|died|was dead|"
             r"am dead|was gone|disappear)|(?:nobody|no one) (?:would |will )?(?:miss me|"
             r"notice if i|care if i)|not care if i die|(?:am|feel|feel like) (?:such )?a "
             r"burden", "n"),
    ("self", r"(?:stockpile|hoard|save|collect|stash|hide|hid|store) (?:up )?(?:(?!for )"
             r"[^ |]+ ){0,2}{MED}|(?:take|took|taken|swallow) (?:{G1})?(?:\d+|twenty|thirty|"
             r"fifty|all|too many|a load of|loads of|lots of|a handful of|a bottle of|a box of|"
             r"the whole|every|a pack of) (?:(?:of|my|the|her|his) ){0,2}{MED}|(?:put|set|"
             r"keep|kept|hold|held) (?:(?:my|the|some|all|her|his) ){0,2}{MED} (?:aside|by|"
             r"back)", "n"),
    ("self", r"jump (?:off|from|in front of|under) (?:{G3})?{HIGH}|{HIGH} (?:{G6})?jump|"
             r"(?:step|walk|throw myself|lie) (?:{G1})?in front of (?:{G1})?(?:train|bus|lorry"
             r"|car|truck)|use (?:{G3})?on (?:(?P<v>{REFL})|(?P<w>my|her|his) {BODY})|self "
             r"(?:inflicted|injury)|death wish|do something (?:stupid|silly|drastic)|ligature|"
             r"noose|been (?:{G1})?cutting(?:{END}| again)", "nx"),
    ("self", r"(?:cut|slit|slash|burn|scratch|stab|carve) (?:{G2})?(?:on |in |into )?(?P<v>my|"
             r"her|his|their) (?:own )?{BODY}|(?:letter|note|message|video) (?:{G6})?(?:goodbye|"
             r"farewell)|(?:goodbye|farewell) (?:letter|note|message)|(?:say|said) (?:my "
             r"goodbyes|goodbye to (?:everyone|the world|my family|you all))", "nx"),
    ("self", r"suicide|suicidal|overdose|self harm|killing myself", "nt"),
    ("neglect", r"{NEG} (?:{G4})?{EAT} (?:{EATFILL} ){0,4}(?:(?:\d+|one|two|three|four|five|"
                r"six|seven|a|couple|few|several|many) (?:of )?)?{DAYS}(?! old\b)|{NEG} "
                r"(?:{G3})?{EAT} (?:{EATFILL} ){0,3}since {WEEKDAY}|stop (?:eating|drinking)"
                r"(?:{END}| and| or| properly| altogether| completely)|not taking (?:any )?"
                r"fluids|can not remember (?:{G2})?(?:last time|when) (?:i|he|she) (?:ate|"
                r"had a meal)", ""),
    ("neglect", r"self neglect|neglecting (?P<v>self|{REFL})|(?:can not|unable to|not able to)"
                r" (?:look after|care for) (?P<w>{REFL})|(?:stop|given up|gave up) (?:{G1})?"
                r"(?:looking after|caring for|caring about) (?P<x>{REFL})", "n"),
    ("cue", r"(?:not|nt|never|no longer|stopped) (?:{G2})?(?:eating|washing|drinking|opening "
            r"(?:the |his |her |my )?post|get out of bed|taking (?:my|his|her) (?:{G1})?"
            r"(?:insulin|medication|tablets))|lost (?:{G2})?(?:stone|weight|kilos)|not care "
            r"(?:any more|about anything)|squalor|filthy", ""),
    ("abuse", r"(?P<a>{AGENT}) (?:{A8})?{ABUSE} (?:up |around |about |round )?(?:at |to |toward"
              r" |towards )?(?P<v>{WHOM})|(?P<b>{AGENT}) (?:{A4})?(?:throw|threw) (?:{G2})?at "
              r"(?P<w>{VICTIM})|(?:throw|threw) (?P<x>me|her|him) (?:against|across|down|into|"
              r"onto|off)", ""),
    ("abuse", r"(?P<a>{AGENT}) (?:{A4})?(?:not|never) (?:let|allow) (?P<v>{VICTIM}) (?:to )?"
              r"(?:{G1})?(?:leave|go|see|out|have|work|talk|speak|use|phone|call|visit|meet)|"
              r"(?P<b>{AGENT}) (?:{A4})?(?:lock (?P<w>{VICTIM})|keep (?P<x>{VICTIM}) locked) "
              r"(?:in|out|up)", ""),
    ("abuse", r"(?P<a>{AGENT}) (?:{A4})?(?:force|make|made|pressure) (?P<v>{VICTIM}) (?:to )?"
              r"(?:have sex|sleep with|marry|wed)|(?P<b>{AGENT}) (?:{A4})?(?:steal|stole) from "
              r"(?P<w>{WHOM})|taking advantage of (?P<x>{WHOM})", ""),
    ("abuse", r"(?P<a>{AGENT}) (?:{A4})?(?:take|took|steal|stole|keep|empty|emptied|spend) "
              r"(?:all )?(?:of )?(?:(?P<v>my|her|his|their|our)|(?:{DET} )?(?P<y>{KIN}) s) "
              r"(?:{G1})?{MONEY}|(?P<b>{AGENT}) "
              r"(?:{A4})?(?:take|took|steal|stole) (?:{G1})?{MONEY} from (?P<w>{WHOM})", ""),
    ("abuse", r"(?P<a>{AGENT}) (?:{A4})?(?:control|check|track|monitor|read|go through) "
              r"(?:{G1})?(?:everything|what i|who i|where i|my money|all the money|the money|"
              r"my phone|her phone|my messages|my location|every receipt)|(?P<b>{AGENT}) "
              r"(?:{A4})?(?:threaten to|follow me) (?:take|kill|hurt|throw|report|harm|leave|"
              r"tell|everywhere|send|deport|have me)", "p"),
    ("abuse", r"(?P<a>{AGENT}) (?:s )?(?:(?:is|s|gets|can be|becomes|was|are) )?(?:{ADV} )"
              r"{0,3}(?:violent|violence|abusive|aggressive|dangerous)", "p"),
    ("abuse", r"{FEAR} (?:{G2})?of (?:{DET} )?(?P<a>{FEARED})|{FEAR} (?:{G3})?(?:at home|in "
              r"(?:my|her|our) (?:own )?(?:house|home|flat)|to go home|going home|for (?:my|"
              r"her|his) (?:safety|life))|walk on eggshells", "n"),
    ("abuse", r"bruises (?:{G3})?(?:from|because of|caused by) (?:{DET} )?(?P<a>{AGENT}|him)|"
              r"coercive|coercion|controlling behaviour|forced marriage|abusive (?:{G1})?"
              r"(?:relationship|marriage|partner|husband|wife|boyfriend|girlfriend)", "nt"),
    ("abuse", r"(?:is|are|was|were|be|get|got|been|s) (?:(?:{ADV}|being|been|getting) ){0,2}"
              r"{HURT}(?! by (?:a|the) (?:car|bus|van|lorry|bike|ball|train)\b)", "xq"),
    ("risk", r"(?:is|are|was|were|be|get|got|been|s) (?:(?:{ADV}|being|been|getting) ){0,2}"
             r"{ABUSED}|(?:made|forced|groomed|used) to (?:sell|deliver|carry|move|marry|have "
             r"sex|work)|county lines|(?:not|never|nt) (?:{G1})?(?:fed|washed|changed|looked "
             r"after)|in (?:her|his|their) own (?:mess|urine|faeces|filth)", "xq"),
    ("risk", r"(?:left|leave) (?:(?P<v>{WHOM}) )?(?:{G2})?(?:alone|on (?:their|his|her) own|"
             r"unsupervised|by themselves|home alone|without food|in bed all day)", "n"),
    ("risk", r"(?:nobody|no one|not (?:{G2})?anyone) (?:{G3})?(?:feed|give|bring|check on|"
             r"look after|care for|visit|seen|heard from) (?P<v>{WHOM})|(?:not|nobody|no one) "
             r"(?:{G2})?been (?:seen|heard from) (?:{G2})?(?:for|in) (?:{G1})?{DAYS}", ""),
    ("risk", r"hungry|bruises|bruised|starving|malnourished|squalor|filthy|(?:not|nt) (?:{G1})?"
             r"(?:eating|washing|drinking|opening (?:the |his |her )?post|getting out of bed)",
     "x"),
]
# Idioms and hyperbole, a closed class, matched on words before stemming and masked.
IDIOMS = [r"dying (?:to|for|of)", r"to die for", r"died? (?:of|laughing|than)", r"drop dead",
          r"laugh(?:ed|ing)? (?:till|until|til) (?:i|we) (?:died|cried)", r"over my dead body",
          r"(?:bored|sick|scared|worried|frightened) to death", r"killer", r"hope to die",
          r"dead (?:keen|tired|easy|against|ringer|shot|end|beat|set|serious|good|funny|loud|"
          r"right|lucky|quiet|heavy|on|certain|proud)", r"kill(?:ing|ed)? (?:for|time|two|it)",
          r"(?:is|are|was|were|s|am) (?:\S+ )?killing me", r"murdered (?:that|the|it)",
          r"kill(?:ed|ing)? (?:my|him|her|them)sel(?:f|ves) laughing", r"lol", r"smash hit",
          r"(?:could|would) (?:murder|kill) (?:a|for)", r"(?:will|would|going to) kill me if",
          r"beat(?:s|en|ing)? (?:me|us|him|her) (?:at|in|to)", r"end of my tether",
          r"push(?:es|ed|ing)? (?:me|her|him) (?:in|on|round|around) (?:my |her |his |the |a )?"
          r"(?:wheelchair|chair|pram|swing|buggy)", r"push(?:es|ed|ing)? (?:me|us|her|him|them) "
          r"(?:to|into)", r"cut a long story short", r"(?<!took an )(?<!taken an )(?<!take an )"
          r"overdos(?:e|ed|ing) (?:on|of) (?!(?:\S+ ){0,2}(?:pills?|tablets?|meds?|medication|"
          r"medicines?|paracetamol|drugs|insulin)\b)\S+",
          r"(?:phone|battery|tablet|laptop|car|plants?|flowers?|computer|ipad) (?:died|dying|"
          r"(?:is|s|are|was) (?:dead|dying))", r"cut (?:my|him|her|them)sel(?:f|ves) off",
          r"rather (?:die|be dead) than", r"pushed for time", r"choked up", r"groomed for",
          r"hit(?:s|ting)? (?:me|us|him|her) up", r"hit(?:s|ting)? (?:me|us|him|her) with "
          r"(?:questions?|news|the news|jokes|requests|demands|facts|a question|bad news)",
          r"kill(?:s|ed|ing)? (?:me|us) with (?:\S+ )?(?:jokes|kindness|humour|stories|cooking)",
          r"hit (?:the|a) (?:jackpot|gym|books|shops|pub|road|ball|nail|roof|wall|hay|bottle)"]
REPORTED = re.compile(r"(?:said|says|say|threaten\w*|told|tells|swore|warned) (?:\S+ ){0,3}$")
PAST = re.compile(r"\b(?:years|decades) ago\b|\ba long time ago\b|\bin my (?:teens|twenties|"
                  r"thirties)\b|\bas a (?:teenager|child|kid)\b|\bwhen (?:i|we) (?:was|were) "
                  r"(?:young|younger|little|kids|children|teenagers|at school)\b")
RESOLVED = re.compile(r"\b(?:now|remarried|happy|safe|sober|recovered|fine|doing well|laugh "
                      r"about it|over it|behind me|moved on)\b")


def stems(words: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words.split())


ACCIDENT = stems("""accident accidentally shaving chopping cooking oven fell falling slipped
    tripped crash cricket football eczema itch rash iron kettle stove hob pan tin grater
    ladder ice bramble thorn nettle glass""")
FICTION = stems("thriller novel film movie documentary drama soap podcast game programme telly")
TOPIC_BEFORE = stems("""documentary film course training talk event charity volunteer
    work job career article research campaign programme podcast lecture module conference
    awareness fundraising read watched learn study raise raised donate money sponsor""")
TOPIC_AFTER = stems("""prevention awareness training charity service team worker helpline
    line course event campaign research statistics policy lead officer board group cafe
    project refuge shelter fund appeal bereavement loss survivors""")
TOPIC_WORDS = frozenset("about on in with for at into".split())
NEGATORS = stems("not no never nt without denies denied")
PLURAL_KIN = stems("children kids grandchildren grandkids neighbours parents grandparents")
GENDERED_KIN = {g: stems(words) for g, words in KIN.items()}
CONCEPTS = {("self", "self"): [URGENT], ("self", "other"): [SOMEONE, URGENT],
            ("neglect", "self"): [URGENT], ("neglect", "other"): [SOMEONE],
            ("abuse", "self"): [AT_HOME], ("abuse", "other"): [SOMEONE],
            ("risk", "self"): [], ("risk", "other"): [SOMEONE],
            ("someone", "self"): [SOMEONE], ("someone", "other"): [SOMEONE]}
SYNONYM_KINDS = {URGENT: "self", AT_HOME: "abuse", SOMEONE: "someone"}
