"""Mapping sets kept and an assessment read through one, in the service and on the command line."""

from __future__ import annotations

import json
import lzma
from datetime import date
from pathlib import Path

import pytest

from assessor.cli.main import main
from assessor.domain.checklist import ChecklistProblems
from assessor.domain.ciso_mapping import read_mapping_library
from assessor.domain.mapping import links_from_plain
from assessor.services import answers, assessments
from assessor.services.agencies import create_agency
from assessor.services.checklists import import_checklist, question_row_id
from assessor.services.mappings import (
    import_mappings,
    list_mappings,
    reachable_checklists,
    read_assessment_as,
)
from assessor.services.scores import assessment_scores
from assessor.store.db import Database

SAMPLES = Path(__file__).parents[1] / "samples" / "ciso"
MAP_ID = "mapping-nist-csf-1.1-nist-csf-2.0"


def sample(name: str) -> bytes:
    return lzma.decompress((SAMPLES / f"{name}.yaml.xz").read_bytes())


@pytest.fixture
def csf(db: Database) -> tuple[str, str, str]:
    """An assessment on NIST CSF 1.1 with five answers; CSF 2.0 imported beside it."""
    with db.transaction() as s:
        old = import_checklist(s, sample("nist-csf-1.1"), "csf11.yaml").checklist_id
        new = import_checklist(s, sample("nist-csf-2.0"), "csf20.yaml").checklist_id
        agency = create_agency(s, name="Myndigheten för test")
        assessment = assessments.create_assessment(
            s, agency, checklist_id=old, assessed_on=date(2026, 11, 1)
        )
        for key, level in {"id.be-2": 4, "id.be-3": 1, "id.be-4": 3, "pr.ip-4": 2}.items():
            answers.set_answer(s, assessment, question_row_id(old, key), level=level)
        answers.set_answer(s, assessment, question_row_id(old, "id.be-5"), not_applicable=True)
    return assessment, old, new


def test_a_kept_mapping_reads_an_assessment_as_the_other_checklist(
    db: Database, csf: tuple[str, str, str]
) -> None:
    assessment, old, new = csf
    with db.transaction() as s:
        kept = import_mappings(s, sample("map-nist-csf-1.1-nist-csf-2.0"), "map.yaml")
    assert [(k.mapping.id, k.added) for k in kept] == [(MAP_ID, True)]
    with db.transaction() as s:
        assert not import_mappings(s, sample("map-nist-csf-1.1-nist-csf-2.0"), "map.yaml")[0].added
    with db.read() as s:
        assert [m.id for m in list_mappings(s)] == [MAP_ID]
        assert [r.checklist_id for r in reachable_checklists(s, old)] == [new]
        result = read_assessment_as(s, assessment, MAP_ID, new)
        own = assessment_scores(s, assessment)
    reading = result.reading
    values = {q.key: q.value for q in reading.questions if q.value is not None}
    assert values == {"gv.oc-01": 2.5, "gv.oc-04": 3.0, "gv.oc-05": 3.0, "pr.ds-11": 2.0}
    assert reading.overall == pytest.approx(((2.5 + 3.0 + 3.0) / 3 + 2.0) / 2)
    assert own.overall is not None  # the assessment's own scores are untouched by the reading


def test_a_file_that_is_no_mapping_set_keeps_nothing(db: Database) -> None:
    with (
        pytest.raises(ChecklistProblems, match="not a mapping set but framework"),
        db.transaction() as s,
    ):
        import_mappings(s, sample("nis2-directive"), "nis2.yaml")
    with db.read() as s:
        assert list_mappings(s) == []


def test_mapping_commands(
    db: Database, db_path: Path, csf: tuple[str, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assessment, _old, new = csf
    file = db_path.parent / "map.yaml"
    file.write_bytes(sample("map-nist-csf-1.1-nist-csf-2.0"))
    db.close()
    assert main(["mapping", "import", str(file), "--db", str(db_path)]) == 0
    assert f"{MAP_ID}: kept (185 links" in capsys.readouterr().out
    show = ["mapping", "show", "--db", str(db_path), "--assessment", assessment]
    assert main([*show, "--mapping", MAP_ID, "--checklist", new, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["questions"]["gv.oc-01"] == 2.5 and len(shown["not_linked"]) == 16
    assert main([*show, "--mapping", MAP_ID, "--checklist", new]) == 0
    out = capsys.readouterr().out
    assert "GOVERN\t2.83\t3 of 31 questions read" in out
    assert main([*show, "--mapping", "nope", "--checklist", new]) == 2
    assert "no mapping set 'nope'" in capsys.readouterr().err
    remove = ["mapping", "remove", "--db", str(db_path)]
    assert main([*remove, MAP_ID]) == 0
    assert f"{MAP_ID}: removed" in capsys.readouterr().out
    assert main(["mapping", "list", "--db", str(db_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main([*remove, MAP_ID]) == 2  # removed already
    assert "no mapping set" in capsys.readouterr().err


def test_the_report_reads_the_assessment_as_the_mapped_checklist_in_an_appendix(
    db: Database, db_path: Path, csf: tuple[str, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from pypdf import PdfReader

    assessment, _old, new = csf
    with db.transaction() as s:
        import_mappings(s, sample("map-nist-csf-1.1-nist-csf-2.0"), "map.yaml")
    db.close()
    out = db_path.parent / "r.pdf"
    base = ["report", "--db", str(db_path), "--assessment", assessment, "--out", str(out)]
    assert main([*base, "--read-as", new, "--mapping", MAP_ID]) == 0
    pages = PdfReader(io.BytesIO(out.read_bytes())).pages
    text = " ".join(" ".join(p.extract_text() or "" for p in pages).split())
    assert "Bilaga C. Bedömningen läst som en annan modell" in text
    assert "GV GOVERN 2,83 3 av 31" in text
    assert "Inte lästa: 16 frågor som ingen mappning når" in text
    assert main([*base, "--read-as", new]) == 2
    assert "--read-as and --mapping go together" in capsys.readouterr().err


def test_the_portfolio_takes_in_agencies_assessed_on_a_mapped_checklist(
    db: Database, db_path: Path, csf: tuple[str, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    from assessor.services.portfolio import PortfolioFilter, load_portfolio

    _assessment, _old, new = csf
    with db.transaction() as s:
        other = create_agency(s, name="Bolagsverket")
        direct = assessments.create_assessment(
            s, other, checklist_id=new, assessed_on=date(2026, 10, 1)
        )
        answers.set_answer(s, direct, question_row_id(new, "gv.oc-01"), level=1)
    with db.transaction() as s:
        import_mappings(s, sample("map-nist-csf-1.1-nist-csf-2.0"), "map.yaml")
    with db.read() as s:
        alone = load_portfolio(s, PortfolioFilter(checklist_key="nist-csf-2.0"))
        both = load_portfolio(s, PortfolioFilter(checklist_key="nist-csf-2.0", include_mapped=True))
    assert [r.name for r in alone.agencies] == ["Bolagsverket"]
    rows = {r.name: r for r in both.agencies}
    assert set(rows) == {"Bolagsverket", "Myndigheten för test"}
    mapped = rows["Myndigheten för test"]
    assert mapped.mapped_from == "nist-csf-1.1 6" and rows["Bolagsverket"].mapped_from == ""
    assert mapped.dimensions["gv"] == pytest.approx((2.5 + 3.0 + 3.0) / 3)
    assert mapped.overall == pytest.approx(((2.5 + 3.0 + 3.0) / 3 + 2.0) / 2)
    db.close()
    args = ["portfolio", "--db", str(db_path), "--checklist", "nist-csf-2.0", "--json"]
    assert main([*args, "--mapped"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["agencies"] == 2 and len(shown["mapped_agencies"]) == 1


def test_a_set_with_an_unknown_relationship_is_refused_in_either_language(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file import keeps the bounds a colleague's import checks, so nothing kept here
    is refused there; the refusal is one line, worded in the user's language."""
    file = db_path.parent / "odd.yaml"
    text = sample("map-nist-csf-1.1-nist-csf-2.0").decode()
    file.write_text(text.replace("relationship: intersect", "relationship: cousin", 1), "utf-8")
    db.close()
    assert main(["mapping", "import", str(file), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert err.strip().endswith("a known relationship") and err.count("\n") == 1
    assert main(["--lang", "sv", "mapping", "import", str(file), "--db", str(db_path)]) == 2
    assert "koppling är inte två korta urn och ett känt samband" in capsys.readouterr().err
    assert main(["mapping", "list", "--db", str(db_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_set_outside_the_bounds_is_never_kept(db: Database) -> None:
    from assessor.domain.errors import BadInput
    from assessor.domain.mapping import MappingLink, MappingSet
    from assessor.services.mappings import keep_mapping

    odd = MappingSet("odd", "Odd", "urn:a", "urn:b", (MappingLink("urn:a:1", "urn:b:1", "kin"),))
    with pytest.raises(BadInput, match="known relationship"), db.transaction() as s:
        keep_mapping(s, odd)
    with db.read() as s:
        assert list_mappings(s) == []


def test_the_kept_sets_are_listed_with_their_checklists_and_removed_softly(
    db: Database, csf: tuple[str, str, str]
) -> None:
    from assessor.services.mappings import delete_mapping, mapping_rows, restore_mapping
    from assessor.store.models import StoredMappingSet

    with db.transaction() as s:
        assert mapping_rows(s) == []
        import_mappings(s, sample("map-nist-csf-1.1-nist-csf-2.0"), "map.yaml")
    with db.read() as s:
        (row,) = mapping_rows(s)
    assert (row.key, row.links) == (MAP_ID, 185)
    assert row.source_framework == "urn:intuitem:risk:framework:nist-csf-1.1"
    assert row.source_title is not None and "1.1" in row.source_title["en"]
    assert row.target_title is not None and "2.0" in row.target_title["en"]
    with db.transaction() as s:
        delete_mapping(s, row.id)
    with db.read() as s:
        assert mapping_rows(s) == [] and list_mappings(s) == []
        kept = s.get(StoredMappingSet, row.id)
        assert kept is not None and kept.deleted_at is not None
        assert len(links_from_plain(kept.links)) == 185
    with db.transaction() as s:
        restore_mapping(s, row.id)
    with db.read() as s:
        assert mapping_rows(s) == [row]


def test_a_set_whose_checklists_are_not_imported_names_the_framework_urns(db: Database) -> None:
    from assessor.domain.errors import NotFound
    from assessor.services.mappings import delete_mapping, mapping_rows

    with db.transaction() as s:
        import_mappings(s, sample("map-nist-csf-1.1-nist-csf-2.0"), "map.yaml")
        (row,) = mapping_rows(s)
        assert row.source_title is None and row.target_title is None
        delete_mapping(s, row.id)
        with pytest.raises(NotFound):  # removed already: said, not done twice
            delete_mapping(s, row.id)


def edition(version: str | None, drop: int = 0) -> bytes:
    """The sample mapping library as another edition: its ``version`` line set (or taken
    out), and its last ``drop`` links left out so the editions differ."""
    text = sample("map-nist-csf-1.1-nist-csf-2.0").decode()
    line = "" if version is None else f"version: {version}\n"
    text = text.replace("version: 1\n", line, 1)
    if drop:
        head, _, links = text.partition("    requirement_mappings:\n")
        entries = links.split("    - source_requirement_urn:")
        text = (
            head
            + "    requirement_mappings:\n"
            + "    - source_requirement_urn:".join(entries[:-drop])
        )
    return text.encode()


def _kept(db: Database) -> tuple[str | None, int]:
    with db.read() as s:
        (m,) = list_mappings(s)
    return m.version, len(m.links)


def test_an_older_edition_is_refused_and_the_same_one_writes_nothing(db: Database) -> None:
    from assessor.domain.errors import BadInput
    from assessor.services.portfolio import data_stamp

    with db.transaction() as s:
        (first,) = import_mappings(s, edition("2", drop=5), "v2.yaml")
    assert first.added and first.mapping.version == "2"
    assert _kept(db) == ("2", 180)
    with db.read() as s:
        stamp = data_stamp(s)
    with db.transaction() as s:  # the same edition again: nothing written
        assert not import_mappings(s, edition("2", drop=5), "v2.yaml")[0].added
    with pytest.raises(BadInput) as refused, db.transaction() as s:
        import_mappings(s, edition("1.9"), "v1.yaml")
    assert refused.value.code == "mapping.older_edition"
    assert "version 1.9, older than version 2 kept" in refused.value.english
    with db.read() as s:
        assert data_stamp(s) == stamp
    assert _kept(db) == ("2", 180)
    # a newer one replaces it; one naming no version cannot be compared, so it is kept too
    with db.transaction() as s:
        assert import_mappings(s, edition("3"), "v3.yaml")[0].added
    assert _kept(db) == ("3", 185)
    with db.transaction() as s:
        assert import_mappings(s, edition(None, drop=1), "nov.yaml")[0].added
    assert _kept(db) == (None, 184)


def test_a_set_kept_before_versions_were_takes_any_edition(db: Database) -> None:
    """A row without a version (kept by an earlier program, or a package from one) still
    reads, and an edition with a version replaces it; a removed set may come back older."""
    from assessor.domain.mapping import MappingSet
    from assessor.services.mappings import delete_mapping, keep_mapping
    from assessor.store.models import StoredMappingSet, mapping_set_id

    (newer,) = read_mapping_library(edition("3"), "v3.yaml")
    legacy = MappingSet(
        newer.id, newer.name, newer.source_framework, newer.target_framework, newer.links
    )
    with db.transaction() as s:
        assert keep_mapping(s, legacy)
        assert isinstance(s.get(StoredMappingSet, mapping_set_id(MAP_ID)).links, list)
    assert _kept(db) == (None, 185)
    with db.transaction() as s:
        assert import_mappings(s, edition("1"), "v1.yaml")[0].added
    assert _kept(db) == ("1", 185)
    with db.transaction() as s:
        import_mappings(s, edition("3"), "v3.yaml")
        delete_mapping(s, mapping_set_id(MAP_ID))
        assert import_mappings(s, edition("1", drop=2), "v1.yaml")[0].added
    assert _kept(db) == ("1", 183)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "the file holds version 1, older than version 2 kept; nothing was changed"),
        ("sv", "filen har version 1, äldre än den sparade versionen 2; inget ändrades"),
    ],
)
def test_the_command_line_refuses_an_older_edition_in_both_languages(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str], lang: str, words: str
) -> None:
    db.close()
    newer, older = db_path.parent / "v2.yaml", db_path.parent / "v1.yaml"
    newer.write_bytes(edition("2"))
    older.write_bytes(edition("1", drop=3))
    base = ["--lang", lang, "mapping", "import", "--db", str(db_path)]
    assert main([*base, str(newer)]) == 0
    capsys.readouterr()
    assert main([*base, str(older)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert main(["mapping", "list", "--db", str(db_path), "--json"]) == 0
    (kept,) = json.loads(capsys.readouterr().out)
    assert (kept["version"], kept["links"]) == ("2", 185)
