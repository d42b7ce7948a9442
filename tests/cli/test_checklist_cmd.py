from __future__ import annotations

import json
from pathlib import Path

import pytest

from assessor.cli.main import main

FIXTURES = Path(__file__).parents[1] / "domain" / "fixtures"
SMALL = FIXTURES / "small.yaml"


def test_validate_exits_0_when_every_file_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(SMALL), str(FIXTURES / "ciso_two_languages.yaml")]
    assert main(["checklist", "validate", *files]) == 0
    out = capsys.readouterr().out
    assert f"{SMALL}: ok: small-model 1.0, 2 dimensions, 3 questions" in out
    assert "a CISO Assistant library" in out and "note:" in out


def test_validate_exits_2_with_one_file_line_message_per_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    text = SMALL.read_text("utf-8")
    bad.write_text(
        text.replace("weight: 0.5", "weight: 0").replace(
            "id: data.catalogue", "id: governance.roles"
        ),
        encoding="utf-8",
    )
    assert main(["checklist", "validate", str(SMALL), str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    lines = text.splitlines()
    weight_line = next(i + 1 for i, line in enumerate(lines) if "weight: 0.5" in line)
    dup_line = next(i + 1 for i, line in enumerate(lines) if "id: data.catalogue" in line)
    assert err == [
        f"{bad}:{weight_line}: question 'governance.roles': weight must be a number greater "
        "than 0, not 0",
        f"{bad}:{dup_line}: duplicate question id 'governance.roles' (first used on line "
        f"{weight_line - 1})",
    ]


def test_validate_reports_a_missing_file_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.yaml"
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"format: \xff\xfe\n")
    assert main(["checklist", "validate", str(missing), str(binary)]) == 2
    err = capsys.readouterr().err
    assert f"{missing}: no such file" in err
    assert f"{binary}:1: the file is not UTF-8" in err
    assert "Traceback" not in err


def test_import_and_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    assert main(["db", "init", "--db", db]) == 0
    assert main(["checklist", "import", str(SMALL), "--db", db]) == 0
    assert "small-model 1.0: imported" in capsys.readouterr().out
    assert main(["checklist", "import", str(SMALL), "--db", db]) == 0
    assert "already imported, nothing changed" in capsys.readouterr().out
    assert main(["checklist", "list", "--db", db, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    small = next(r for r in rows if r["key"] == "small-model")
    assert (small["version"], small["dimensions"], small["questions"]) == ("1.0", 2, 3)
    assert len(small["content_hash"]) == 64
    assert main(["checklist", "list", "--db", db]) == 0
    assert any(
        line.startswith("small-model\t1.0\t") for line in capsys.readouterr().out.splitlines()
    )


def test_import_refusals_exit_2_and_change_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "a.db")
    assert main(["db", "init", "--db", db]) == 0
    assert main(["checklist", "import", str(SMALL), "--db", db]) == 0
    changed = tmp_path / "changed.yaml"
    changed.write_text(
        SMALL.read_text("utf-8").replace("Liten modell", "Lite större modell"), encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["checklist", "import", str(changed), "--db", db]) == 2
    err = capsys.readouterr().err
    assert "already imported with different content" in err and "Traceback" not in err
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: assessor-checklist/1\nid: [\n", encoding="utf-8")
    assert main(["checklist", "import", str(broken), "--db", db]) == 2
    assert f"{broken}:" in capsys.readouterr().err
    assert main(["checklist", "list", "--db", db, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["version"] for r in rows if r["key"] == "small-model"] == ["1.0"]


def test_a_library_converted_differently_before_imports_as_a_new_version_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dataclasses import replace

    from assessor.services.checklists import parse_file, store_checklist
    from assessor.store.db import Database

    library = FIXTURES / "ciso_two_languages.yaml"
    db = str(tmp_path / "a.db")
    assert main(["db", "init", "--db", db]) == 0
    doc = parse_file(library.read_bytes(), library.name)[0]
    with Database(Path(db)) as database, database.transaction() as s:
        older = replace(doc, description={lang: "older conversion" for lang in doc.languages})
        store_checklist(s, older, source_format="ciso-assistant")
    capsys.readouterr()
    assert main(["checklist", "import", str(library), "--db", db]) == 2
    err = capsys.readouterr().err
    assert f"as a new version ({doc.version}.1)" in err and "Traceback" not in err
    assert main(["checklist", "import", str(library), "--as-new-version", "--db", db]) == 0
    out = capsys.readouterr().out
    assert f"{doc.id} {doc.version}.1: imported" in out
    assert f"note: The library was already imported as version {doc.version}" in out
    assert main(["checklist", "import", str(library), "--db", db]) == 0
    assert f"{doc.version}.1: already imported, nothing changed" in capsys.readouterr().out


def test_migrate_moves_an_assessment_to_a_newer_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date

    from sqlalchemy import select
    from tests.services.test_checklists import small_v2

    from assessor.services.agencies import create_agency
    from assessor.services.answers import set_answer
    from assessor.services.assessments import create_assessment
    from assessor.store.db import Database
    from assessor.store.models import Assessment, Checklist, ChecklistQuestion

    db = str(tmp_path / "a.db")
    assert main(["db", "init", "--db", db]) == 0
    assert main(["checklist", "import", str(SMALL), "--db", db]) == 0
    with Database(Path(db)) as database, database.transaction() as s:
        old = s.scalars(select(Checklist).where(Checklist.key == "small-model")).one()
        agency = create_agency(s, name="Skatteverket")
        three = []  # the same assessment three times: moved in English, Swedish and --json
        for day in (2, 3, 4):
            one = create_assessment(s, agency, checklist_id=old.id, assessed_on=date(2026, 3, day))
            for key, level in (("governance.strategy", 2), ("governance.roles", 1)):
                question = s.scalars(
                    select(ChecklistQuestion).where(
                        ChecklistQuestion.checklist_id == old.id, ChecklistQuestion.key == key
                    )
                ).one()
                set_answer(s, one, question.id, level=level)
            three.append(one)
    assessment = three[0]

    def migrate(to: str, which: str = assessment, lang: str = "en", *more: str) -> int:
        command = ["checklist", "migrate", "--assessment", which, "--to", to, "--db", db]
        return main(["--lang", lang, *command, *more])

    v2 = tmp_path / "small-1.1.yaml"
    v2.write_bytes(small_v2())
    assert main(["checklist", "import", str(v2), "--db", db]) == 0
    capsys.readouterr()
    # a version that does not exist: one line, exit 2, nothing moved
    assert migrate("9.9") == 2
    err = capsys.readouterr().err
    assert "small-model has no version 9.9" in err and "Traceback" not in err
    assert migrate("1.1") == 0
    out = capsys.readouterr().out
    assert "carried: answers 1," in out
    assert "not carried: answer to question governance.roles" in out
    assert "questions without an answer yet: data.catalogue, data.sharing" in out
    with Database(Path(db)) as database, database.read() as s:
        moved = s.get(Assessment, assessment)
        assert moved is not None
        assert s.get(Checklist, moved.checklist_id).version == "1.1"  # type: ignore[union-attr]
    # it only moves forward
    assert migrate("1.0") == 2
    assert "only moves forward" in capsys.readouterr().err
    # in Swedish, what was left behind is Swedish too; --json stays the same in both
    assert migrate("1.1", three[1], "sv") == 0
    out = capsys.readouterr().out
    assert "inte överfört: svaret på fråga governance.roles: frågan finns inte i version 1.1" in out
    assert "answer to" not in out and "no such" not in out
    assert migrate("1.1", three[2], "sv", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["not_carried"] == [
        "answer to question governance.roles: no such question in version 1.1"
    ]
    assert "left_behind" not in shown
