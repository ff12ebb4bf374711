"""Reports written for the grouping tests (no third-party text): calls, meetings,
signings and exercises of a few state pairs, each labelled with the event it belongs to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.events.cluster import Candidate, assign, merges
from bot.events.gathered import Gathered
from bot.events.signature import Signature, signature
from bot.models import Entities
from watchers.models import Article


@dataclass(frozen=True)
class Fixture:
    name: str
    event: str  # the expected grouping
    article: Article
    entities: Entities


def _fx(name: str, event: str, when: str, title: str, text: str, *,
        countries: Sequence[str] = (), people: Sequence[str] = (),
        agreements: Sequence[str] = (), exercises: Sequence[str] = (),
        mentioned: Sequence[str] = (), leading: Sequence[str] = (),
        origins: Sequence[str] = (), authority: str = "media") -> Fixture:
    article = Article(url=f"https://example.test/{name}", title=title, text=text,
                      source_id=name, outlet=name, authority=authority,  # type: ignore[arg-type]
                      published=datetime.fromisoformat(when))
    return Fixture(name, event, article,
                   Entities(tuple(countries), tuple(people), tuple(agreements), tuple(exercises),
                            mentioned=tuple(mentioned), leading=tuple(leading),
                            origins=tuple(origins)))


IJ = ("India", "Japan")
MINISTERS = ("Rajnath Singh", "Kishi Nobuo")
CALL_TEXT = (
    "NEW DELHI: Defence Minister Rajnath Singh and his Japanese counterpart Nobuo Kishi held "
    "their first telephone conversation on Tuesday, going over the situation in the East "
    "China Sea and the South China Sea.\n\n"
    "Officials said both ministers opposed any unilateral attempt to alter the status quo by "
    "force, and agreed to keep up exchanges between the two militaries despite the pandemic.\n\n"
    "The call came three months after the two countries signed a logistics pact that lets "
    "their forces share fuel, food and spare parts."
)

CORPUS = (
    _fx("call-pib", "call-dec", "2020-12-22T17:00:00+05:30",
        "Raksha Mantri holds telephone talks with Japanese Defence Minister",
        "Raksha Mantri Shri Rajnath Singh spoke over the telephone today with the Minister of "
        "Defense of Japan, Mr. Kishi Nobuo, and congratulated him on taking office.\n\n"
        "The two Ministers reviewed bilateral defence cooperation and welcomed the signing of "
        "the ACSA in September. They also welcomed the conduct of JIMEX and MALABAR this year.",
        countries=IJ, people=MINISTERS, agreements=("ACSA",), exercises=("JIMEX", "Malabar"),
        authority="official"),
    _fx("call-paper", "call-dec", "2020-12-22T19:30:00+05:30",
        "Rajnath, Kishi discuss East China Sea in first phone call", CALL_TEXT,
        countries=IJ, people=MINISTERS),
    _fx("call-copy", "call-dec", "2020-12-23T01:10:00+05:30",
        "India and Japan stand together on sea disputes",  # syndicated, another headline
        CALL_TEXT.replace("NEW DELHI: ", ""), countries=IJ, people=MINISTERS[::-1]),
    _fx("call-followup", "call-dec", "2020-12-23T11:00:00+05:30",
        "Why Tokyo and New Delhi keep talking about the sea lanes",
        "A day after Rajnath Singh spoke with Kishi Nobuo, analysts in both capitals said the "
        "conversation showed how far India-Japan defence ties have come in five years.\n\n"
        "The supplies-and-services agreement signed in September lets the two navies refuel "
        "each other at sea, something that once needed weeks of paperwork.",
        countries=IJ, people=MINISTERS, agreements=("ACSA",)),
    _fx("jimex-start", "jimex", "2020-12-23T09:00:00+05:30",
        "Indian, Japanese navies begin JIMEX drills off Visakhapatnam",
        "The Indian Navy and the Japan Maritime Self-Defense Force began a three-day edition of "
        "JIMEX off Visakhapatnam on Wednesday, with a destroyer and a tanker from each side.\n\n"
        "Anti-submarine serials and replenishment at sea are planned, a navy spokesperson said.",
        countries=IJ, exercises=("JIMEX",)),
    _fx("jimex-end", "jimex", "2021-01-05T10:00:00+05:30",
        "JIMEX concludes with steam-past in the Bay of Bengal",
        "The bilateral maritime exercise between India and Japan ended on Tuesday with a "
        "ceremonial steam-past, after a sea phase that the navies extended by a week.\n\n"
        "Ships from both sides refuelled each other under the logistics arrangement.",
        countries=IJ, exercises=("JIMEX",)),
    _fx("call-jan", "call-jan", "2021-01-22T16:00:00+05:30",
        "Rajnath Singh, Kishi Nobuo speak again over telephone",
        "Defence Minister Rajnath Singh held a telephone conversation with Japanese Defence "
        "Minister Kishi Nobuo on Friday and reviewed bilateral defence cooperation.\n\n"
        "The two ministers welcomed the signing of the ACSA and the conduct of JIMEX.",
        countries=IJ, people=MINISTERS, agreements=("ACSA",), exercises=("JIMEX",)),
    _fx("fm-call", "fm-call", "2020-12-22T20:00:00+05:30",
        "Jaishankar, Motegi discuss Indo-Pacific over phone",
        "External Affairs Minister S. Jaishankar spoke by telephone with Japanese Foreign "
        "Minister Toshimitsu Motegi on Tuesday about the Indo-Pacific and the pandemic.",
        countries=IJ, people=("S. Jaishankar", "Toshimitsu Motegi")),
    _fx("malabar-1", "malabar-1", "2020-11-03T13:00:00+05:30",
        "Malabar phase one begins in the Bay of Bengal",
        "Warships from India, the United States, Japan and Australia began the first phase of "
        "Exercise Malabar in the Bay of Bengal on Tuesday.\n\n"
        "It is the first time since 2007 that Australia has taken part.",
        countries=("India", "United States", "Japan", "Australia"), exercises=("Malabar",)),
    _fx("malabar-1-end", "malabar-1", "2020-11-06T18:00:00+05:30",
        "Quad navies wrap up first round of Malabar drills",
        "The first phase of Malabar concluded on Friday after four days of anti-submarine and "
        "air-defence serials by the navies of India, Japan, Australia and the United States.",
        countries=("India", "Japan", "Australia", "United States"), exercises=("Malabar",)),
    _fx("malabar-2", "malabar-2", "2020-11-17T09:00:00+05:30",
        "Carriers lead second phase of Malabar in Arabian Sea",
        "The second phase of the Malabar exercise began in the northern Arabian Sea on "
        "Tuesday, with Indian and American aircraft carriers at its centre.\n\n"
        "Japan and Australia each sent one warship, Indian officials said.",
        countries=("India", "United States", "Japan", "Australia"), exercises=("Malabar",)),
    _fx("kihara-marles", "jp-au", "2024-06-01T19:00:00+08:00",
        "Kihara, Marles meet on Shangri-La sidelines",
        "Japan's Defence Minister Minoru Kihara met Australian Deputy Prime Minister Richard "
        "Marles in Singapore on Saturday and agreed on more air force rotations.",
        countries=("Japan", "Australia", "Singapore"),
        people=("Kihara Minoru", "Richard Marles")),
    _fx("kihara-shin", "jp-kr", "2024-06-01T20:00:00+08:00",
        "Kihara and Shin agree on rules for encounters at sea",
        "The defence ministers of Japan and South Korea, Minoru Kihara and Shin Won-sik, met "
        "in Singapore on Saturday and agreed to follow rules for unplanned naval encounters.",
        countries=("Japan", "South Korea", "Singapore"),
        people=("Kihara Minoru", "Shin Won-sik")),
    _fx("marles-kihara", "jp-au", "2024-06-02T08:00:00+10:00",
        "Marles says Japan is Australia's closest partner after talks with Kihara",
        "Richard Marles told reporters in Singapore that his meeting with Minoru Kihara had "
        "produced agreement on longer deployments of Japanese fighters to Australia.",
        countries=("Australia", "Japan", "Singapore"),
        people=("Richard Marles", "Kihara Minoru")),
    # One India-Australia 2+2: a readout, a report naming the visitors by surname only and
    # an analysis two days on that names nobody; the format ties them together.
    _fx("aus-2p2-official", "aus-2p2", "2021-09-11T18:00:00+05:30",
        "First India-Australia 2+2 Ministerial Dialogue held in New Delhi",
        "Raksha Mantri Rajnath Singh and External Affairs Minister S. Jaishankar hosted "
        "Australia's Defence Minister Peter Dutton and Foreign Minister Marise Payne for the "
        "first India-Australia 2+2 Ministerial Dialogue today.\n\n"
        "The Ministers agreed to expand military exercises and to work together on "
        "defence industry and supply chains.",
        countries=("India", "Australia"),
        people=("Rajnath Singh", "S. Jaishankar", "Peter Dutton", "Marise Payne")),
    _fx("aus-2p2-surnames", "aus-2p2", "2021-09-11T22:30:00+10:00",
        "Dutton and Payne in Delhi as Australia courts India on security",
        "Dutton and Payne sat down with their Indian hosts in the capital on Saturday for "
        "a first round of two-plus-two talks, with submarines and supply chains high on "
        "the list.\n\nCanberra sees the new format as a sign of how far ties have come.",
        countries=("Australia", "India")),
    _fx("aus-2p2-analysis", "aus-2p2", "2021-09-13T09:00:00+05:30",
        "What the first India-Australia 2+2 means for the Indian Ocean",
        "Two days after the foreign and defence ministers of both countries met in New "
        "Delhi, the outcome looks modest on paper but matters at sea.\n\n"
        "More port visits and larger exercises are likely over the coming year.",
        countries=("India", "Australia")),
)


def _sig(fx: Fixture) -> Signature:
    return signature(fx.article, fx.entities)


def _placed(order: Sequence[Fixture]) -> dict[str, str]:
    """Place reports in order as the store does (assign, then merges); name -> event."""
    events: dict[str, Gathered] = {}
    out: dict[str, str] = {}
    for fx in order:
        sig = _sig(fx)
        cands = [Candidate(e, g.summary.first, tuple(g.members), g) for e, g in events.items()]
        chosen = assign(sig, cands) or f"e{len(events) + len(out)}"
        events.setdefault(chosen, Gathered()).add(sig)
        out[fx.name] = chosen
        grown = Candidate(chosen, events[chosen].summary.first,
                          tuple(events[chosen].members), events[chosen])
        for gone in merges(grown, [c for c in cands if c.event_id != chosen]):
            for member in events.pop(gone).members:
                events[chosen].add(member)
            out = {k: chosen if v == gone else v for k, v in out.items()}
    return out


BY_NAME = {fx.name: fx for fx in CORPUS}
