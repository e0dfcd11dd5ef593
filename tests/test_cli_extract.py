"""The extract command as a user meets it: a real subprocess, real files, stdout and stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = ROOT / "examples" / "letters" / "000_e47a5db50cc64457.txt"
SEED_004 = ROOT / "examples" / "letters" / "004_1ca4271ce6c07476.txt"



def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kamerlens", "extract", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
    )


def test_cli_extract_one_input_prints_one_object() -> None:
    proc = run(str(SEED_000))
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert isinstance(record, dict)
    assert record["document"]["source"] == str(SEED_000)
    assert len(record["document"]["sha256"]) == 64


def test_cli_extract_several_inputs_print_array_in_input_order() -> None:
    proc = run(str(SEED_004), str(SEED_000))
    assert proc.returncode == 0, proc.stderr
    records = json.loads(proc.stdout)
    assert [r["document"]["source"] for r in records] == [str(SEED_004), str(SEED_000)]


def test_cli_extract_out_dir_writes_one_file_per_input(tmp_path: Path) -> None:
    proc = run(str(SEED_000), str(SEED_004), "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "000_e47a5db50cc64457.json",
        "004_1ca4271ce6c07476.json",
    ]
    assert json.loads((tmp_path / "004_1ca4271ce6c07476.json").read_text())["document"]["sha256"]


def test_cli_extract_dash_reads_stdin() -> None:
    proc = run("-", stdin=SEED_000.read_bytes())
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["document"]["source"] == "<stdin>"
    assert record["text"].startswith("Hierbij bied ik u")


def test_cli_extract_jsonl_gives_one_line_per_input() -> None:
    proc = run(str(SEED_000), str(SEED_004), "--format", "jsonl")
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 2
    assert all(json.loads(line)["document"]["sha256"] for line in lines)


def test_cli_extract_text_format_is_a_summary_for_people() -> None:
    proc = run(str(SEED_004), "--format", "text")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert out.startswith(str(SEED_004))
    assert "title:" in out and "References" in out


def test_cli_extract_bad_inputs_give_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    broken_pdf = tmp_path / "letter.txt"
    broken_pdf.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n% truncated")
    missing = tmp_path / "missing.pdf"
    proc = run(str(missing), str(empty), str(SEED_000), str(binary), str(broken_pdf))
    assert proc.returncode != 0
    errors = proc.stderr.decode().strip().splitlines()
    assert len(errors) == 4, errors
    assert "Traceback" not in proc.stderr.decode()
    for path, line in zip((missing, empty, binary, broken_pdf), errors, strict=True):
        assert str(path) in line
    records = json.loads(proc.stdout)
    assert [r["document"]["source"] for r in records] == [str(SEED_000)]


def test_cli_extract_unknown_format_is_refused() -> None:
    proc = run(str(SEED_000), "--format", "yaml")
    assert proc.returncode == 2
    assert "--format" in proc.stderr.decode()


def test_cli_extract_out_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("not a folder\n", encoding="utf-8")
    for out, problem in (
        (afile, "not a folder"),
        (afile / "below", "cannot be made a folder (Not a directory)"),  # a file on its way
    ):
        proc = run(str(SEED_000), "--out", str(out))
        stderr = proc.stderr.decode()
        assert proc.returncode == 2 and "Traceback" not in stderr, stderr
        assert stderr.strip().splitlines() == [f"kamerlens: --out {out}: {problem}"], stderr
    assert afile.read_text(encoding="utf-8") == "not a folder\n"  # left as it was
