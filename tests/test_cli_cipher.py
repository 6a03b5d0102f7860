"""The command line of encryption at rest: init --encrypt, encrypt, decrypt, and passphrases."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from branchdesk import cli
from branchdesk.storage import cipher
from branchdesk.storage.chain_head import read_chain_head

PASSPHRASE = "井冈山-1927-茨坪"
SECRET = "第一党支部".encode()


def run(*args: str | Path, home: Path, passphrase: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, BRANCHDESK_HOME=str(home), PYTHONIOENCODING="utf-8")
    env["BRANCHDESK_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "branchdesk", *map(str, args)],
        capture_output=True, text=True, env=env, timeout=120, stdin=subprocess.DEVNULL,
    )


def main(
    *args: str | Path, passphrase: str | None, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> tuple[int, str, str]:
    """``branchdesk ARGS`` in this process, the passphrase in BRANCHDESK_PASSPHRASE."""
    if passphrase is None:
        monkeypatch.delenv("BRANCHDESK_PASSPHRASE", raising=False)
    else:
        monkeypatch.setenv("BRANCHDESK_PASSPHRASE", passphrase)
    monkeypatch.setattr(sys, "stdin", io.StringIO())  # not a terminal: no prompt possible
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


INIT = ("init", "--committee", "中共某某委员会", "--branch", "第一党支部")


def test_init_encrypt_makes_an_unreadable_file_that_every_command_opens_with_the_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "branch.sqlite"

    def branchdesk(*args: str | Path, passphrase: str | None = PASSPHRASE) -> tuple[int, str, str]:
        return main(*args, passphrase=passphrase, monkeypatch=monkeypatch, capsys=capsys)

    code, out, err = branchdesk(INIT[0], db, *INIT[1:], "--encrypt")
    assert code == 0 and "数据库文件已加密" in out, err
    assert cipher.looks_encrypted(db) and SECRET not in db.read_bytes()

    code, out, err = branchdesk("verify", "--db", db)
    assert code == 0 and "数据库完好" in out, err
    assert branchdesk("reminders", "--db", db)[0] == 0

    code, _out, err = branchdesk("reminders", "--db", db, passphrase=None)
    assert code == 1 and "BRANCHDESK_PASSPHRASE" in err

    out_file = tmp_path / "copy.sqlite"
    code, _out, err = branchdesk("backup", "--db", db, "-o", out_file)
    assert code == 0, err
    assert cipher.looks_encrypted(out_file) and SECRET not in out_file.read_bytes()

    # in a process of its own, so that anything SQLCipher itself prints would be seen
    wrong = run("verify", "--db", db, home=tmp_path / "home", passphrase=PASSPHRASE + "x")
    assert wrong.returncode == 1
    assert wrong.stderr.strip() == "错误：密码不正确，无法打开加密的数据库。"


def test_encrypt_then_decrypt_keep_the_history_and_refuse_the_wrong_direction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "branch.sqlite"

    def branchdesk(*args: str | Path, passphrase: str | None = PASSPHRASE) -> tuple[int, str, str]:
        return main(*args, passphrase=passphrase, monkeypatch=monkeypatch, capsys=capsys)

    assert branchdesk(INIT[0], db, *INIT[1:], passphrase=None)[0] == 0
    with closing(sqlite3.connect(db)) as plain:
        head = read_chain_head(plain)
    assert SECRET in db.read_bytes()

    code, _out, err = branchdesk("decrypt", "--db", db)
    assert code == 1 and "没有加密，无需解密" in err

    code, out, err = branchdesk("encrypt", "--db", db)
    assert code == 0, err
    assert "已加密数据库" in out and "都无法打开或恢复" in out
    assert "没有加密" in out  # the backup taken before is named as plain
    assert cipher.looks_encrypted(db) and SECRET not in db.read_bytes()
    code, _out, err = branchdesk("encrypt", "--db", db)
    assert code == 1 and "已经加密" in err

    code, _out, err = branchdesk("decrypt", "--db", db, passphrase="not-the-passphrase")
    assert code == 1 and "密码不正确" in err
    assert cipher.looks_encrypted(db)

    code, out, err = branchdesk("decrypt", "--db", db)
    assert code == 0 and "已解密数据库" in out, err
    with closing(sqlite3.connect(db)) as plain:
        assert read_chain_head(plain) == head
    code, out, err = branchdesk("verify", "--db", db, passphrase=None)
    assert code == 0 and "数据库完好" in out, err


def test_a_new_passphrase_is_typed_twice_at_a_hidden_prompt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home, db = tmp_path / "home", tmp_path / "branch.sqlite"
    monkeypatch.setenv("BRANCHDESK_HOME", str(home))
    monkeypatch.delenv("BRANCHDESK_PASSPHRASE", raising=False)
    init = ["init", str(db), "--committee", "中共某某委员会", "--branch", "第一党支部"]
    assert cli.main(init) == 0
    before = db.read_bytes()
    typed = iter([PASSPHRASE, PASSPHRASE + "1"])
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(typed)

    tty = io.StringIO()
    tty.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stdin", tty)
    monkeypatch.setattr("getpass.getpass", fake_getpass)
    assert cli.main(["encrypt", "--db", str(db)]) == 1
    assert "两次输入的密码不一致" in capsys.readouterr().err
    assert prompts == ["设置数据库密码：", "再次输入密码："]
    assert db.read_bytes() == before

    typed = iter(["short", "short"])
    assert cli.main(["encrypt", "--db", str(db)]) == 1
    assert "至少需要 8 个字符" in capsys.readouterr().err

    typed = iter([PASSPHRASE, PASSPHRASE])
    assert cli.main(["encrypt", "--db", str(db)]) == 0
    assert cipher.looks_encrypted(db)
    typed = iter([PASSPHRASE])
    assert cli.main(["verify", "--db", str(db)]) == 0
    assert "数据库完好" in capsys.readouterr().out


def test_the_passphrase_is_never_an_argument(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_code:
        cli.main(["encrypt", "--db", str(tmp_path / "x.sqlite"), "--passphrase", "secret-words"])
    assert exit_code.value.code == 2 and "无法识别的参数" in capsys.readouterr().err
