"""Secrets from files (Docker and Podman secrets): NAME_FILE names a file whose content is
the value of NAME, for the environment overrides and for `${NAME}` in the config file;
the repository never tracks the files that hold real secrets."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot.config.options import load_config
from bot.errors import ConfigError

PROJECT = Path(__file__).resolve().parents[3]
SECRET_ENV = ("DEFWATCH_CONFIG", "DEFWATCH_DATABASE_URL", "TELEGRAM_BOT_TOKEN",
              "TELEGRAM_API_BASE_URL", "SLACK_HOOK")


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in SECRET_ENV:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(f"{name}_FILE", raising=False)
    monkeypatch.chdir(tmp_path)


def secret(tmp_path: Path, name: str, value: str) -> str:
    path = tmp_path / "secrets" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(value, encoding="utf-8")
    return str(path)


def test_token_and_database_url_come_from_files(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN_FILE", secret(tmp_path, "token", "123:abc\n"))
    monkeypatch.setenv("DEFWATCH_DATABASE_URL_FILE",
                       secret(tmp_path, "db", "postgresql://u:pw@127.0.0.1/db\n"))
    config = load_config()
    assert config.telegram.token == "123:abc"  # the file's final newline is not the token's
    assert config.database == "postgresql://u:pw@127.0.0.1/db"


def test_a_reference_in_the_file_reads_a_secret_file(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "defwatch.yaml"
    path.write_text("channels: ['${SLACK_HOOK}']\ntelegram: {token: '${TELEGRAM_BOT_TOKEN}'}\n",
                    encoding="utf-8")
    monkeypatch.setenv("SLACK_HOOK_FILE", secret(tmp_path, "hook", "slack://a/b/c"))
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN_FILE", secret(tmp_path, "token", "9:z"))
    config = load_config(str(path))
    assert config.channels == ["slack://a/b/c"] and config.telegram.token == "9:z"


def test_both_the_variable_and_its_file_is_refused(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:a")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN_FILE", secret(tmp_path, "token", "2:b"))
    with pytest.raises(ConfigError, match="set TELEGRAM_BOT_TOKEN or TELEGRAM_BOT_TOKEN_FILE"):
        load_config()


def test_an_unreadable_secret_file_names_the_variable(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEFWATCH_DATABASE_URL_FILE", str(tmp_path / "missing"))
    with pytest.raises(ConfigError) as caught:
        load_config()
    assert f"DEFWATCH_DATABASE_URL_FILE: cannot read {tmp_path / 'missing'}" in str(caught.value)


@pytest.mark.skipif(not (PROJECT / ".git").exists(), reason="not a git checkout")
@pytest.mark.parametrize("path", ["deploy/.env", "deploy/defwatch.yaml"])
def test_deploy_secrets_are_git_ignored(path: str) -> None:
    found = subprocess.run(["git", "-C", str(PROJECT), "check-ignore", "-q", path],
                           check=False)
    assert found.returncode == 0, f"{path} is not ignored by git"
