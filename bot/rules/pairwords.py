"""The words that tie two states into one party, or stand for the two: what may stand
between two states written together ("India and Japan", भारत आणि जपान), what makes a run a
longer list ("and others", など), "counterpart", "both countries" in each language, and
the swap of prisoners that sets two states at odds (bot/rules/parties.py, actors.py,
counterparts.py and story.py read them)."""

from __future__ import annotations

import re

__all__ = ["ACROSS_AFTER", "ACROSS_BEFORE", "ACROSS_CJK", "BOTH", "CHOICE", "CHOOSING",
           "COMMISSIONING", "COUNTED", "COUNTERPART", "DEVANAGARI", "DEVANAGARI_AND",
           "DEVANAGARI_JOINERS", "GOVERNMENT", "GOVERNMENT_DEVANAGARI", "JOINED",
           "JOINING", "JOINING_CJK", "LISTED", "OTHERS", "OTHERS_CJK", "OWN_FORCES",
           "PACTS", "PARTNER", "PARTNER_CJK", "SHIP", "TITLE_CJK", "TRADED", "VESSEL",
           "own_forces"]

# Words of a pair written together: at most this many words between two states.
JOINED = 2
# a state's own forces written after its name are part of it, not words between two
# states: "between the Australian Defence Force and the Japan Self-Defense Forces"
OWN_FORCES = frozenset(("navy", "army", "air", "force", "forces", "defence", "defense",
                        "military", "coast", "guard", "marine", "marines", "corps",
                        "troops", "maritime", "ground", "self"))
# the same in Hindi and Marathi, by stem, whatever case ending they carry ("भारतीय नौसेना
# और अमेरिकी नौसेना का मालाबार अभ्यास", "भारताचे नौदल आणि जपानचे नौदल"): the two navies are
# written together as much as "Indian and US navies" are
_OWN_FORCES_DEVANAGARI = ("नौसेन", "नौदल", "सेना", "सेने", "सैन्य", "लष्कर", "वायुसेन",
                          "हवाई", "दल", "थलसेन", "तटरक्षक", "सशस्त्र", "फौज", "फ़ौज",
                          "नेव्ही", "नेवी", "आर्मी", "फोर्स")
OTHERS = frozenset(("other", "others", "several", "etc"))
# pacts, more than one, with a run of states: one with each ("access agreements with
# Australia and Britain")
PACTS = frozenset(("agreements", "pacts", "accords", "deals", "treaties", "arrangements"))
# a run of two that a third state of the sentence joins ("France took part alongside India
# and the United States", "drills with India and Japan"): a group of three
JOINING = frozenset(("alongside", "with", "joined", "joining", "joins", "join", "among",
                      "including", "besides"))
# The far side of a table of three or more: two states written together as those whose
# officials or counterparts someone met ("met their US and Japanese counterparts", "sat
# down with officials from the United States and Japan", अमेरिकी और जापानी समकक्षों से,
# अमेरिका व जपानच्या अधिकाऱ्यांशी, 米国とインドの国防相を交えた) sit on one side with
# whoever met them (often "the two countries" of the story, named no other way): no pair.
# `ACROSS_BEFORE` ends where such a run begins (the words before it, joined by spaces),
# `ACROSS_AFTER` starts with the words after it, `ACROSS_CJK` right after it.
_PEOPLE = (r"(?:officials|counterparts|ministers|delegations|delegates|representatives|"
           r"envoys|diplomats|chiefs|commanders|leaders|secretaries|generals|admirals)")
ACROSS_BEFORE = re.compile(
    r"(?:^| )(?:with|met|meet|meets|meeting|joined|joining|hosted|hosting|received) "
    r"(?:(?:their|the|his|her|its|our|senior|top|visiting|defen[cs]e|foreign|military|"
    r"naval|navy) )*" + _PEOPLE + r" (?:from|of)(?: the)?$"
    r"|(?:^| )counterparts (?:from|of|in)(?: the)?$")
ACROSS_AFTER = re.compile(
    r"(?:(?:defen[cs]e|foreign|military|naval|navy|army|air force) )?counterparts(?: |$)"
    r"|(?:(?:के|की|च्या|यांच्या) )?(?:समकक्ष"
    r"|(?:अधिकारियों|प्रतिनिधियों|मंत्रियों|रक्षा ?मंत्रियों|विदेश ?मंत्रियों|नेताओं|"
    r"प्रतिनिधिमंडलों) (?:से|के साथ)(?: |$)"
    r"|(?:अधिकाऱ्यां|प्रतिनिधीं|(?:संरक्षण ?|परराष्ट्र ?)?मंत्र्यां|नेत्यां|"
    r"शिष्टमंडळां)(?:शी|सोबत|बरोबर))")
ACROSS_CJK = re.compile(r"の?[^\s、。はがをと]{0,8}?(?:を交え|も交え|と(?:の)?(?:会談|会合|協議|"
                        r"電話会談|意見交換))")
# two states one must choose between, or is caught between, are alternatives, not a pair
# acting together ("will not choose between Washington and Moscow"): `CHOICE` is the two
# words before such a run, `CHOOSING` finds them in a sentence
_CHOOSE = ("choose", "chooses", "choosing", "chose", "pick", "picking", "torn", "caught",
           "sandwiched", "squeezed", "balance", "balances", "balancing", "juggle",
           "juggling", "wedged", "hedge", "hedging")
CHOICE = frozenset((verb, "between") for verb in _CHOOSE)
CHOOSING = re.compile(rf" (?:{'|'.join(_CHOOSE)}) between(?= )")
DEVANAGARI = re.compile("[\u0900-\u097f]")
# "and", "or", "with" and the particles that may stand between two states written together
# (against another, only "and", "or": भारत ने इज़राइल की निंदा की, India condemns Israel)
DEVANAGARI_AND = frozenset(("और", "एवं", "तथा", "व", "आणि", "किंवा", "वा", "या", "तसेच"))
DEVANAGARI_JOINERS = DEVANAGARI_AND | {"के", "की", "का", "साथ", "सोबत", "संग", "से", "ने"}


def own_forces(word: str) -> bool:
    """Whether a word written after a state's name is that state's own forces."""
    return word in OWN_FORCES or word.startswith(_OWN_FORCES_DEVANAGARI)
# Hindi and Marathi attach their endings: समकक्षों, समकक्षांशी. A state's minister met
# "with" (Marathi -शी, -सोबत, -बरोबर; Hindi से, के साथ) stands across the table from the
# sentence's other party as a counterpart does: "संरक्षणमंत्र्यांनी अमेरिकेच्या
# संरक्षणमंत्र्यांशी चर्चा केली" (the minister spoke with the US defence minister)
COUNTERPART = re.compile(
    r" (?:counterparts?|समकक्ष[\u0900-\u097f]*)(?= )"
    # so does English "held talks with the Australian defence minister", "met Japan's
    # defence minister": the state is written after the word that meets it, or the
    # minister's name is ("met Defense Secretary Lloyd Austin", "called Secretary of
    # Defense ...": a name of the lexicon speaks for its state)
    r"| (?:with|met|meets|meeting|called|calls|phoned|hosted|hosts|received|receives)"
    r" (?:the |his |her |visiting )?(?:[a-z]+(?: s)? )?(?:(?:defen[cs]e|foreign|war) "
    r"(?:minister|ministers|secretary|chief)|secretary of (?:defen[cs]e|state|war))(?= )"
    r"| (?:संरक्षण|रक्षा|परराष्ट्र|विदेश|युद्ध) ?मंत्र[\u0900-\u097f]*(?:शी|सोबत|बरोबर)(?= )"
    # and so does a minister or a service chief named with the honorific यांच्या- before
    # the "with": "भारतीय लष्करप्रमुख जनरल ... यांच्याशी चर्चा केली"
    r"| (?:(?:संरक्षण|रक्षा|परराष्ट्र|विदेश|युद्ध) ?मंत्री|(?:लष्कर|नौदल|हवाई ?दल|वायुदल) ?प्रमुख)"
    r"(?: [\u0900-\u097f]+){0,4} यांच्या(?:शी|सोबत|बरोबर)(?= )"
    r"| (?:रक्षा|विदेश|युद्ध) ?मंत्री (?:से|के साथ)(?= )"
    # and a state's forces "with" whom a drill or talks are held: अमेरिकी नौदलासोबत सागरी
    # सरावही नियोजित आहे (a drill with the US Navy is planned), अमेरिकी नौसेना के साथ
    # अभ्यास करेगा; not "tension with China's navy" (no act after it); its ships too, and
    # its forces in the English words wire copy keeps (रॉयल ऑस्ट्रेलियन नेव्हीसोबत सराव केला),
    # Japan's Self-Defense Forces (सागरी स्वसंरक्षण दलासोबत, समुद्री आत्मरक्षा बल के साथ),
    # an army named सैन्य, its soldiers and marines; the drill may be called अभ्यास in
    # Marathi too, or the passing exercise पॅसेक्स / पासेक्स
    r"| (?:नौदल|लष्कर|हवाई ?दल|वायुदल|सैन्य|तटरक्षक ?दल|स्वसंरक्षण ?दल|आत्मसंरक्षण ?दल|"
    r"युद्धनौक|नौके|विनाशिक|फ्रिगेट|नेव्ही|आर्मी|एअर ?फोर्स|एयर ?फोर्स|मरीन|कोस्ट ?गार्ड|"
    r"जवान|सैनिक)[\u0900-\u097f]*(?:सोबत|शी|बरोबर)"
    r"(?: [\u0900-\u097f]+){0,3} (?:सराव|युद्धसराव|कवायत|चर्चा|बैठक|पेसेक्स|पासेक्स|अभ्यास)"
    r"(?=[\u0900-\u097f]* )"
    r"| (?:नौसेना|सेना|वायुसेना|थलसेना|तटरक्षक बल|आत्मरक्षा बल|आत्म रक्षा बल|युद्धपोत|"
    r"युद्धपोतों|पोत|विध्वंसक|फ्रिगेट|नेवी|आर्मी|एयर ?फोर्स|मरीन|कोस्ट गार्ड|सैनिकों|जवानों)"
    r"(?:ओं)? (?:के साथ|से)"
    r"(?: [\u0900-\u097f]+){0,3} (?:अभ्यास|युद्धाभ्यास|बातचीत|वार्ता|बैठक|पैसेक्स|पासेक्स)"
    r"(?=[\u0900-\u097f]* )")
# Japanese "with X" before a meeting or a drill: インドのシン国防相と約40分間会談した,
# 豪海軍とシドニー沖で共同訓練を行った. The sentence often has no subject (it is the
# headline's or the previous sentence's), so X stands across the table from the story's
# other party as a counterpart does. The pattern starts at と; the state must end just
# before it (its title between: マールズ副首相兼国防相と).
PARTNER_CJK = re.compile(
    r"との?(?:間で|ともに)?[^\s。、とはが]{0,20}?(?:電話会談|会談|協議|共同訓練|合同訓練|共同演習|"
    r"親善訓練|訓練|演習|意見交換|署名|契約)")
# English tells the same drill the other way round: "conducted a passing exercise with
# ships of the Indian Navy", "trained with Australian troops" (the state next)
PARTNER = re.compile(
    r" (?:exercise|exercised|exercising|drill|drilled|drilling|trained|"
    r"training|sailed|sailing|flew|flying|operated|operating) with (?:(?:ships|warships|"
    r"vessels|units|aircraft|jets|fighters|troops|forces|sailors|soldiers|personnel) of )?"
    r"(?:the |an |a )?")
# A state's government on the other side of a deal: "letters of offer and acceptance with
# the US government", "अमेरिकी सरकार के साथ सौदे पर हस्ताक्षर किए", "अमेरिकी सरकारसोबत
# करार", "अमेरिकेच्या सरकार यांच्याशी". The buyer is often unnamed there (the defence
# ministry, the air force: the paper's own state), so that government stands across the
# table from the story's other party, as a partner met "with" does; a firm of that state
# (अमेरिकी कंपनी बोइंग) is no party. English names the state next (`GOVERNMENT`, the
# state's one or two words before "government" checked by the caller), Hindi and Marathi
# just before (`GOVERNMENT_DEVANAGARI` starts at सरकार).
GOVERNMENT = re.compile(r" with (?:the )?(?=(?:[^ ]+ ){1,3}(?:government|govt|administration) )")
GOVERNMENT_DEVANAGARI = re.compile(
    r"(?<= )सरकार(?:(?:ओं)? (?:के साथ|से)|शी|सोबत|बरोबर|कडून"
    r"| यांच्या(?:शी|सोबत|बरोबर|कडून))(?= )")
# the first of a list is no partner ("with ships of the Indian Navy and other navies")
LISTED = re.compile(r"(?: (?:navy|army|air|force|forces|defen[cs]e|military|coast|guard|"
                    r"marines?|corps|troops|ships|warships|s))* (?:and|or) (?:other|others|"
                    r"several|many)(?= )")
# what may stand between a state's name and that と: a title or a force (シン国防相, 豪海軍),
# or one written with の that ends as a minister's, a force's, its ship's or aircraft's
# or a government's does (インドの国防相, 米国の国防長官, 豪海軍のフリゲート, 米軍の哨戒機);
# インドの企業と is a firm
TITLE_CJK = re.compile(r"[^\s、。はがをにでとの]{0,10}|の[^\s、。はがをにでとの]{0,6}?"
                       r"(?:相|大臣|長官|大統領|軍|隊|艦|艇|機|フリゲート|政府|代表団|当局|省)")
# the two parties named as a pair without their names
BOTH = re.compile(
    r" (?:the two|both|both the|our two|their two) "
    r"(?:countries|nations|governments|ministers|leaders|"
    r"prime ministers|defen[cs]e ministers|defen[cs]e chiefs|militaries|armies|navies|"
    r"ministries|defen[cs]e ministries|secretaries|defen[cs]e secretaries|chiefs|"
    r"air forces|forces|men|delegations|capitals|allies)(?= )"
    # "the two" alone as the subject of what they did: "The two agreed to ...", "the two
    # also discussed ..." (not "the two ships", "the two days")
    r"| (?:the two|both)(?= (?:also |then |later |further )?(?:agreed|discussed|signed|"
    r"held|met|spoke|reviewed|exchanged|reaffirmed|pledged|confirmed|vowed|welcomed|"
    r"decided|committed|shared|underlined|underscored|emphasi[sz]ed|stressed|noted|"
    r"expressed|inked|sealed|launched|announced) )"
    r"| each other(?= )| between the two(?= )"
    # Hindi दोनों, Marathi दोन्ही and उभय, with the stress ही a writer may add (दोनों ही
    # देशों ने), before the stem of what the two are (देशांच्या, राष्ट्रों, मंत्र्यांनी)
    r"| (?:दोनों|दोन्ही|उभय)(?: ही| हि)? (?:देश|राष्ट्र|मुल्क|मंत्र|मन्त्र|नेता|नेत|सेना|"
    r"नौसेना|वायुसेना|सैन्य|नौदल|लष्कर|हवाई दल|पक्ष|बाजू|सरकार|प्रधानमंत्र|पंतप्रधान)"
    # the countries with what they are to each other between or before (दोन्ही मित्र
    # देशांनी, उभय मित्रराष्ट्रांच्या, दोनों पड़ोसी देशों, दोन्ही लोकशाही राष्ट्रे)
    r"| (?:दोनों|दोन्ही|उभय)(?: ही| हि)? (?:[\u0900-\u097f]+ )?[\u0900-\u097f]{0,8}"
    r"(?:देश|राष्ट्र)"
    # and "the two" alone as who acts: Marathi दोघांनी, दोघांमध्ये, दोघे, उभयतांनी; Hindi
    # दोनों ने, दोनों के बीच (English "The two agreed" above)
    r"| (?:दोघां|दोघे|उभयतां)[\u0900-\u097f]*(?= )| दोनों(?= (?:ने|के बीच|में) )"
    # Japanese 両 before what the two are (両国, 両防衛相, 両首脳); 車両 is a vehicle
    r"|(?<!車)両(?:国|氏|首脳|相|大臣|政府|軍|者|防衛|外相|閣僚|首相|海軍|陸軍|空軍|部隊)"
    r"|双方")
# a ship of the story told by a pronoun or by what it is ("She trained with the Royal
# Australian Navy", "the destroyer exercised with Indian ships", "this warship"): the
# port call's visitor, the carrier the other's jets land on,
# whose state the story's pair holds
# a ship named: by its navy's prefix or what it is (USS Dewey, आयएनएस, ही विनाशिका, 駆逐艦)
SHIP = re.compile(r" (?:ins|uss|usns|hmas|js|आयएनएस|आईएनएस|यूएसएस|एचएमएएस|जेएस|destroyer|frigate|"
                  r"warship|युद्धनौक[\u0900-\u097f]*|युद्धपोत[\u0900-\u097f]*|विनाशिक[\u0900-\u097f]*"
                  r"|फ्रिगेट[\u0900-\u097f]*)(?= )|艦")
VESSEL = re.compile(
    r" (?:she|her crew|her sailors|the (?:ship|ships|vessel|vessels|submarine|sub|boat|"
    r"destroyer|destroyers|frigate|frigates|warship|warships|carrier|cutter|corvette|"
    r"cruiser|training ship|task group|flotilla|squadron)(?: s)?)(?= )"
    # Marathi and Hindi point at the story's ship with "this", whatever ending follows:
    # या युद्धनौकेवर उतरली (landed on this warship), इस युद्धपोत पर उतरे
    r"| (?:या|ह्या|त्या|याच|ही|हीच) (?:युद्धनौक|नौक|जहाज|विनाशिक|पाणबुड|फ्रिगेट)[\u0900-\u097f]*"
    r"(?= )| (?:इस|उस|इसी|यह|वह) (?:युद्धपोत|पोत|जहाज|पनडुब्ब|विध्वंसक|फ्रिगेट)[\u0900-\u097f]*(?= )"
    # or by the pronoun, as English "she": Marathi's ships are feminine (तिने भारतीय
    # नौदलासोबत सराव केला), Hindi's "it did" is उसने (उसने भारतीय नौसेना के विध्वंसक के साथ
    # अभ्यास किया)
    r"| (?:तिने|तिच्यासोबत|तिच्याशी|तिचे|तिचा|तिची|तिच्या|उसने)(?= )")
# a ship commissioned, joining its own navy (आयएनएस सुरत ही युद्धनौका नौदलात दाखल, नौसेना
# में शामिल, "was commissioned into the navy"): no ship met by another state
COMMISSIONING = re.compile(
    r" (?:was|were|is|being|been) commissioned(?= )"
    r"| (?:नौदलात|नौसेनेत|ताफ्यात|नौसेना में|बेड़े में) (?:दाखल|सामील|समाविष्ट|शामिल)")
# a run of states that goes on "など" (and others) is the start of a longer list
OTHERS_CJK = re.compile(r"など|等")
# a pair's act that a third joins, told after it in Japanese: 米印の共同訓練「マラバール」に
# 海自が参加 (the MSDF joins the US-India drill), 日米の演習に豪軍も加わる: a group of
# three, and no pair of its sentence
JOINING_CJK = re.compile(r"[日米豪印英仏韓比独伊]{2}の[^。、]{0,20}?に[^。、に]{0,10}?(?:が|も)"
                         r"(?:参加|加わ)")
# a sentence that counts the states of a group ("some 60 countries backed the text",
# "forces of 19 nations", 約60カ国) is about the group: two states it also names are no
# pair by being the only two named (states written together still are)
COUNTED = re.compile(
    r" (?:[3-9]|[1-9]\d{1,2}|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|dozens of|a dozen|scores of) (?:other |more |partner |"
    r"participating )?(?:countries|nations|states|navies|governments|militaries|"
    r"delegations)(?= )|(?:[3-9]|[1-9]\d{1,2})\s*(?:カ国|か国|ヵ国|ヶ国)")

# A swap of prisoners, hostages or the dead is what two sides at odds trade, even written
# together ("Russia, US swap prisoners after months of talks", 捕虜交換, 囚人交換, कैदियों की
# अदला-बदली, कैद्यांची अदलाबदल): its sentence names no pair and no group (not a drill to
# rescue hostages)
TRADED = re.compile(
    r" (?:prisoner swaps?|prisoner exchanges?|prisoners|prisoner|pows|hostage swaps?|"
    r"hostage exchanges?|hostage deal|hostages for|bodies of (?:fallen|dead|soldiers|troops))(?= )"
    r"|捕虜|収監者|拘束者|囚人|受刑者|人質交換|人質の交換|遺体の交換"
    r"| (?:कैदि|कैदी|कैद्य|युद्धबंदि|युद्धबंदी|युद्धकैदी|बंधकों की अदला|ओलिसांची अदला)")
