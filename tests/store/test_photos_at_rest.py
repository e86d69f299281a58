"""Photos are residents' data too (a meeting's sign-in sheet lists their names): on an encrypted
desk no photo is in clear on disk, each opens only with this desk's key and under its own name,
and photos an earlier version kept in clear are sealed once, without losing any."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from desk_app.store.attachments import (
    AttachmentError,
    add_attachment,
    folder_of,
    path_of,
    read_attachment,
    seal_clear_attachments,
)
from desk_app.store.database import Database, open_database

NAME = "李秀英 13812345678".encode()


def sign_in_sheet(tmp_path: Path, text: bytes = NAME) -> Path:
    """A real PNG (it decodes) with the attendees' names in a text chunk, as a scan's metadata
    or a camera's caption would carry them."""
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    image.setText("Attendees", text.decode())
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    path = tmp_path / "签到表.png"
    path.write_bytes(bytes(data))
    assert text in path.read_bytes()  # the names are in the file as given
    return path


def files_on_disk(db: Database) -> list[bytes]:
    return [p.read_bytes() for p in folder_of(db).rglob("*") if p.is_file()]


def test_a_kept_photo_is_sealed_on_disk_and_reads_back_whole(db: Database, tmp_path: Path) -> None:
    source = sign_in_sheet(tmp_path)
    kept = add_attachment(db, source)
    stored = files_on_disk(db)
    assert len(stored) == 1
    assert NAME not in stored[0] and b"PNG" not in stored[0][:16]
    assert read_attachment(db, kept.sha256) == source.read_bytes()
    assert kept.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()

    from desk_app.ui.thumbnails import decode_thumbnail
    assert not decode_thumbnail(db, kept.sha256).isNull()  # the screens still show it


def test_a_photo_does_not_open_under_another_name_or_after_a_change(db: Database,
                                                                    tmp_path: Path) -> None:
    first = add_attachment(db, sign_in_sheet(tmp_path))
    other = tmp_path / "other"
    other.mkdir()
    second = add_attachment(db, sign_in_sheet(other, "王芳".encode()))
    # one sealed file put in the place of another: refused, not shown as the other photo
    shutil.copyfile(path_of(db, first.sha256), path_of(db, second.sha256))
    with pytest.raises(AttachmentError, match="damaged"):
        read_attachment(db, second.sha256)

    original = path_of(db, first.sha256).read_bytes()
    changed = bytearray(original)
    changed[-1] ^= 1
    path_of(db, first.sha256).write_bytes(bytes(changed))
    with pytest.raises(AttachmentError):
        read_attachment(db, first.sha256)
    assert read_attachment(db, "0" * 64) is None  # one this desk never had


def test_another_desks_key_does_not_open_a_photo(db: Database, tmp_path: Path) -> None:
    kept = add_attachment(db, sign_in_sheet(tmp_path))
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "attachments").mkdir(parents=True)
    shutil.copytree(folder_of(db), elsewhere / "attachments", dirs_exist_ok=True)
    stranger = open_database(elsewhere / "desk.sqlite3", key=bytes(32))
    try:
        with pytest.raises(AttachmentError):
            read_attachment(stranger, kept.sha256)
    finally:
        stranger.close()


def test_photos_kept_in_clear_by_an_earlier_version_are_sealed_once(db: Database,
                                                                   tmp_path: Path) -> None:
    photos, digests = [], []
    for n in range(3):
        (tmp_path / str(n)).mkdir()
        photo = sign_in_sheet(tmp_path / str(n), f"居民{n}".encode())
        photos.append(photo)  # as the earlier version wrote them: the bytes as they came
        digest = hashlib.sha256(photo.read_bytes()).hexdigest()
        path_of(db, digest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(photo, path_of(db, digest))
        digests.append(digest)
    assert read_attachment(db, digests[0]) == photos[0].read_bytes()  # still read meanwhile

    assert seal_clear_attachments(db) == 3
    assert seal_clear_attachments(db) == 0  # once
    for photo, digest in zip(photos, digests, strict=True):
        on_disk = path_of(db, digest).read_bytes()
        assert "居民".encode() not in on_disk
        assert read_attachment(db, digest) == photo.read_bytes()


def test_a_plain_desk_keeps_its_photos_as_it_keeps_its_database(tmp_path: Path) -> None:
    plain = open_database(tmp_path / "plain" / "desk.sqlite3")
    try:
        kept = add_attachment(plain, sign_in_sheet(tmp_path))
        assert path_of(plain, kept.sha256).read_bytes() == read_attachment(plain, kept.sha256)
        assert seal_clear_attachments(plain) == 0
    finally:
        plain.close()


def test_a_clear_file_that_is_not_what_its_name_says_is_left_alone(db: Database,
                                                                    tmp_path: Path) -> None:
    kept = add_attachment(db, sign_in_sheet(tmp_path))
    stray = path_of(db, "ab" * 32)  # a clear file whose content has another hash
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"\x89PNG\r\n\x1a\nnot the photo of this name")
    assert seal_clear_attachments(db) == 0
    assert stray.read_bytes().endswith(b"not the photo of this name")  # untouched, not sealed
    assert read_attachment(db, kept.sha256) is not None
