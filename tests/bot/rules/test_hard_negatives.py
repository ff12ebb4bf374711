"""Stories that name two states, a word of the armed forces and an act, and are still no
bilateral defence statement: the default pack must stay silent on each. One case per way
such a story is written, each in words of our own; a class that the rules stop by one
guard only is checked with that guard out of the way too, where the rules allow it."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet

SILENT: list[tuple[str, str, str]] = [
    # two states, a force and an act word, and the act is another field's
    ("development-loan", "India, Japan sign yen loans for metro, forestry and a hill road",
     "India and Japan on Thursday signed loan agreements for a metro line, forest "
     "restoration and a mountain road that will pass an old army cantonment. Officials of "
     "both countries said the talks were part of a long development partnership."),
    ("impeachment", "South Korean lawmakers impeach the president over martial law",
     "The vote came days after troops were sent to the parliament. The acting president "
     "held a telephone call with the American ambassador and said the military alliance "
     "and talks with Tokyo would continue as before."),
    # a domestic story with two states' names in it: a deployment, a swap of prisoners
    ("deployment-at-home", "China rotates its garrison in Hong Kong",
     "Beijing sent fresh troops across the border overnight; Britain's consulate said it "
     "had discussed the move with local officials and the United States voiced concern."),
    ("prisoner-swap", "Russia and the US swap prisoners in Abu Dhabi",
     "A former US marine jailed for spying walked free after the two governments agreed "
     "to exchange him for a Russian businessman, officials said after months of talks."),
    # a firm's or a family's "defence"
    ("firm-capabilities", "Tokyo robotics maker and Indian partner sign supply deal",
     "The Japanese company said the agreement with its partner in India would strengthen "
     "its defense capabilities against cyber attacks and widen sales to the army of "
     "small buyers who use its machines."),
    ("family-blog", "What both sides of my family taught me about Japan and India",
     "My grandfather served in the Indian army and my grandmother's brother was a Japanese "
     "sailor; they met once, at a wedding, and discussed cricket for three hours."),
    # a state's statement about another: a protest, a threat assessment, sanctions
    ("protest", "Japan protests Chinese coast guard incursion near Senkakus",
     "Tokyo lodged a protest with Beijing after four Chinese coast guard ships entered the "
     "waters around the islands, the foreign ministry said after talks with the embassy."),
    ("threat-assessment", "Japan's defence white paper calls China its greatest challenge",
     "The annual report of the defence ministry says Chinese military activity near "
     "Taiwan and Russia's drills with Beijing pose a grave concern to Japan."),
    ("sanctions", "US sanctions Indian firms over drone parts shipped to Russia",
     "The Treasury named three companies in India that it said sold parts used by the "
     "Russian military; the Indian foreign ministry said it would discuss the matter."),
    ("objection", "Japan objects after Chinese survey ship enters its waters",
     "Tokyo conveyed its concerns to Beijing through diplomatic channels after a Chinese "
     "navy survey ship sailed inside Japan's waters; the two governments have held talks "
     "on such passages before."),
    ("criticism", "Carrier drills near Okinawa draw rebuke",
     "Australia's defence minister criticized China over the conduct of its navy near a "
     "frigate, saying the incident would be discussed at talks."),
    ("criticism-of-pilots", "Chinese carrier group sails near Okinawa",
     "Japan's defence minister criticised China on Tuesday after fighter jets from the "
     "carrier flew close to a Japanese patrol plane, and said talks on a hotline had "
     "stalled."),
    # a state's territory is a place: what lands or sails there is not done with it
    ("missile-in-eez", "Missile test alarms region",
     "A ballistic missile fired by North Korea on Thursday fell inside Japan's exclusive "
     "economic zone, the defence ministry said after a meeting of officials."),
    ("passage-through-waters", "US destroyer sails close to disputed islands",
     "The US Navy said a destroyer sailed through China's territorial waters near the "
     "Paracels in a freedom of navigation operation, and the two militaries held no talks."),
    # 在日米軍 is the US forces in Japan, not the pair word 日米
    ("forces-in-japan", "在日米軍基地周辺で騒音訴訟",
     "在日米軍の戦闘機による騒音をめぐり、周辺住民が国に賠償を求めて提訴した。"
     "在日米国大使館は訓練の時間を見直すと発表した。"),
    # one state's defence budget lists the partners it trains with and pays for
    ("budget-request", "Japan's defence budget request hits a record",
     "The defence ministry asked for a record sum on Friday.\n\nThe request covers fuel "
     "for joint exercises with the US military, and Japan's share of the cost of US forces "
     "under the special measures agreement with the United States."),
    ("budget-request-ja", "防衛予算、過去最大に",
     "防衛省は来年度予算の概算要求を発表した。日米共同訓練の燃料費を盛り込み、在日米軍駐留経費の"
     "日本側負担は特別協定に基づき要求する。"),
    ("strategy-paper", "India's new maritime security strategy: five things to know",
     "The navy released the strategy on Monday.\n\nIt calls the United States a key "
     "partner of India with whom defence cooperation will deepen."),
    # a business, energy or science pact between two watched states that says "security"
    ("economic-security", "Japan and the US agree on economic security of chip supply",
     "Trade ministers of the two countries signed a memorandum on semiconductors and "
     "critical minerals and pledged joint investment in secure supply chains."),
    ("energy-security", "India, Australia sign energy security pact on lithium",
     "The two governments agreed to fund lithium and cobalt projects; officials said the "
     "deal would improve energy security and help Indian battery makers."),
    ("cyber-firm", "Australian bank and Japanese telecom sign cyber security deal",
     "The agreement covers the security of payment networks; the firms met in Sydney and "
     "agreed to share threat data, the companies said."),
    ("science-pact", "India and Japan sign pact on a lunar rover",
     "The space agencies of the two countries agreed to build a rover for the moon's south "
     "pole; the mission will carry instruments from both sides."),
    # sport and culture: a navy team, a band, a film
    ("navy-band", "Indian and Japanese navy bands perform at Tokyo music festival",
     "Musicians of the two navies met on stage for a joint concert that drew a crowd of "
     "thousands, the organisers said."),
    ("rugby", "Japan beat Australia in rugby Test in Tokyo",
     "The Brave Blossoms' defence held firm as the two teams met before a full stadium."),
    ("war-film", "Japanese and American actors join new war film about Midway",
     "The film shows the navies of the two countries in 1942; the director met veterans "
     "and historians before filming."),
    # history: a treaty retrospective that names a former prime minister
    ("treaty-history", "Sixty years on, the 1960 security treaty still divides Japan",
     "In 1960 Prime Minister Kishi Nobusuke signed the revised treaty with the United "
     "States in Washington; protests filled the streets of Tokyo for weeks."),
    # a book about the alliance: its headline looks back and tells of no act, whatever
    # "new" its lead says
    ("book-review", "Review: an absorbing history of the partnership nobody expected",
     "Australia and Japan signed their first security declaration in Tokyo in March 2007, "
     "and the author opens this new history there. Later chapters follow the two navies "
     "as their ministers met again and again and drew the defence ties closer."),
    ("memoir", "A diplomat's memoir of the India-US nuclear talks",
     "The former envoy recalls how the two countries' officials met in secret and how "
     "the navy chiefs watched the talks closely."),
    # a forum of many states told speech by speech: a minister's words about another state
    ("forum-roundup", "Raisina Dialogue: what the ministers told the hall",
     "NEW DELHI - The conference closed on Thursday with China's defence minister absent."
     "\n\nAustralia's defence minister said talks with Beijing were needed and that the "
     "region saw its largest military build-up since 1945.\n\nJapan's minister said his "
     "country's defence budget would keep rising."),
    ("council-roundup", "Security Council divided after missile test",
     "North Korea's missile test split the council on Monday.\n\nJapan's envoy, invited "
     "to the meeting, said the missile could reach the United States."),
    # another acronym: ACSA as a schools' association
    ("acronym-schools", "ACSA signs exchange pact with Japanese and Indian universities",
     "The Association of Collegiate Schools of Architecture (ACSA) said the agreement "
     "would let students from India and Japan study naval architecture."),
    # the long form may come paragraphs after the acronym, without brackets
    ("acronym-named-later", "RAA roadside report: Japanese models lead callouts",
     "Flat batteries were the main reason South Australians called the RAA, and Japanese "
     "makes made up half the jobs.\n\nThe Royal Automobile Association said its patrols "
     "would get new vans."),
    # a leader answering another's complaint about the alliance
    ("complaint", "Ishiba tells parliament the alliance is fair after Trump complaint",
     "Prime Minister Shigeru Ishiba said on Monday that the US-Japan security treaty was "
     "not one-sided, and that Japan pays much of the cost of US forces."),
    # Malabar the place: its visitors' nationalities are no navies taking part
    ("malabar-place", "Malabar beach track reopens after army range clean-up",
     "A coastal track at Malabar in Sydney reopened on Sunday after the army finished "
     "clearing an old rifle range.\n\nWalkers included American students and a Japanese "
     "couple, and Defence said the rest of the land would follow."),
    ("malabar-eatery-mr", "पुण्यात मलबारची चव; माजी नौसैनिकाचे उपाहारगृह",
     "केरळच्या मलबार भागातील पदार्थ आता पुण्यात मिळतात. भारतीय नौदलात वीस वर्षे काम केलेले "
     "आचारी हे उपाहारगृह चालवतात.\n\nअमेरिकी आणि जपानी कर्मचारी येथे नियमित येतात."),
    # a sentence that counts the group names no pair by naming only two of its states
    ("counted-group", "Some 60 nations back Seoul code on military AI; China abstains",
     "About 60 countries endorsed a code on the military use of AI at a summit in Seoul, "
     "while China held back.\n\nIndia attended the Seoul meeting but did not sign."),
    ("counted-exercise", "Pitch Black ends with record turnout",
     "Australia's air exercise ended on Friday with aircraft of 17 nations and the first "
     "Japanese fighter jets to refuel over Darwin."),
    # a treaty of another field between the two states, its forces' status in passing
    ("tax-treaty", "India and US sign protocol to their tax treaty",
     "India and the United States signed a protocol to their tax treaty on Monday; the "
     "income of US military personnel is covered separately by a status of forces "
     "agreement between the two countries."),
    ("tax-treaty-ja", "日米租税条約の議定書が発効",
     "日米租税条約を改正する議定書が発効した。在日米軍の軍人の所得への課税は、日米地位協定で"
     "別に定められている。"),
    # places that name no party: a university and a state of the US
    ("university-of-washington", "University of Washington and Japanese university sign pact",
     "The University of Washington signed a research agreement with Tokyo's leading "
     "university on ocean robotics used by navies and fisheries."),
    # an obituary looks back on a life of talks and pacts
    ("obituary", "Former Japanese defence chief dies at 91",
     "As minister he held talks with his American counterpart and signed a logistics pact "
     "with the United States that the two navies still use."),
    # an opinion page argues for what should be done: no act of two states
    ("opinion-page", "Editorial: Tokyo and Canberra have drilled enough",
     "Japan and Australia held joint drills off Darwin again this year, and the navies of "
     "both countries know each other well. A standing access deal is the next step."),
    # a band named like an exercise, touring two states
    ("band-tour", "Keen Sword announce Japan and US dates after sold-out shows",
     "The metal band from Pune said its drummer trains like a soldier before each "
     "concert, and that the tour of Japan and the United States starts in May."),
    # a racehorse named like an exercise, ridden by a jockey of another state
    ("racehorse", "Keen Sword wins at Randwick under Japanese jockey",
     "Keen Sword, a five-year-old gelding trained in Sydney, gave the Japanese rider his "
     "first win in Australia, where the two countries' navies also train."),
    # a court-martial at a base whose dateline names the host state
    ("dateline-with-state", "Sailor sentenced for crash that injured Japanese cyclist",
     "SASEBO NAVAL BASE, Japan - A US Navy sailor was sentenced by a court-martial on "
     "Friday for a crash off base.\nUnder the status of forces agreement between Japan and "
     "the United States, Japanese prosecutors may waive their right to try such cases."),
    # trade talks of two states move the shares of defence firms (चर्चेला: talks): the
    # talks are trade's, however near the words of the forces
    ("trade-talks-shares-mr", "शेअर बाजारात संरक्षण क्षेत्रातील समभागांना मागणी",
     "मुंबई : भारत आणि अमेरिका यांच्यातील व्यापार चर्चेला वेग आल्याच्या वृत्तानंतर संरक्षण "
     "क्षेत्रातील कंपन्यांचे समभाग वधारले. युद्धनौका बांधणाऱ्या कंपन्यांना मागणी होती."),
    # labour mobility between two watched states
    ("labour-mobility", "Japan and India sign pact on skilled workers",
     "Labour ministers of the two countries signed a memorandum that lets Indian nurses "
     "and caregivers work in Japan, after talks in New Delhi."),
]


# two states that are not watched make a defence statement and name a watched one: the
# statement is theirs, no watched pair's
OTHERS: list[tuple[str, str, str]] = [
    ("funded-boats", "Philippines and Vietnam sign coast guard cooperation pact",
     "The defence ministers of the Philippines and Vietnam signed the agreement in Hanoi; "
     "both coast guards sail patrol boats that Japan funded, and the United States "
     "welcomed the deal."),
    # a state set apart is none of them: "other than the United States"
    ("us-set-apart", "Japan holds first fighter drills with a partner other than the United "
     "States", "Japanese and British fighter jets began a two-week exercise at Misawa on "
     "Monday."),
    # インド太平洋 is the Indo-Pacific, no India: Japan and France agree on drills there
    ("indo-pacific", "仏空母、海自と共同訓練へ",
     "フランスの空母がインド太平洋に展開する際、海上自衛隊と共同訓練を行うことで両国が一致した。"),
    ("india-mentioned", "France and UAE hold air exercise; Indian jets watched",
     "French and Emirati fighter jets flew a two-week exercise; an Indian Air Force team "
     "observed, and the two air forces plan to invite Japan next year."),
]


@pytest.mark.parametrize(("title", "text", "expected"),
                         [(t, x, set()) for _, t, x in SILENT]
                         + [(t, x, {"bilateral-defence"}) for _, t, x in OTHERS],
                         ids=[i for i, _, _ in SILENT + OTHERS])
def test_no_watched_statement(default_ruleset: RuleSet, title: str, text: str,
                              expected: set[str]) -> None:
    assert set(default_ruleset.match_text(title, text).rule_ids) == expected


def test_the_evidence_holds_without_the_headline(default_ruleset: RuleSet) -> None:
    # the loan story under a headline that names no other field: its one word of the
    # forces is a place ("an old army cantonment"), and the story is still no statement
    loans = SILENT[0][2]
    assert default_ruleset.match_text("India, Japan sign three agreements", loans
                                      ).rule_ids == ()
    assert default_ruleset.match_text("India, Japan sign three agreements", loans.replace(
        "an old army cantonment", "an army camp")).rule_ids
    # the impeachment story under a plain headline: a call with an envoy is the host's
    # business with the envoy's state, and names no pair with the state named beside it
    impeachment = ("Troops were sent to the parliament of South Korea last week, and "
                   "allies were alarmed.\n\n" + SILENT[1][2])
    assert default_ruleset.match_text("South Korea's acting president takes charge",
                                      impeachment).rule_ids == ()


def test_a_state_of_the_story_fired_on_anothers_soil_is_no_pair(
        default_ruleset: RuleSet) -> None:
    got = default_ruleset.match_text(
        "Record turnout at Talisman Sabre",
        "The exercise ended with the first firing on Australian soil of a Japanese missile, "
        "after talks with the partners.").rule_ids
    assert "japan-australia" not in got


@pytest.mark.parametrize("title", [
    "Seventy years on, US and Japan hold defence talks in Tokyo",
    # a first made is no look back, in any language
    "Japanese navy makes history off Hawaii",
    "जापानी नौसेना ने हवाई के पास रचा इतिहास",
])
def test_a_headline_looking_back_with_an_act_is_news(default_ruleset: RuleSet, title: str
                                                     ) -> None:
    assert "us-japan" in default_ruleset.match_text(
        title, "The defence ministers of the United States and Japan met on Monday and "
        "agreed to expand joint exercises.").rule_ids


def test_a_pair_in_the_body_of_another_pairs_story_is_background(
        default_ruleset: RuleSet) -> None:
    title = "India, Japan defence ministers hold talks in New Delhi"
    text = ("India's defence minister and his Japanese counterpart discussed naval "
            "cooperation on Monday.\n\nIn the Pacific, American and Japanese warships "
            "sailed together in a joint exercise last month.")
    assert set(default_ruleset.match_text(title, text).rule_ids) == {
        "india-japan", "bilateral-defence"}
    # under a top that pairs no two states, the same paragraph is a US-Japan statement
    other = text.replace("India's defence minister and his Japanese counterpart discussed "
                         "naval cooperation", "The navy published its notes")
    assert "us-japan" in default_ruleset.match_text("Japanese navy news", other).rule_ids


def test_a_forum_story_that_tells_of_two_meeting_as_two_is_theirs(
        default_ruleset: RuleSet) -> None:
    text = ("The Pentagon chief's speech drew the crowds.\n\nIn the side rooms the "
            "American delegation held bilateral meetings; with Japan's defence minister it "
            "agreed to build missiles together.")
    assert "us-japan" in default_ruleset.match_text("Shangri-La Dialogue: the week in review",
                                                    text).rule_ids


def test_a_pair_in_the_lead_under_a_headline_of_two_others_is_background(
        default_ruleset: RuleSet) -> None:
    got = default_ruleset.match_text(
        "Japan and the Philippines widen military supply pact",
        "Officials in Tokyo said Japan was also exploring a logistics pact with India, "
        "though talks have not formally begun.").rule_ids
    assert set(got) == {"bilateral-defence"}
