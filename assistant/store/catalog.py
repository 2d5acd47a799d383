"""The reports' metadata and the place index over them, kept in step with the store report by report.

Read whole once when a process opens the store (or after another process committed); a commit of its own
then re-reads only the reports it added or removed, so adding one report to 30,000 does not parse 30,000
metadata rows and rebuild every place's aliases.
"""
from __future__ import annotations

from collections import Counter

from ..models import ReportMeta
from ..places import PlaceIndex
from .docstore import DocStore


def _by_source(metas) -> dict[str, ReportMeta]:
    # the order reports are listed in (DocStore.reports), on both databases
    return {m.id: m for m in sorted(metas, key=lambda m: m.source)}


class Catalog:
    def __init__(self, docs: DocStore):
        self.docs = docs
        self.metas: dict[str, ReportMeta] = {}
        self.places = PlaceIndex([])
        self._reports_of: Counter[str] = Counter()  # place → its reports, so a removal knows a place's last one

    def load(self) -> None:
        """Everything again: at open, or after another process changed the store."""
        self.docs.mark_plain()  # an older store's reports: once
        self.docs.name_departments()
        self.metas = _by_source(self.docs.reports())
        self._reports_of = Counter(m.place for m in self.metas.values() if m.place)
        self.places = PlaceIndex(list(self._reports_of), {m.place: m.place_full for m in self.metas.values() if m.place})

    def update(self, changed: set[str]) -> list[str]:
        """Re-read only the changed reports' rows (added, replaced or removed ones); returns the place
        names the index gained, for the tokenizer."""
        fresh = {m.id: m for m in self.docs.reports_of(changed)}
        kept = [m for i, m in self.metas.items() if i not in changed]
        gone = [self.metas[i] for i in changed if i in self.metas]
        self.metas = _by_source(kept + list(fresh.values())) if fresh else {m.id: m for m in kept}
        self._reports_of.subtract(m.place for m in gone if m.place)
        self._reports_of.update(m.place for m in fresh.values() if m.place)
        for place in [p for p, n in self._reports_of.items() if n <= 0]:
            del self._reports_of[place]
            self.places.remove(place)
        return [name for m in fresh.values() if m.place for name in self.places.add(m.place, m.place_full)]
