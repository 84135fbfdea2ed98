"""A fake camera for Chromium: a Y4M video whose every frame shows one QR code (for
--use-file-for-fake-video-capture), drawn with reportlab's QR encoder, no image library needed."""
from __future__ import annotations

from pathlib import Path

from reportlab.graphics.barcode import qrencoder

WIDTH, HEIGHT, FRAMES = 640, 480, 10
BLACK, WHITE, GREY = 16, 235, 128  # video-range luma; chroma 128 is neutral


def qr_matrix(text: str) -> list[list[bool]]:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    size = code.getModuleCount()
    return [[bool(code.isDark(row, col)) for col in range(size)] for row in range(size)]


def luma_plane(text: str, module: int = 8) -> bytes:
    """A grey frame with the QR code (and its white quiet zone of 4 modules) in the middle."""
    matrix = qr_matrix(text)
    size = (len(matrix) + 8) * module
    if size > min(WIDTH, HEIGHT):
        raise ValueError("the QR code does not fit the frame: use a smaller module")
    top, left = (HEIGHT - size) // 2, (WIDTH - size) // 2
    plane = bytearray([GREY]) * (WIDTH * HEIGHT)
    for y in range(size):
        row = (y // module) - 4
        line = bytearray()
        for x in range(size):
            col = (x // module) - 4
            dark = 0 <= row < len(matrix) and 0 <= col < len(matrix) and matrix[row][col]
            line.append(BLACK if dark else WHITE)
        start = (top + y) * WIDTH + left
        plane[start:start + size] = line
    return bytes(plane)


def write_y4m(path: Path, text: str) -> Path:
    """A short 4:2:0 Y4M clip of the QR code of `text` (Chromium loops it)."""
    luma = luma_plane(text, module=8 if len(qr_matrix(text)) <= 48 else 5)
    chroma = bytes([128]) * ((WIDTH // 2) * (HEIGHT // 2))
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(FRAMES):
            out.write(b"FRAME\n" + luma + chroma + chroma)
    return path
