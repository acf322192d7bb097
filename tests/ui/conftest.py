"""Fixtures for the app tests: a real index of the bundled source_docs/ (real model), built once per session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "app.py"

# a document whose text must always be shown as written, never as markup (test_injection.py, test_browser.py)
INJECTION = """Caseload review ![pixel](http://127.0.0.1:9/title.png) <u>title</u>

1. Recommendations

1.1. The Council will reduce social worker caseloads to 18 by March 2025 ![pixel](http://127.0.0.1:9/pixel.png) \
[click here](http://evil.example/phish) <img src="http://127.0.0.1:9/pixel2.png"> <u>underlined</u> \
<a href="http://evil.example/raw">raw link</a>.

1.2. The Council will publish social worker caseload figures every quarter <script>window.__injected = true</script> \
**bold** _italic_ see http://evil.example/bare or www.evil.example/www or write to phish@evil.example.
"""
DOC = "injection_cyp-scrutiny_2024-05-01_caseload-review.txt"


@pytest.fixture(scope="session")
def ui_index(tmp_path_factory: pytest.TempPathFactory, sample_index: Path) -> Path:
    """The five Medway documents indexed with the bundled model: a copy of the session's sample index, since the
    library tests upload and remove documents (the copy is synced, which reuses every unchanged document).

    Set ASSISTANT_UI_TEST_SEED_INDEX to use another index folder as the starting point.
    """
    from assistant.index.build import sync_index

    index = tmp_path_factory.mktemp("ui-index")
    shutil.copytree(os.environ.get("ASSISTANT_UI_TEST_SEED_INDEX") or sample_index, index, dirs_exist_ok=True)
    report = sync_index(index, [REPO / "source_docs"], progress=False, log=lambda _m: None)
    assert not report.failed, report.failed
    return index


@pytest.fixture
def app_env(ui_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Environment for one app run: the session index, an empty upload folder, the repo as working directory."""
    uploads = tmp_path / "uploads"
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(ui_index))
    monkeypatch.setenv("ASSISTANT_SOURCE_DIR", str(uploads))
    monkeypatch.chdir(REPO)
    return {"index": ui_index, "uploads": uploads}


@pytest.fixture
def app(app_env):
    """A fresh simulated session of app.py, already run once."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=300)
    at.run()
    assert not at.exception
    return at


@pytest.fixture(scope="session")
def injection_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real index (bundled model) of one document full of Markdown images and links, HTML and web addresses."""
    from assistant.index.build import sync_index

    root = tmp_path_factory.mktemp("injection")
    (root / "docs").mkdir()
    (root / "docs" / DOC).write_text(INJECTION, encoding="utf-8")
    report = sync_index(root / "index", [root / "docs"], progress=False, log=lambda m: None)
    assert report.added == [DOC]
    return root
