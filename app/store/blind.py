"""Keyed blind-index tokens and the rarest-first word search shared by records and worklist.

An index table has (token, <id column>). Exact ID number or every folded name word must match.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from app.domain import names
from app.store import crypto


def entry_tokens(index_key: bytes, personal_id: str | None, texts: Iterable[str]) -> set[bytes]:
    tokens: set[bytes] = set()
    pid = (personal_id or "").strip()
    if pid:
        tokens.add(crypto.blind_token(index_key, "pid", pid))
    for text in texts:
        for word in names.words(text or ""):
            tokens.add(crypto.blind_token(index_key, "name", word))
    return tokens


def query_tokens(index_key: bytes, text: str) -> list[bytes]:
    """A query of digits is an ID number; anything else is a set of name words."""
    text = names.nfc(text).strip()
    if text.isdigit():
        return [crypto.blind_token(index_key, "pid", text)]
    return [crypto.blind_token(index_key, "name", w) for w in sorted(set(names.words(text)))]


def match(db: Database, table: str, id_col: str, tokens: list[bytes], *, join: str = "",
          order: str = "", limit: int = 200) -> list:
    """Ids having every token. Starts from the rarest token, so cost follows its frequency."""
    if not tokens:
        return []
    tokens = sorted(tokens, key=lambda t: db.execute(
        f"SELECT COUNT(*) FROM {table} WHERE token = ?", [t]).fetchone()[0])
    exists = "".join(f" AND EXISTS (SELECT 1 FROM {table} j WHERE j.token = ? "
                     f"AND j.{id_col} = i.{id_col})" for _ in tokens[1:])
    rows = db.execute(f"SELECT i.{id_col} FROM {table} i {join} WHERE i.token = ?{exists} "
                      f"{order} LIMIT {int(limit)}", tokens)
    return [r[0] for r in rows]


def write(db: Database, table: str, id_col: str, entry_id: object, tokens: set[bytes]) -> None:
    db.execute(f"DELETE FROM {table} WHERE {id_col} = ?", [entry_id])
    for token in tokens:
        db.execute(f"INSERT INTO {table} (token, {id_col}) VALUES (?, ?)", [token, entry_id])
