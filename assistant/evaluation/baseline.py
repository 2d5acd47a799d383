"""The naive RAG baseline: plain LlamaIndex (fixed-size chunks, dense top-4, no filters, no BM25,
no query rewriting), feeding the same extractive answer step. Used only by `fazhi eval --baseline naive`."""
from __future__ import annotations

from llama_index.core import Document, VectorStoreIndex
from llama_index.core.node_parser import SentenceSplitter

from ..checks.verify import verify
from ..handlers.sentence_reader import read_hits
from ..models import Answer, Chunk
from ..reading.corpus import Context
from ..reading.retrieve import Hit
from ..reading.sentences import Reader
from ..render.answer import to_answer
from ..understand.asks import asks_of
from ..understand.intent import Lookup
from ..understand.query import Query, analyze


class NaiveRAG:
    name = "naive"

    def __init__(self, assistant, chunk_chars: int = 300, overlap: int = 30, top_k: int = 4):
        self.a = assistant
        self.top_k = top_k
        docs = [Document(text=assistant.text(m.id), id_=m.id, metadata={"report_id": m.id}) for m in assistant.reports()]
        # character "tokens": the default tiktoken tokenizer is meaningless for Chinese
        splitter = SentenceSplitter(chunk_size=chunk_chars, chunk_overlap=overlap, tokenizer=list)
        nodes = splitter.get_nodes_from_documents(docs)
        self.index = VectorStoreIndex(nodes, embed_model=assistant.embed_model)

    def retrieve(self, q: Query, top_k: int | None = None) -> list[Hit]:
        found = self.index.as_retriever(similarity_top_k=top_k or self.top_k).retrieve(q.question)
        hits = []
        for n in found:
            rid = n.node.metadata["report_id"]
            start, end = n.node.start_char_idx or 0, n.node.end_char_idx or 0
            chunk = Chunk(id=n.node.node_id, report_id=rid, section="", start=start, end=end,
                          text=self.a.text(rid)[start:end])
            hits.append(Hit(chunk=chunk, score=n.score or 0.0, dense_rank=len(hits), bm25_rank=None))
        return hits

    def ask(self, question: str) -> Answer:
        q = analyze(question, self.a.places)
        q = q.model_copy(update={"places": [], "year": None})  # a plain pipeline applies no filters
        hits = self.retrieve(q)
        texts = {h.chunk.report_id: self.a.text(h.chunk.report_id) for h in hits}
        intent = Lookup(query=q, asks=asks_of(q))
        settings = self.a.settings
        draft = read_hits(Reader(q, intent.asks, settings.answer), hits, texts, self.a.metas, self.a.docs.sections,
                          settings.retrieval.max_quotes, None)
        draft = verify(draft, intent, Context(self.a.corpus, settings.retrieval, settings.answer))
        return to_answer(draft, q.question, q.lang)
