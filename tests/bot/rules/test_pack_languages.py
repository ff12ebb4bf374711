"""The default pack on Hindi, Marathi and Japanese reports: the constructions those
outlets use for the parties, the acts and the groups (texts written for these tests)."""

from __future__ import annotations

import pytest

from bot.rules import RuleSet


@pytest.mark.parametrize(("title", "text"), [
    # "multinational", "the Quadrilateral (Security Dialogue)" in Hindi and Marathi
    ("बहुराष्ट्रीय अभ्यास में भारत और जापान",
     "भारत और जापान समेत पंद्रह देशों की नौसेनाएं इस बहुराष्ट्रीय अभ्यास में भाग ले रही हैं।"),
    ("चतुर्भुज सुरक्षा संवाद: रक्षा मंत्रियों की बैठक",
     "भारत और जापान के रक्षा मंत्रियों ने समुद्री सुरक्षा पर चर्चा की।"),
    ("इंडो-पॅसिफिक क्षेत्रात बहुराष्ट्रीय सराव",
     "भारत आणि जपानसह बारा देशांची नौदले या सरावात सहभागी झाली. भारतीय नौदलाने जपानी "
     "युद्धनौकेसोबत सराव केला."),
    # "multilateral", "three countries" in Japanese
    ("多国間共同訓練で日印が連携",
     "海上自衛隊とインド海軍は、米国主催の多国間共同訓練で対潜訓練を行った。"),
    ("日米比３カ国が共同訓練",
     "海上自衛隊と米海軍、フィリピン海軍が南シナ海で共同訓練を実施した。"),
])
def test_a_group_named_in_hindi_marathi_or_japanese_is_no_pair(
        default_ruleset: RuleSet, title: str, text: str) -> None:
    assert set(default_ruleset.match_text(title, text).rule_ids) <= {"malabar"}
