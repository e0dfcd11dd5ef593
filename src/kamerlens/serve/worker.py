"""The app of one server process when ``kamerlens serve --workers N`` runs several.

uvicorn's supervisor starts N processes that each import this module and call ``app()``; the
settings come from the parent through one environment variable (``serve.WORKER_ENV``).
"""

from __future__ import annotations

import json
import os

from fastapi import FastAPI

from kamerlens.serve import WORKER_ENV, create_app, store_opener
from kamerlens.serve.access import store_version


def app() -> FastAPI:
    settings = json.loads(os.environ[WORKER_ENV])
    db = settings["db"]
    token = settings.get("write_token")
    return create_app(
        opener=store_opener(db, writable=bool(token)),
        write_token=token,
        query_timeout=float(settings.get("query_timeout", 5.0)),
        version=store_version(db),
    )


__all__ = ["app"]
