"""How the readers take pages written in styles other than a report's: a ticker's items on
one line, a list's items after long lines, an act hoped for, supposed or judged unlikely,
a report denied as hearsay, a katakana name inside a longer word, a firm named by its
trade, the forces named only as what a civil pact is not. The false alarms these close are
in variants.yaml (live blogs, e-paper briefs, quizzes, explainers, reviews ...); here each
reader is tested on its own, and real reports told in the same ways keep their topics.
Every sentence is our own."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.rules import RuleSet
from bot.rules.denial import denied
from bot.rules.mood import unasserted
from bot.rules.ruleset import article_from_text
from bot.rules.splitting import sentence_starts


def _sentences(text: str) -> list[str]:
    starts = sentence_starts(text)
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


@pytest.mark.parametrize(("text", "count"), [
    # a ticker's items set apart by bars or marks, each a sentence of its own
    ("India tests missile off Odisha | US, Japan sign chip deal | Rupee falls", 3),
    ("▼インド、ミサイル発射試験▼日米、半導体で協定に署名▼円安進む", 3),
    ("◆防衛費、過去最大に　政府が予算案◆日米の貿易協議、来週再開", 2),
    # a list's items after lines long enough to look wrapped
    ("• Australia orders more Japanese-built frigates for its navy soon\n"
     "• India, US agree on tariff cuts after a week of trade talks in Delhi\n"
     "• Army chief visits troops", 3),
    ("1. Midway (2019): the US and Japanese navies clash in the Pacific\n"
     "2. Battleship: two navies and an alien fleet", 2),
    # a label's bar is no break: the line is one link
    ("READ | US, India defence ministers hold talks\nThe ship will chart the bay.", 2),
    # a line wrapped mid-sentence still ends none, a date after it included
    ("The ministers of India and Japan signed the agreement in Tokyo on the\n"
     "12 May after two years of talks.", 1),
])
def test_items_of_tickers_and_lists_are_sentences(text: str, count: int) -> None:
    # (a list's number may stand as a sentence of its own: it names nothing)
    assert len([s for s in _sentences(text) if any(c.isalpha() for c in s)]) == count


@pytest.mark.parametrize(("sentence", "expected"), [
    # a link to another story between a brief's paragraphs
    ("Also Read: India, Japan sign pact to supply each other's forces", True),
    ("READ | US, India defence ministers hold talks on jet engines", True),
    ("【関連記事】日豪防衛相が会談、円滑化協定の運用で一致", True),
    ("▼あわせて読みたい　日米、共同訓練を拡大へ", True),
    ("Readout: India and Japan held defence talks on Monday.", False),
    ("Why Japan and India need a defence treaty", True),
    ("If India and Japan sign a reciprocal access agreement, Japanese troops could train "
     "in India.", True),
    ("Japan hopes to sign a defence pact with India, the minister said.", True),
    ("Tokyo hopes for defence pact with India", True),
    ("日印の防衛協定、年内署名は困難", True),
    ("政府関係者は年内の署名は困難との見方を示した。", True),
    ("両政府は年内の署名を目指す。", True),
    # a pact weighed, not made; but "in the eyes of" and a meeting's "agreed to
    # consider" report
    ("India is mulling a logistics pact with Australia, officials said.", True),
    ("Tokyo eyes access agreement with New Delhi", True),
    ("Canberra weighs a submarine deal with Japan.", True),
    ("日印両政府は円滑化協定の締結を検討している。", True),
    ("日豪、潜水艦協力を視野", True),
    ("In the eyes of Tokyo, India and Japan signed a historic pact.", False),
    ("The ministers met and agreed to consider new air exercises.", False),
    # what was agreed or reported first is news, whatever is hoped after it
    ("Small firms hope for new orders after India and the United States signed a "
     "procurement agreement.", False),
    ("日印の防衛相は会談し、防衛協力の強化を目指すことで一致した。", False),
    ("India and Japan signed the pact; both hope to extend it.", False),
])
def test_acts_hoped_for_supposed_or_unlikely(sentence: str, expected: bool) -> None:
    assert unasserted(sentence) is expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a report's act is the report's: denying it denies the act
    ("日豪両政府は、潜水艦を共同開発することで合意したとの一部報道を否定した。", True),
    ("日豪、潜水艦共同開発の報道を否定", True),
    ("日米共同訓練、台風で中止", True),
    ("The two defence ministers were not involved.", True),
    ("No joint patrols with US for now, says Parrikar", True),
    # shelved, scrapped, axed; 棚上げ, 白紙
    ("India, US shelve 2+2 as schedules clash", True),
    ("The two navies scrapped the drill as a typhoon approached.", True),
    ("日印防衛相会談、棚上げに", True),
    ("共同開発の計画は白紙に戻った。", True),
    ("Officials met on Tuesday and set a date for the drill scrapped in May.", False),
    # one side refuses the act (not "declined to comment", nor exports that declined)
    ("China's defence minister declined a meeting proposed by the United States.", True),
    ("At Shangri-La, speeches on guardrails as Beijing snubs talks", True),
    ("中国の国防相は米国防長官との会談を拒否した。", True),
    ("The ministers met and declined to comment.", False),
    ("Defence exports declined in 2024.", False),
    # an act told first, then what it left undone, is news
    ("両国は会談したが、合意には至らなかった。", False),
    ("日豪両政府は会談し、報道を否定した。", False),
])
def test_denials_of_reports_and_bare_headlines(sentence: str, expected: bool) -> None:
    assert denied(sentence) is expected


@pytest.mark.parametrize(("title", "text", "topics"), [
    # 米ロ: the two by their short names, not the US places and firms written after 米
    ("米ロ国防相が電話会談", "米国とロシアの国防相は電話で協議し、軍事衝突を避けるための連絡"
     "体制を維持することで一致した。", {"bilateral-defence"}),
    ("米ロが囚人交換", "米国とロシアは、服役していた元米海兵隊員と武器商人を交換した。", set()),
    ("米ロサンゼルスで日印防衛相会談", "インドと日本の防衛相は米ロサンゼルスで会談し、共同訓練の"
     "拡大で一致した。", {"bilateral-defence", "india-japan"}),
    # a katakana name inside a longer word is no person: キシ in メキシコ
    ("米、ロサンゼルスに海兵隊派遣　メキシコが懸念", "米国防総省はロサンゼルスに海兵隊を派遣した。"
     "メキシコ大統領は米大使と電話で協議したと明らかにした。", set()),
    ("岸防衛相、メキシコ訪問へ　インド国防相とも会談", "岸防衛相はインドの国防相と会談し、防衛協力"
     "の強化で一致した。", {"bilateral-defence", "india-japan"}),
    # firms named by their trade are no states
    ("日印のIT大手、サイバー防衛で提携", "インドのIT大手と日本の電機大手は、企業向けのサイバー防衛"
     "サービスで業務提携する契約に署名した。", set()),
    # the forces named only as what a civil pact is not
    ("Japan, US sign space pact", "Japan and the United States signed a space cooperation "
     "agreement on Monday. The pact does not cover military satellites.", set()),
    ("日米、宇宙協力で協定", "日米両政府は宇宙協力の協定に署名した。軍事目的ではないという。",
     set()),
    ("India, Japan sign defence pact; 'not a military alliance', says minister",
     "India and Japan signed a defence equipment pact on Monday. It is not a military "
     "alliance, the minister said.", {"bilateral-defence", "india-japan"}),
    # a ticker's item of a pair's defence act is news; its neighbours' are not the pair's
    ("Top stories", "• India, Japan sign defence equipment transfer pact in Tokyo\n"
     "• Rupee falls against the dollar", {"bilateral-defence", "india-japan"}),
    ("News ticker", "India test-fires Agni missile off Odisha coast | US, Japan sign "
     "semiconductor supply agreement | Japan beat US 3-1 in volleyball", set()),
    # an explainer of a fresh act, an almanac, a quiz
    ("Explained: India and Japan sign new logistics pact — what it means",
     "India and Japan signed a new logistics agreement on Tuesday that lets their forces "
     "share fuel.", {"acsa", "bilateral-defence", "india-japan"}),
    ("What is the Quad and what does it do?", "The Quad is a grouping of India, Japan, "
     "Australia and the United States. The four navies join the Malabar exercise.", set()),
    ("Japan hopes to sign defence pact with India soon", "Japan and India agreed on Monday "
     "to start talks on a defence pact, and Japan hopes to sign it within a year.",
     {"bilateral-defence", "india-japan"}),
    # Qatar and Peru in Japanese: a mediator is no party; Peru's pact is one
    ("イスラエルとハマス、人質交換で合意　米国とカタールが仲介", "イスラエルとイスラム組織ハマスは"
     "人質と囚人の交換で合意した。米国とカタールが仲介し、軍の撤退も協議した。", set()),
    ("日本とペルー、防衛交流で覚書", "日本とペルーの国防当局は、防衛交流に関する覚書に署名した。",
     {"bilateral-defence"}),
    # a crime's arrest: the status-of-forces pact is the procedure, not the news
    ("米兵を逮捕　地位協定で身柄は米側に", "沖縄県警は在日米海兵隊の兵士を逮捕した。日米地位協定"
     "に基づき、身柄は米側に引き渡された。", set()),
    ("日米地位協定の運用改善で合意", "日米両政府は地位協定の運用を改善することで合意し、"
     "防衛相が発表した。", {"bilateral-defence", "us-japan"}),
])
def test_pages_in_other_styles(default_ruleset: RuleSet, title: str, text: str,
                               topics: set[str]) -> None:
    assert set(default_ruleset.match_text(title, text).rule_ids) == topics


@pytest.mark.parametrize(("text", "topics"), [
    # years counted on from a time long past are that past
    ("In 1944 Japanese troops marched on Imphal. Veterans of both countries met there "
     "decades later.", set()),
    ("1944年、日本軍はインパールに進攻した。数十年後、両国の元兵士が現地で会った。", set()),
    ("In 2007 warships of Japan and Australia joined the exercise off India. Canberra soon "
     "stepped back from the quartet, and New Delhi returned the exercise to its bilateral "
     "roots.", set()),
    # not from a past the sentence before does not date, nor with today's date
    ("The two navies first sailed together in 2001. Years later, on Monday, India and Japan "
     "signed a defence pact.", {"bilateral-defence", "india-japan"}),
])
def test_years_counted_on_from_long_ago(default_ruleset: RuleSet, text: str,
                                        topics: set[str]) -> None:
    article = replace(article_from_text("Looking at India and Japan", text),
                      published=datetime(2025, 6, 10, tzinfo=UTC))
    assert set(default_ruleset.match(article).rule_ids) == topics
