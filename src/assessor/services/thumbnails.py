"""Thumbnails of evidence images, made from the bytes in memory (never from a path).

Pillow decodes only the plain raster formats below: formats that hand the file to another
program (EPS runs Ghostscript) or read other files are never tried. An image with more
pixels than MAX_PIXELS is refused before it is decoded (a decompression bomb: a small file
that would unpack to gigabytes).

A PDF shows its first page, drawn by PDFium (pypdfium2): the renderer of a web browser, made
to meet hostile files, drawn at the thumbnail's scale so a huge page costs no more than a small
one. PDFium is not safe to call from two threads at once, and thumbnails are made on worker
threads, so one lock serialises it.
"""

from __future__ import annotations

import io
import threading
import warnings

from PIL import Image

FORMATS = ("PNG", "JPEG", "GIF", "BMP", "WEBP", "TIFF")
MAX_PIXELS = 40_000_000  # a 40-megapixel photo is fine; a 50,000 x 50,000 bomb is not
DEFAULT_SIZE = 160
MAX_PDF_PAGE_POINTS = 14_400  # PDF's own limit on a page side (200 inches)
_PDFIUM = threading.Lock()


class ThumbnailRefused(ValueError):
    """The image is not one we decode (unknown format, damaged, or too many pixels)."""


def thumbnail_png(data: bytes, size: int = DEFAULT_SIZE) -> bytes:
    """A PNG of at most size x size pixels, or ThumbnailRefused."""
    if data.startswith(b"%PDF-"):
        return _png(_pdf_first_page(data, size))
    return _png(_image(data, size))


def _image(data: bytes, size: int) -> Image.Image:
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
    return picture


def _pdf_first_page(data: bytes, size: int) -> Image.Image:
    import pypdfium2  # only when a PDF is shown: it is not needed to start the window

    with _PDFIUM:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:  # damaged, encrypted or not a PDF
            raise ThumbnailRefused(f"not a PDF that can be shown ({exc})") from None
        try:
            if len(document) == 0:
                raise ThumbnailRefused("a PDF without pages")
            page = document[0]
            try:
                width, height = page.get_size()
                if not (0 < width <= MAX_PDF_PAGE_POINTS and 0 < height <= MAX_PDF_PAGE_POINTS):
                    raise ThumbnailRefused(f"a page of {width:.0f} x {height:.0f} points")
                bitmap = page.render(scale=size / max(width, height))
                try:
                    picture: Image.Image = bitmap.to_pil().convert("RGBA")
                    return picture
                finally:
                    bitmap.close()
            finally:
                page.close()
        except pypdfium2.PdfiumError as exc:
            raise ThumbnailRefused(f"a PDF page that cannot be drawn ({exc})") from None
        finally:
            document.close()


def _png(picture: Image.Image) -> bytes:
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


def can_preview(media_type: str) -> bool:
    return media_type.startswith("image/") or media_type == "application/pdf"
