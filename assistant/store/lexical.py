"""Chinese BM25 (bm25s over jieba tokens), persisted beside the vector store."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np

from ..models import Chunk
from ..text.lexicon import tokenize
from ..text.script import to_simplified


class LexicalIndex:
    def __init__(self, directory: Path):
        self.dir = directory
        self.chunk_ids: list[str] = []
        self._bm25 = None
        self._vocab: set[str] = set()

    def build(self, chunks: list[Chunk], context: dict[str, str]) -> None:
        """Index every chunk; `context` (report id → place/title words) is prepended so names match."""
        import bm25s

        self.chunk_ids = [c.id for c in chunks]
        if not chunks:
            self._bm25 = None
            shutil.rmtree(self.dir, ignore_errors=True)
            return
        corpus = [tokenize(to_simplified(context.get(c.report_id, "") + " " + c.section + " " + c.text)) for c in chunks]
        bm25 = bm25s.BM25()
        bm25.index(corpus, show_progress=False)
        tmp = self.dir.with_name(self.dir.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        bm25.save(str(tmp), show_progress=False)
        (tmp / "chunk_ids.json").write_text(json.dumps(self.chunk_ids))
        shutil.rmtree(self.dir, ignore_errors=True)
        tmp.rename(self.dir)  # swap in whole so a crash never leaves a half-written index
        self._bm25 = bm25
        self._vocab = set(bm25.vocab_dict)

    def load(self) -> bool:
        import bm25s

        ids = self.dir / "chunk_ids.json"
        if not ids.exists():
            return False
        self._bm25 = bm25s.BM25.load(str(self.dir), show_progress=False, verbosity=0)
        self.chunk_ids = json.loads(ids.read_text())
        self._vocab = set(self._bm25.vocab_dict)
        return True

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25 score of every chunk, aligned with `chunk_ids` (zeros when nothing matches)."""
        toks = [t for t in query_tokens if t in self._vocab]
        if self._bm25 is None or not toks:
            return np.zeros(len(self.chunk_ids), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(toks), dtype=np.float32)
