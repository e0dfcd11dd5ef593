"""The real evaluation set on disk, and a run of kamerlens over one part of it.

>>> from kamerlens.evaluate import evaluate_real
>>> report = evaluate_real("tests/real", part="dev")  # doctest: +SKIP
>>> round(report.totals()["refs"].f1, 3)  # doctest: +SKIP
0.905
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kamerlens.errors import KamerlensError
from kamerlens.evaluate.real import PARTS, TYPES, Extractor, Item, score_record
from kamerlens.evaluate.scores import DocScore, Report

_REQUIRED = {"kamerstuk_refs": ("dossier", "nr"), "commitments": ("text",)}


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


def _text(value: Any) -> str | None:
    return None if value is None or isinstance(value, str) else "a string"


def _key(value: Any) -> str | None:  # a dossier or a number: "36200-X", "26" (or 26)
    ok = isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))
    return None if value is None or ok else "a string or a whole number"


def _number(value: Any) -> str | None:  # present means scored: null is no sum
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    return None if ok else "a number"


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    try:
        ok = isinstance(value, str) and len(value) == 10 and bool(date.fromisoformat(value))
    except ValueError:
        ok = False
    return None if ok else "a date YYYY-MM-DD"


Check = Callable[[Any], "str | None"]
# What the scorer reads of each list's items, and what it must be (beside _REQUIRED).
_FIELDS: dict[str, dict[str, Check]] = {
    "kamerstuk_refs": {"dossier": _key, "nr": _key, "text": _text},
    "motions": {"member": _text, "text": _text},
    "amounts": {"value_eur": _number, "value": _number, "currency": _text, "text": _text},
    "commitments": {"text": _text, "deadline_text": _text, "speaker": _text},
    "dates": {"iso": _iso, "text": _text},
}
_TOP: dict[str, Check] = {"kind": _text, "date": _iso}


def _problem(field: str, value: Any, check: Check) -> str | None:
    wanted = check(value)
    return f"{field} must be {wanted}, not {_shown(value)}" if wanted else None


def is_real_set(folder: Path) -> bool:
    """Is ``folder`` a real set (or its ``gold/``), rather than a folder of the project's gold?

    A real gold file names its document (``"doc"``); the project's own gold its ``"source"``.
    """
    gold = folder / "gold" if (folder / "gold").is_dir() else folder
    for path in sorted(gold.glob("*.json"))[:1]:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            return False
        return isinstance(data, dict) and "doc" in data and "source" not in data
    return (folder / "split.toml").is_file()


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KamerlensError(f"not a readable gold file ({exc})", source=str(path)) from exc


def load_real_gold(path: Path) -> Item:
    """Read one gold file of the real set; a malformed one is an error naming the file."""
    data = _read_json(path)
    if not isinstance(data, dict):
        raise KamerlensError("a gold file is a JSON object", source=str(path))
    for field, check in _TOP.items():
        problem = _problem(f'"{field}"', data.get(field), check)
        if problem:
            raise KamerlensError(problem, source=str(path))
    for key, fields in _FIELDS.items():
        items = data.get(key, [])
        if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
            raise KamerlensError(f'"{key}" must be a list of objects', source=str(path))
        for n, item in enumerate(items, 1):
            lacking = [k for k in _REQUIRED.get(key, ()) if item.get(k) in (None, "")]
            if lacking:
                raise KamerlensError(
                    f'"{key}" item {n} lacks {", ".join(lacking)}', source=str(path)
                )
            for field, check in fields.items():
                problem = _problem(field, item[field], check) if field in item else None
                if problem:
                    raise KamerlensError(f'"{key}" item {n}: {problem}', source=str(path))
    return data


@dataclass(frozen=True)
class RealSet:
    """A folder with docs/, gold/, gold2/ and split.toml."""

    root: Path
    split: dict[str, tuple[str, ...]]

    @classmethod
    def open(cls, folder: str | Path) -> RealSet:
        """Open a set by its folder, or by its ``gold/`` folder."""
        path = Path(folder)
        if path.name == "gold" and not (path / "gold").is_dir():
            path = path.parent
        if not (path / "gold").is_dir():
            raise KamerlensError("not a real evaluation set (no gold/ folder)", source=str(path))
        split: dict[str, tuple[str, ...]] = {}
        split_file = path / "split.toml"
        if split_file.is_file():
            try:
                data = tomllib.loads(split_file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise KamerlensError(
                    f"not a readable split ({exc})", source=str(split_file)
                ) from exc
            for part in ("dev", "test"):
                names = data.get(part, [])
                if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                    raise KamerlensError(
                        f'"{part}" must be a list of names', source=str(split_file)
                    )
                split[part] = tuple(names)
            both = set(split["dev"]) & set(split["test"])
            if both:
                raise KamerlensError(
                    f"in dev and test both: {', '.join(sorted(both))}", source=str(split_file)
                )
        return cls(root=path, split=split)

    def annotated(self) -> list[str]:
        return sorted(p.stem for p in (self.root / "gold").glob("*.json"))

    def names(self, part: str) -> list[str]:
        """The names of a part as split.toml gives them (``all``: dev and test)."""
        if part not in PARTS:
            raise KamerlensError(f"--part must be one of {', '.join(PARTS)}, not {part!r}")
        if not self.split:
            if part != "all":
                raise KamerlensError("has no split.toml: only --part all", source=str(self.root))
            return self.annotated()
        chosen = self.split["dev"] + self.split["test"] if part == "all" else self.split[part]
        return sorted(chosen)

    def document(self, name: str) -> Path:
        """docs/<name>.<any extension>: gold is matched to its document by file stem."""
        found = sorted(p for p in (self.root / "docs").glob(f"{name}.*") if p.stem == name)
        if len(found) != 1:
            problem = "no document" if not found else f"{len(found)} documents"
            raise KamerlensError(f"{problem} named {name}.* in docs/", source=str(self.root))
        return found[0]

    def gold(self, name: str) -> Item:
        return load_real_gold(self.root / "gold" / f"{name}.json")

    def gold2(self, name: str) -> Item | None:
        path = self.root / "gold2" / f"{name}.json"
        return load_real_gold(path) if path.is_file() else None


def _extract(path: Path) -> Item:
    from kamerlens.extract import extract

    record: Item = extract(path).to_dict(include_text=False)
    return record


def _prediction(folder: Path, name: str) -> tuple[Item, str | None]:
    """A ``kamerlens extract --out`` file; a missing or broken one counts as empty."""
    path = folder / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, f"{path}: no usable prediction ({type(exc).__name__})"
    return data, None


def evaluate_real(
    folder: str | Path,
    *,
    part: str = "dev",
    predictions: str | Path | None = None,
    types: Iterable[str] | None = None,
    extractor: Extractor | None = None,
) -> Report:
    """Score kamerlens on one part of a real set: by extracting each document, or by reading
    the records of an earlier ``kamerlens extract --out DIR`` from ``predictions``.

    A document that fails to extract is reported (``DocScore.error``) and its gold counted as
    missed; the run goes on.
    """
    real = RealSet.open(folder)
    chosen = tuple(types) if types else TYPES
    unknown = [t for t in chosen if t not in TYPES]
    if unknown:
        raise KamerlensError(f"unknown type(s) {', '.join(unknown)}; known: {', '.join(TYPES)}")
    pred_dir = Path(predictions) if predictions is not None else None
    if pred_dir is not None and not pred_dir.is_dir():
        raise KamerlensError("no such folder of predictions", source=str(pred_dir))
    annotated = set(real.annotated())
    names = real.names(part)
    report = Report(
        documents=[],
        kinds=chosen,
        style="real",
        root=str(real.root),
        part=part,
        not_annotated=[n for n in names if n not in annotated],
        outside_split=sorted(annotated - set(real.split["dev"] + real.split["test"]))
        if real.split
        else [],
    )
    run = extractor or _extract
    for name in names:
        if name not in annotated:
            continue
        gold, gold2 = real.gold(name), real.gold2(name)
        pred: Item = {}
        error: str | None = None
        source = str(pred_dir / f"{name}.json") if pred_dir is not None else ""
        if pred_dir is not None:
            pred, error = _prediction(pred_dir, name)
        else:
            try:
                path = real.document(name)
                source = str(path)
                pred = run(path)
            except KamerlensError as exc:
                error = str(exc)
            except Exception as exc:  # noqa: BLE001  the scorer must survive bugs in what it scores
                error = f"{source or name}: {type(exc).__name__}: {exc}"
        scores = score_record(gold, pred, gold2, types=chosen)
        report.documents.append(
            DocScore(name=name, source=source, error=error, kinds=scores, style="real")
        )
    return report
