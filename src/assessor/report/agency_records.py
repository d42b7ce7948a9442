"""The agency report's record sections: the meetings, then the appendices (every answer, the
method and, when asked for, the assessment read through another checklist)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Spacer,
)

from assessor.domain.counts import counted
from assessor.report.data import (
    AnswerItem,
    MappedReadingItem,
    MeetingItem,
)
from assessor.report.markup import esc
from assessor.report.story_kit import StoryKit
from assessor.report.tagging import (
    P,
)
from assessor.report.texts import label


class RecordSections(StoryKit):
    def meetings(self) -> None:
        d, t = self.data, self.t
        self.section("6-meetings", "meetings")
        if not d.meetings:
            self.para(esc(t["no_meetings"]))
            return
        for meeting in sorted(d.meetings, key=lambda m: m.starts_at):
            self._meeting(meeting)

    def _meeting(self, m: MeetingItem) -> None:
        d, t, st = self.data, self.t, self.st
        when = m.starts_at.strftime("%Y-%m-%d %H:%M")
        kind = label(d.language, "kind", m.kind)
        title = m.title.strip() or kind
        head = [P(f"{esc(when)} · {esc(title)}", st.h2)]
        line = esc(kind)
        place = m.place.strip()
        if place and place.casefold() != kind.casefold():  # not "Video meeting · Place: Video"
            line += f" · {esc(t['place'])}: {esc(place)}"
        head.append(P(line, st.muted))
        items: list[tuple[str, str]] = []
        if m.participants:
            items.append((t["participants"], esc(", ".join(m.participants))))
        if m.advisors:
            items.append((t["advisors"], esc(", ".join(m.advisors))))
        self.keep(head, len(title) + len(m.place))
        self.fields(items)
        if m.decisions.strip():
            self._decisions(m.decisions, f"decisions-{when}-{title}")
        if not m.confidential:
            notes = [esc(m.notes)] if m.notes.strip() else []
            notes += [
                (f"<b>{n.written_at.strftime('%H:%M')}</b> " if n.written_at else "") + esc(n.text)
                for n in m.note_entries
                if not n.confidential and n.text.strip()
            ]
            if notes:
                self.fields([(t["notes"], "<br/>".join(notes))])
        if m.confidential:
            self.para(esc(t["confidential_left_out"]), st.muted)

    def _decisions(self, text: str, group: str) -> None:
        """Decisions typed as "- one" lines become a list under their label; other text stays
        one field, as typed."""
        t = self.t
        entries = list_entries(text)
        if entries is None:
            self.fields([(t["decisions"], esc(text))])
            return
        lead, listed = entries
        self.fields([(t["decisions"], esc(lead))])
        for entry in listed:
            self.item(esc(entry), group, "•")

    def appendix_answers(self) -> None:
        d, t, st = self.data, self.t, self.st
        self.section("A-answers", "appendix_answers")
        by_dimension: dict[str, list[AnswerItem]] = {}
        for answer in d.answers:
            by_dimension.setdefault(answer.dimension_key, []).append(answer)
        for dim in d.dimensions:
            answers = by_dimension.get(dim.key, [])
            for i, answer in enumerate(answers):
                if answer.not_applicable:
                    level = esc(t["not_applicable"])
                elif answer.level is None:
                    level = esc(t["unanswered"])
                else:
                    name = d.level_name(answer.level)
                    level = f"<b>{answer.level}</b>" + (f" – {esc(name)}" if name else "")
                # the dimension's title stays with its first answer, a comment with its answer
                block: list[Flowable] = [P(esc(dim.title), st.h2_block)] if i == 0 else []
                detail = f"{esc(t['level'])}: {level}"
                if answer.level is not None or answer.not_applicable:
                    # an unanswered question has no confidence: the stored default ("medium")
                    # read as the advisor's "Säkerhet i bedömningen: Medel"
                    confidence = label(d.language, "confidence", answer.confidence)
                    detail += f" · {esc(t['confidence'])}: {esc(confidence)}"
                if answer.comment.strip():
                    detail += f"<br/><i>{esc(t['comment'])}:</i> {esc(answer.comment)}"
                if answer.evidence:
                    files = "; ".join(
                        f"{esc(name)} ({day.isoformat()})" for name, day in answer.evidence
                    )
                    detail += f"<br/><i>{esc(t['evidence'])}:</i> {files}"
                block += [
                    P(
                        (f"<b>{esc(answer.label)}</b> " if answer.label else "")
                        + esc(answer.question),
                        st.question,
                    ),
                    P(detail, st.fields),
                ]
                self.keep(block, len(answer.question) + len(answer.comment))

    def appendix_mapped(self, m: MappedReadingItem) -> None:
        t = self.t
        self.section("C-mapped", "appendix_mapped")
        self.para(
            esc(t["mapped_intro"].format(checklist=m.checklist_title, mapping=m.mapping_name))
        )
        rows = [
            [
                esc(title),
                self.num(score, 2),
                t["answered_of"].format(answered=read, applicable=total),
            ]
            for title, score, read, total in m.dimensions
        ]
        rows.append([f"<b>{esc(t['overall_index'])}</b>", self.num(m.overall, 2), ""])
        self.story.append(
            self.table(
                [t["dimension"], t["mapped_score"], t["mapped_read"]],
                rows,
                [0.6, 0.18, 0.22],
                align_right=(1, 2),
            )
        )
        self.story.append(Spacer(1, 8))  # as after the follow-up's score table
        lang = self.data.language
        self.para(
            esc(
                t["mapped_unread"].format(
                    not_linked=counted(m.not_linked, "question", lang),
                    not_answered=counted(m.not_answered, "question", lang),
                    unused=counted(m.unused, "answer", lang),
                )
            )
        )

    def appendix_method(self) -> None:
        d, t, st = self.data, self.t, self.st
        self.section("B-method", "appendix_method")
        fill = {"min": d.min_level, "max": d.max_level}
        self.para(esc(t["method_1"].format(**fill)))
        self.para(esc(t["method_2"].format(**fill)))
        if d.scale:
            self.story.append(P(esc(t["scale"]), st.h2))
            self.story.append(
                self.table(
                    [t["level"], t["level_name"]],
                    [[str(s.level), esc(s.name)] for s in d.scale],
                    [0.12, 0.88],
                )
            )
        self.story.append(P(esc(t["method_details"]), st.h2))
        if d.overall_explanation.strip():
            self.user(d.overall_explanation)
        rows = [
            [
                esc(dim.title),
                self.num(dim.weight, 2),
                self.num(dim.score, 2),
                f"{dim.answered}/{dim.applicable}/{dim.total}",
            ]
            for dim in d.dimensions
        ]
        self.story.append(
            self.table(
                [t["dimension"], t["weight"], t["score"], t["answered_columns"]],
                rows,
                [0.48, 0.11, 0.11, 0.30],
                align_right=(1, 2, 3),
            )
        )
        texts_ = [d.dimension_explanations.get(dim.key, "") for dim in d.dimensions]
        common = _common_lines([x for x in texts_ if x.strip()])
        if common:
            self.story.append(Spacer(1, 6))
            self.user("\n".join(common))
        for dim, text in zip(d.dimensions, texts_, strict=True):
            lines = [line for line in text.splitlines() if line not in common]
            if any(line.strip() for line in lines):
                self.story.append(
                    KeepTogether(
                        [
                            P(esc(dim.title), st.h3),
                            P(esc("\n".join(lines)), st.indent),
                        ]
                    )
                )


def _common_lines(texts_: Sequence[str]) -> list[str]:
    """Lines every explanation repeats (the formula): printed once instead of each time."""
    if len(texts_) < 2:
        return []
    shared = set(texts_[0].splitlines())
    for text in texts_[1:]:
        shared &= set(text.splitlines())
    return [line for line in texts_[0].splitlines() if line in shared and line.strip()]


_MARKERS = ("- ", "* ", "• ", "– ")


def list_entries(text: str) -> tuple[str, list[str]] | None:
    """("text before the list", [entries]) when lines start with a list marker, else None.

    A line without a marker after an entry continues it (a long decision typed over lines).
    """
    lead: list[str] = []
    entries: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        marker = next((m for m in _MARKERS if line.startswith(m) or line == m.strip()), None)
        if marker is not None:
            entries.append(line[len(marker) :].strip() if line != marker.strip() else "")
        elif entries:
            entries[-1] = f"{entries[-1]} {line}".strip()
        else:
            lead.append(line)
    entries = [e for e in entries if e]
    if not entries:
        return None
    return " ".join(lead), entries
