"""The recommendation library from the recommendations tab: a new recommendation from a
template, the one in the form saved as a template.

A base class of :class:`RecommendationsEditor` (it uses the editor's form, errors and
selection); its words stay in the editor's translation context.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from assessor.domain.errors import AssessorError
from assessor.services import templates as template_service
from assessor.ui.check_list import CheckList
from assessor.ui.workspace.forms import ErrorLabel, show_error
from assessor.ui.workspace.state import WorkspaceState

if TYPE_CHECKING:
    from assessor.ui.workspace.templates import TemplateLibrary

translate = QCoreApplication.translate  # lupdate reads translate("RecommendationsEditor", ...)


class LibraryActions:
    """What the editor does with the library; the editor provides what is declared here."""

    state: WorkspaceState
    current_id: str | None
    dimensions: CheckList
    errors: dict[str, Any]
    general_error: ErrorLabel
    reload: Callable[[], None]
    _created: Callable[[str, str], str]

    def template_dialog(self) -> TemplateLibrary:
        from assessor.ui.workspace.templates import TemplateLibrary

        # the dimension the recommendation in the form is about; with none ticked, the whole
        # library (a filter on the weakest dimension looked unrelated to what was being written)
        checked = self.dimensions.checked()
        dims = self.state.data.checklist.dimensions
        key = next((d.key for d in dims if checked and d.id == checked[0]), "")
        return TemplateLibrary(
            self.state.db,
            [(d.key, d.title) for d in dims],
            self.state.lang,
            cast("QWidget", self),  # the editor
            dimension_key=key,
        )

    def from_template(self) -> str | None:
        dialog = self.template_dialog()
        if not dialog.exec():
            return None
        return self.use_template(dialog.chosen())

    def use_template(self, template_id: str | None) -> str | None:
        if not template_id:
            return None
        try:
            with self.state.db.transaction() as s:
                new_id = template_service.create_recommendation_from_template(
                    s, self.state.assessment_id, template_id
                )
        except AssessorError as exc:
            show_error(self.errors, exc, "")
            return None
        return self._created(
            new_id, translate("RecommendationsEditor", "Recommendation from the library")
        )

    def save_to_library(self) -> str | None:
        if self.current_id is None:
            return None
        try:
            with self.state.db.transaction() as s:
                template_id = template_service.save_as_template(
                    s, self.current_id, language=self.state.lang
                )
        except AssessorError as exc:
            show_error(self.errors, exc, "")
            return None
        self.general_error.clear_error()
        self.reload()
        return template_id
