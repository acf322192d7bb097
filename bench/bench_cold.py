"""Cold start: process start to first printed answer, for `python -m assistant ask` and for the Streamlit app.

Builds the sample index (source_docs/) into a temporary folder unless --index-dir is given, then:
- runs `python -m assistant ask QUESTION` ``--runs`` times in fresh processes and times the first line of output;
- runs it once under `python -X importtime` and reports the slowest imports (cumulative, top-level packages);
- runs app.py under streamlit.testing.v1.AppTest in a fresh process (start -> first answer rendered), and
  `streamlit run app.py` headless until /_stcore/health answers (the server is up; the first answer then also
  needs a browser session, which AppTest stands in for).

    python bench/bench_cold.py [--index-dir DIR] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from _common import ROOT, emit, machine

QUESTION = "What did inspectors say about step-down?"
APPTEST = """
import sys, time
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=300)
at.run()
t_page = time.time()
at.chat_input[0].set_value(sys.argv[2]).run()
assert not at.exception, at.exception
print("PAGE", t_page, flush=True)
print("ANSWERED", time.time(), flush=True)
"""


def time_first_line(cmd: list[str], env: dict, marker: str | None = None) -> tuple[float, str]:
    t0 = time.time()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert proc.stdout is not None
    first = ""
    for line in proc.stdout:
        if line.strip() and (marker is None or line.startswith(marker)):
            first = line
            break
    elapsed = time.time() - t0
    proc.communicate()
    if proc.returncode:
        raise RuntimeError(f"{cmd} failed with exit {proc.returncode}")
    return elapsed, first


def importtime(cmd: list[str], env: dict, top: int = 15) -> dict:
    proc = subprocess.run([sys.executable, "-X", "importtime", *cmd], capture_output=True, text=True, env=env,
                          cwd=ROOT)
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m:
            rows.append((int(m.group(2)), len(m.group(3)), m.group(4)))
    top_level = sorted(((us, name) for us, depth, name in rows if depth <= 1), reverse=True)
    total = sum(us for us, depth, _ in rows if depth <= 1)
    present = {name.split(".")[0] for _, _, name in rows}
    return {"total_import_s": round(total / 1e6, 2),
            "slowest_top_level_ms": {name: round(us / 1000) for us, name in top_level[:top]},
            "heavy_modules_imported": sorted(present & {"torch", "transformers", "sentence_transformers", "scipy",
                                                        "sklearn", "faiss", "onnxruntime", "bm25s", "streamlit",
                                                        "llama_index", "pandas", "tqdm", "tokenizers"})}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def streamlit_server(env: dict) -> float:
    port = free_port()
    t0 = time.time()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                             "--server.port", str(port), "--browser.gatherUsageStats", "false"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    try:
        while time.time() - t0 < 120:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        return round(time.time() - t0, 2)
            except OSError:
                time.sleep(0.1)
        return float("nan")
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index-dir", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    tmp = None
    env = dict(os.environ)
    build_s = None
    if args.index_dir is None:
        tmp = Path(tempfile.mkdtemp(prefix="bench-cold-"))
        args.index_dir = tmp / "index"
        t = time.time()
        subprocess.run([sys.executable, "-m", "assistant", "index", "source_docs", "--index-dir", str(args.index_dir),
                        "--quiet"], check=True, cwd=ROOT, env=env, capture_output=True)
        build_s = round(time.time() - t, 1)
    try:
        ask = [sys.executable, "-m", "assistant", "ask", QUESTION, "--index-dir", str(args.index_dir)]
        time_first_line(ask, env)  # the first run after a build may still populate the OS file cache
        runs = [round(time_first_line(ask, env)[0], 2) for _ in range(args.runs)]
        imports = importtime(ask[1:], env)
        app_env = {**env, "ASSISTANT_INDEX_DIR": str(args.index_dir)}
        script = Path(tmp or tempfile.mkdtemp(prefix="bench-cold-")) / "apptest.py"
        script.write_text(APPTEST)
        t_app, _line = time_first_line([sys.executable, str(script), str(ROOT / "app.py"), QUESTION], app_env,
                                      marker="ANSWERED")
        emit({"benchmark": "cold_start", "index_dir": str(args.index_dir), "sample_index_build_s": build_s,
              "ask_first_answer_s": {"median": statistics.median(runs), "runs": runs},
              "ask_imports": imports,
              "app_apptest_first_answer_s": round(t_app, 2),
              "app_server_health_s": streamlit_server(app_env),
              "machine": machine()})
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
