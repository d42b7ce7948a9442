"""Saving to the library, searching it, and search hits that open elsewhere."""

from __future__ import annotations


def test_save_to_library_then_find_by_tag_and_text(qtbot, db, setup, undo_stack) -> None:
    from assessor.services.templates import update_template
    from assessor.ui.workspace.templates import TemplateLibrary
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="en")
    qtbot.addWidget(ws)
    recs = ws.recommendations
    recs.add_recommendation()  # an empty title is refused, said beside the field
    assert recs.errors["title"].text() and recs.model.rowCount() == 0
    recs.title.setText("Gemensam e-arkivtjänst")
    recs.text.setPlainText("Använd eSams vägledning")
    rec_id = recs.add_recommendation()
    assert rec_id and recs.model.rowCount() == 1
    template_id = recs.save_to_library()
    assert template_id
    with db.transaction() as s:
        update_template(s, template_id, tags="arkiv, e-tjänst")
    dims = [(d.key, d.title) for d in ws.state.data.checklist.dimensions]
    library = TemplateLibrary(db, dims, "en", picking=False)
    qtbot.addWidget(library)
    library.tag.setText("arkiv")
    library.refresh()
    assert [r.title for r in library.model.rows()] == ["Gemensam e-arkivtjänst"]
    row = library.model.rows()[0]
    assert row.usage == 1 and row.agencies == ("Skatteverket",)
    library.tag.clear()
    library.text.setText("VÄGLEDNING")
    library.refresh()
    assert [r.id for r in library.model.rows()] == [template_id]
    library.text.setText("inget sådant")
    library.refresh()
    assert library.model.rowCount() == 0 and library.empty.text()


def test_recommendation_edits_are_undoable(qtbot, db, setup, undo_stack) -> None:
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="en")
    qtbot.addWidget(ws)
    recs = ws.recommendations
    recs.title.setText("Första")
    rec_id = recs.add_recommendation()
    combo = recs.combos["status"]
    combo.setCurrentIndex(combo.findData("agreed"))
    combo.activated.emit(combo.currentIndex())
    assert recs.model.row_at(0).status == "agreed"
    recs.title.setText("")  # a required title emptied: refused, the typed value kept
    recs.title.editingFinished.emit()
    assert recs.errors["title"].text() and recs.title.text() == ""
    assert recs.model.row_at(0).title == "Första"
    undo_stack.undo()
    assert recs.model.row_at(0).status == "proposed"
    undo_stack.undo()
    assert recs.model.rowCount() == 0
    undo_stack.redo()
    assert recs.model.row_of(rec_id) == 0


def test_a_hit_elsewhere_asks_the_window_to_open_it(qtbot, db, setup, undo_stack) -> None:
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="en")
    qtbot.addWidget(ws)
    asked = []
    ws.open_requested.connect(asked.append)
    ws.focus_search()
    dialog = ws.search_dialog
    dialog.query.setText("förvaltningsplanen")
    hits = dialog.run()
    assert [h.kind for h in hits] == ["note"]
    dialog._activated(dialog.model.index(0, 0))
    assert asked and asked[0].meeting_id == setup.meeting_id


def test_the_library_opens_on_the_dimension_ticked_in_the_form(
    qtbot, db, setup, undo_stack
) -> None:
    from PySide6.QtCore import Qt

    from assessor.ui.workspace.workspace import AssessmentWorkspace

    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="en")
    qtbot.addWidget(ws)
    editor = ws.recommendations
    first = editor.template_dialog()
    qtbot.addWidget(first)
    assert first.dimension.currentData() == ""  # nothing ticked: the whole library
    item = editor.dimensions.item(1)
    item.setCheckState(Qt.CheckState.Checked)
    ticked = ws.state.data.checklist.dimensions[1].key
    second = editor.template_dialog()
    qtbot.addWidget(second)
    assert second.dimension.currentData() == ticked
