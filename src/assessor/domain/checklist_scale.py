"""A checklist's scale (its levels, named) and bands (score ranges, named), checked."""

from __future__ import annotations

import math

from yaml.nodes import Node, ScalarNode

from assessor.domain.checklist import Band, ScaleLevel
from assessor.domain.checklist_shapes import ShapeChecker
from assessor.domain.messages import Detail as _p


class ScaleChecker(ShapeChecker):
    """The scale and the bands, on top of the generic shapes."""

    def scale(self, node: Node) -> tuple[ScaleLevel, ...] | None:
        items = self.sequence(node, _p("scale"))
        if items is None:
            return None
        if len(items) < 2:
            self.add(node, _p("scale must have at least two levels"))
            return None
        levels: list[ScaleLevel] = []
        ok = True
        for i, item in enumerate(items):
            fields = self.mapping(
                item, _p("scale level {value}", value=f"{i + 1}"), ("level", "name"), ()
            )
            if fields is None or "level" not in fields or "name" not in fields:
                ok = False
                continue
            level_node = fields["level"][1]
            level = self.value(level_node) if isinstance(level_node, ScalarNode) else None
            name = self.text(fields["name"][1], _p("name of scale level {level}", level=level))
            if not isinstance(level, int) or isinstance(level, bool):
                self.add(
                    level_node,
                    _p("scale level must be a whole number, not {level}", level=f"{level!r}"),
                )
                ok = False
                continue
            if levels and level != levels[-1].level + 1:
                self.add(
                    level_node,
                    _p(
                        "scale levels must be consecutive whole numbers: expected {value}, found "
                        "{level}",
                        value=f"{levels[-1].level + 1}",
                        level=level,
                    ),
                )
                ok = False
            if name is None:
                ok = False
                continue
            levels.append(ScaleLevel(level, name))
        return tuple(levels) if ok else None

    def bands(self, node: Node, scale: tuple[ScaleLevel, ...] | None) -> tuple[Band, ...] | None:
        items = self.sequence(node, _p("bands"))
        if items is None:
            return None
        bands: list[Band] = []
        ok = True
        for i, item in enumerate(items):
            fields = self.mapping(item, _p("band {value}", value=f"{i + 1}"), ("min", "name"), ())
            if fields is None or "min" not in fields or "name" not in fields:
                ok = False
                continue
            min_node = fields["min"][1]
            low = self.value(min_node) if isinstance(min_node, ScalarNode) else None
            name = self.text(fields["name"][1], _p("name of band {value}", value=f"{i + 1}"))
            if not isinstance(low, int | float) or isinstance(low, bool) or not math.isfinite(low):
                self.add(min_node, _p("band min must be a number, not {low}", low=f"{low!r}"))
                ok = False
                continue
            if scale is not None and not scale[0].level <= low <= scale[-1].level:
                self.add(
                    min_node,
                    _p(
                        "band min {low} is outside the scale {value}-{value2}",
                        low=low,
                        value=f"{scale[0].level}",
                        value2=f"{scale[-1].level}",
                    ),
                )
                ok = False
            if bands and low <= bands[-1].min:
                self.add(min_node, _p("bands must be listed with increasing min"))
                ok = False
            if not bands and scale is not None and low != scale[0].level:
                self.add(
                    min_node,
                    _p(
                        "the first band must start at the lowest level, {value}, so that every "
                        "score has a band",
                        value=f"{scale[0].level}",
                    ),
                )
                ok = False
            if name is None:
                ok = False
                continue
            bands.append(Band(float(low), name))
        return tuple(bands) if ok else None
