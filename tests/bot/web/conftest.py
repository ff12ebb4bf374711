"""One archive for the web tests: the demo corpus and the seeds through the pipeline,
then an event with a hostile title filed beside them."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from bot.store import Database, open_database
from tests.bot.web.archive import build_archive, file_alert, serving

HOSTILE = '<script>document.title="owned"</script><img src=x onerror="alert(1)"> & co'
HOSTILE_ID = "ev-hostile"


@pytest.fixture(scope="session")
def archive_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    tmp = tmp_path_factory.mktemp("archive")
    url = f"sqlite:///{tmp}/archive.db"
    asyncio.run(build_archive(url, tmp))
    db = open_database(url)
    file_alert(db, HOSTILE_ID, title=HOSTILE, rules=["bilateral-defence"],
               countries=["Narnia", "Ruritania"], day=date(2019, 3, 1),
               at=datetime(2019, 3, 2, 8, 0),
               sources=[{"url": "javascript:alert(2)", "outlet": "<b>Bold</b>",
                         "title": "<i>x</i>", "published": "2019-03-01", "rules": []}])
    yield db
    db.close()


@pytest.fixture(scope="session")
def site(archive_db: Database) -> Iterator[str]:
    with serving(archive_db) as url:
        yield url
