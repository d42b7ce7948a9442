"""Thumbnails of evidence images, made from the bytes in memory (never from a path).

Pillow decodes only the plain raster formats below: formats that hand the file to another
program (EPS runs Ghostscript) or read other files are never tried. An image with more
pixels than MAX_PIXELS is refused before it is decoded (a decompression bomb: a small file
that would unpack to gigabytes). PDFs get no rendered page: no renderer ships with the
program without a heavy new dependency, so the window shows a document icon for them.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image

FORMATS = ("PNG", "JPEG", "GIF", "BMP", "WEBP", "TIFF")
MAX_PIXELS = 40_000_000  # a 40-megapixel photo is fine; a 50,000 x 50,000 bomb is not
DEFAULT_SIZE = 160


class ThumbnailRefused(ValueError):
    """The image is not one we decode (unknown format, damaged, or too many pixels)."""


def thumbnail_png(data: bytes, size: int = DEFAULT_SIZE) -> bytes:
    """A PNG of at most size x size pixels, or ThumbnailRefused."""
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=FORMATS) as image:
                width, height = image.size
                if width * height > MAX_PIXELS or width <= 0 or height <= 0:
                    raise ThumbnailRefused(f"{width} x {height} pixels is too large to decode")
                image.draft("RGB", (size, size))  # JPEG: decode at a fraction of the size
                image.thumbnail((size, size))
                picture = image.convert("RGBA")
    except ThumbnailRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ThumbnailRefused(str(exc)) from None
    except (OSError, ValueError, SyntaxError, EOFError, MemoryError) as exc:
        raise ThumbnailRefused(f"not an image that can be shown ({type(exc).__name__})") from None
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


def can_preview(media_type: str) -> bool:
    return media_type.startswith("image/")
