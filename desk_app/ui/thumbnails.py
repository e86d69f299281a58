"""Photo thumbnails decoded once, off the GUI thread, and kept.

A meeting's sign-in sheet or a patrol's photo may be a 10 MB camera picture: decoding it on every
redraw froze the screen. Here the file is decoded and scaled on the file pool, the small image is
cached by its SHA-256 (a photo never changes under its hash), and the item gets its icon when it
is ready; a later redraw takes it from the cache at once.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from desk_app.store.attachments import AttachmentError, read_attachment
from desk_app.store.database import Database

from .tasks import BackgroundOp

SIZE = QSize(96, 72)
_cache: OrderedDict[str, QImage] = OrderedDict()
_LIMIT = 500  # about 30 KB each: a few hundred photos' worth, whatever the screens show


def decode_thumbnail(db: Database, sha256: str, size: QSize = SIZE) -> QImage:
    """The scaled picture (an empty image if the file is missing, damaged or not a picture)."""
    try:
        data = read_attachment(db, sha256)
    except AttachmentError:
        data = None
    image = QImage.fromData(data) if data else QImage()
    if image.isNull():
        return image
    return image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


def with_thumbnail(db: Database, sha256: str, apply: Callable[[QIcon], None]) -> None:
    """Call `apply(icon)` with the photo's thumbnail: now if it is cached, else once decoded on
    the file pool (`apply` must not outlive its widget: pass a bound method of a QObject or
    check that the item still exists)."""
    cached = _cache.get(sha256)
    if cached is not None:
        _cache.move_to_end(sha256)
        apply(QIcon(QPixmap.fromImage(cached)))
        return

    def done(image: QImage) -> None:
        if image.isNull():
            return
        _cache[sha256] = image
        while len(_cache) > _LIMIT:
            _cache.popitem(last=False)
        apply(QIcon(QPixmap.fromImage(image)))
    BackgroundOp(None, lambda _s: decode_thumbnail(db, sha256), pool_name="files").success(
        done).failure(lambda _e: None).run()


def set_icon_if_listed(widget: QListWidget, item: QListWidgetItem, icon: QIcon) -> None:
    """Give a list item its icon, unless the list was redrawn (or deleted) meanwhile."""
    try:
        if widget.row(item) >= 0:
            item.setIcon(icon)
    except RuntimeError:  # the list (and so the item) was deleted before the picture came
        pass
