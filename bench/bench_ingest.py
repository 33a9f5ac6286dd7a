"""Speed, memory and correctness of `councilpapers ingest` on an archive, beside the naive way.

    python bench/make_corpus.py                  # once: bench/corpus/ (200 packs, 800 papers)
    python bench/bench_ingest.py [--corpus bench/corpus] [--baseline-sample 1000] [--full-read]

In one run, on the agenda packs (`packs/`, most pages prose, some with a tracker or decision
appendix) it measures `councilpapers ingest` with 1 worker and with one per core: pages per
second and peak memory (the main process, the largest worker, and the whole process tree);
the naive baseline, pdfplumber's `extract_tables()` on every page (in one process, on a stated
random sample of pages if `--baseline-sample` is given, extrapolated); a re-run on the
unchanged corpus; and, over all 1,000 files (packs and short papers), memory as the files go
by. Rows found are checked against what the corpus generator rendered (`truth.json`); with
`--full-read`, also against `ingest --no-triage`. Results are printed and written to
`bench/results/ingest.json`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
import psutil
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024


@dataclass
class Measured:
    """One `ingest` run: wall time and memory, sampled while it ran."""

    seconds: float
    parent_peak_mib: float = 0.0
    worker_peak_mib: float = 0.0
    tree_peak_mib: float = 0.0
    #: (files done, parent MiB, largest worker MiB, tree MiB) at each sample.
    samples: list[tuple[int, float, float, float]] = field(default_factory=list)


def ingest(args: list[str], on_line: Callable[[str], None] | None = None) -> Measured:
    """Run `councilpapers ingest ARGS` as a user would; sample its memory every 0.2 s."""
    command = [sys.executable, "-m", "councilpapers", "ingest", *args, "--no-progress"]
    done = [0]
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT
    )
    measured = Measured(0.0)
    stop = threading.Event()

    def sample() -> None:
        main = psutil.Process(process.pid)
        while not stop.is_set():
            try:
                parent = main.memory_info().rss / MIB
                workers = [c.memory_info().rss / MIB for c in main.children(recursive=True)]
            except psutil.Error:
                break
            tree = parent + sum(workers)
            biggest = max(workers, default=0.0)
            measured.parent_peak_mib = max(measured.parent_peak_mib, parent)
            measured.worker_peak_mib = max(measured.worker_peak_mib, biggest)
            measured.tree_peak_mib = max(measured.tree_peak_mib, tree)
            measured.samples.append((done[0], parent, biggest, tree))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(("read ", "skipped ")):
            done[0] += 1
        if on_line:
            on_line(line)
    process.wait()
    measured.seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"ingest failed ({process.returncode}): {' '.join(command)}")
    return measured


def baseline(pdfs: list[Path], sample: int | None, seed: int) -> tuple[float, int, str]:
    """pdfplumber's `extract_tables()` on every page (or a random sample): pages per second."""
    pages = [(pdf, n) for pdf in pdfs for n in range(_page_count(pdf))]
    note = f"all {len(pages)} pages"
    if sample and sample < len(pages):
        pages = sorted(random.Random(seed).sample(pages, sample))
        note = f"a random sample of {sample} of the corpus's pages (seed {seed}), extrapolated"
    start = time.perf_counter()
    by_file: dict[Path, list[int]] = {}
    for pdf, n in pages:
        by_file.setdefault(pdf, []).append(n)
    for pdf, numbers in by_file.items():
        with pdfplumber.open(pdf) as document:
            for n in numbers:
                document.pages[n].extract_tables()
    seconds = time.perf_counter() - start
    return len(pages) / seconds, len(pages), note


def _page_count(pdf: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def rows_found(out: Path, root: Path) -> dict[str, list[tuple[str, ...]]]:
    """Given a dataset, return each file's rows as the truth lists them, by corpus path."""
    found: dict[str, list[tuple[str, ...]]] = {}
    progress = pq.read_table(out / "progress.parquet").to_pylist()
    decisions = pq.read_table(out / "decisions.parquet").to_pylist()
    for row in progress:
        name = Path(row["source_file"]).resolve().relative_to(root).as_posix()
        found.setdefault(name, []).append((row["rec_no"], row["status_label"] or ""))
    for row in decisions:
        name = Path(row["source_file"]).resolve().relative_to(root).as_posix()
        found.setdefault(name, []).append((row["rec_no"],))
    return found


def compare(truth: list[dict[str, Any]], found: dict[str, list[tuple[str, ...]]]) -> dict[str, int]:
    """Given the truth and what a dataset holds, count files and rows that agree."""
    files = rows = expected = exact = 0
    for paper in truth:
        want = [(r["rec_no"], r["status_label"]) for r in paper["progress"]]
        want += [(n,) for n in paper["decisions"]]
        got = found.get(paper["file"], [])
        files += 1
        expected += len(want)
        rows += sum(1 for w in want if w in got)
        exact += got == want
    return {"files": files, "files_exact": exact, "rows_expected": expected, "rows_found": rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "corpus")
    parser.add_argument("--baseline-sample", type=int, default=None)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--full-read", action="store_true")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "results" / "ingest.json")
    args = parser.parse_args()
    root = args.corpus.resolve()
    truth = json.loads((root / "truth.json").read_text())
    packs = [t for t in truth if t["file"].startswith("packs/")]
    pack_pages = sum(t["pages"] for t in packs)
    cores = os.cpu_count() or 1
    results: dict[str, Any] = {"packs": len(packs), "pack_pages": pack_pages, "cores": cores,
                               "load_before": round(os.getloadavg()[0], 1)}  # fmt: skip
    print(f"corpus: {len(packs)} packs, {pack_pages} pages; {len(truth)} files in all")

    work = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        for jobs in (1, cores):
            out = work / f"jobs{jobs}"
            m = ingest([str(root / "packs"), "--out", str(out), "--jobs", str(jobs)])
            check = compare(packs, rows_found(out, root))
            results[f"jobs{jobs}"] = {
                # Other processes on the machine skew jobs > 1 most: the load says how busy.
                "load_after": round(os.getloadavg()[0], 1),
                "seconds": round(m.seconds, 1),
                "pages_per_s": round(pack_pages / m.seconds, 1),
                "parent_peak_mib": round(m.parent_peak_mib),
                "worker_peak_mib": round(m.worker_peak_mib),
                "tree_peak_mib": round(m.tree_peak_mib),
                **check,
            }
            print(f"ingest --jobs {jobs}: {results[f'jobs{jobs}']}")
        first = results[f"jobs{cores}"]["seconds"]
        rerun = ingest([str(root / "packs"), "--out", str(work / f"jobs{cores}")])
        results["rerun"] = {
            "seconds": round(rerun.seconds, 2),
            "ratio_to_first_run": round(rerun.seconds / first, 4),
        }
        print(f"re-run, unchanged: {results['rerun']}")

        pdfs = sorted((root / "packs").glob("*.pdf"))
        rate, pages, note = baseline(pdfs, args.baseline_sample, args.seed)
        results["baseline"] = {"pages_per_s": round(rate, 1), "pages_timed": pages, "note": note}
        for jobs in (1, cores):
            results[f"jobs{jobs}"]["x_baseline"] = round(
                results[f"jobs{jobs}"]["pages_per_s"] / rate, 1
            )
        print(f"baseline extract_tables(): {results['baseline']}")

        if args.full_read:
            out = work / "full"
            m = ingest([str(root / "packs"), "--out", str(out), "--no-triage"])
            full = rows_found(out, root)
            triaged = rows_found(work / f"jobs{cores}", root)
            missing = sum(
                1 for name, rows in full.items() for r in rows if r not in triaged.get(name, [])
            )
            results["full_read"] = {
                "seconds": round(m.seconds, 1),
                "pages_per_s": round(pack_pages / m.seconds, 1),
                **compare(packs, full),
                "rows_full_read_found_that_triage_missed": missing,
            }
            print(f"ingest --no-triage: {results['full_read']}")

        memory = ingest([str(root), "--out", str(work / "all")])
        marks = {}
        for mark in (100, 250, 500, 750, 1000):
            upto = [s for s in memory.samples if s[0] <= mark]
            if upto:
                marks[mark] = {
                    "parent_mib": round(max(s[1] for s in upto)),
                    "worker_mib": round(max(s[2] for s in upto)),
                    "tree_mib": round(max(s[3] for s in upto)),
                }
        results["memory_by_files"] = marks
        results["all_files"] = {"seconds": round(memory.seconds, 1), "files": len(truth)}
        print(f"memory over {len(truth)} files (peak so far, MiB): {marks}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(results, indent=2))
    print(f"wrote {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
