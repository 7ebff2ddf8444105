"""Opening a .docx safely: sizes and ratios are checked in the zip directory before reading.

A filled form comes from outside (email, shared drives), so it may be anything: a PDF
renamed, a truncated download, an old .doc, or a crafted "zip bomb". Every one of these
ends as one :class:`PackageError` with a code, never a hang or a traceback.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass

from lxml import etree  # type: ignore[import-untyped]  # no stubs shipped

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_MEMBER_BYTES = 50 * 1024 * 1024
#: The XML parts that are parsed; a real form's document.xml is well under 1 MB.
MAX_XML_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_RATIO = 300  # real documents stay below ~40:1; deflate bombs reach ~1000:1
RATIO_FLOOR = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DOCUMENT = "word/document.xml"
CUSTOM = "docProps/custom.xml"
CORE = "docProps/core.xml"
#: A moderator's Word comments, and (Word 2013+) which comment replies to which.
COMMENTS = "word/comments.xml"
COMMENTS_EXTENDED = "word/commentsExtended.xml"

_ILLEGAL_REF = re.compile(rb"&#(?:x0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));")
_ILLEGAL_RAW = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class PackageError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Package:
    document: etree._Element
    custom: etree._Element | None
    core: etree._Element | None
    removed_characters: int
    comments: etree._Element | None = None
    comments_extended: etree._Element | None = None


def open_package(data: bytes) -> Package:
    if len(data) > MAX_FILE_BYTES:
        raise PackageError("AF702", f"the file is {len(data) // (1024 * 1024)} MB; a Word form "
                                    f"is at most {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if data.startswith(OLE_MAGIC):
        raise PackageError("AF715", "this is an old-style .doc file or a password-protected "
                                    "document; open it in Word, remove any password and save it as .docx")
    if not data.startswith(b"PK"):
        raise PackageError("AF701", "not a Word .docx file (it is not a zip package)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = {info.filename: info for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise PackageError("AF701", f"the .docx file is damaged ({_reason(error)})") from None
    _check_directory(list(infos.values()))
    if DOCUMENT not in infos:
        raise PackageError("AF701", "not a Word document: the package has no word/document.xml")
    document, removed = _parse(_read(archive, infos[DOCUMENT]), DOCUMENT)
    custom = _parse(_read(archive, infos[CUSTOM]), CUSTOM)[0] if CUSTOM in infos else None
    core = _parse(_read(archive, infos[CORE]), CORE)[0] if CORE in infos else None
    comments, extended = (_parse(_read(archive, infos[n]), n)[0] if n in infos else None
                          for n in (COMMENTS, COMMENTS_EXTENDED))
    return Package(document, custom, core, removed, comments, extended)


def _check_directory(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise PackageError("AF703", f"the package holds {len(infos)} files; a Word form holds a few dozen")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise PackageError("AF715", "the package is encrypted; remove the password and save it again")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise PackageError("AF703", f"the package declares {info.filename} or its total as too "
                                        "large to unpack; it may be a zip bomb")
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise PackageError("AF703", f"{info.filename} is compressed {ratio:.0f} to 1, far beyond "
                                        "any real document; it may be a zip bomb")


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Read at most the declared size: a lying directory cannot make us unpack more."""
    if info.file_size > MAX_XML_BYTES:
        raise PackageError("AF703", f"{info.filename} declares {info.file_size // (1024 * 1024)} MB of "
                                    f"XML; a Word form's is far smaller")
    try:
        with archive.open(info) as member:
            data = member.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error) as error:
        raise PackageError("AF701", f"the .docx file is damaged: {info.filename} cannot be "
                                    f"unpacked ({_reason(error)})") from None
    if len(data) > info.file_size:
        raise PackageError("AF703", f"{info.filename} unpacks to more than its declared size")
    return data


def _legal(code: int) -> bool:
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD \
        or 0x10000 <= code <= 0x10FFFF


def clean_xml(data: bytes) -> tuple[bytes, int]:
    """Drop control characters XML 1.0 forbids (raw or as references); count what went."""
    removed = 0

    def reference(match: re.Match[bytes]) -> bytes:
        nonlocal removed
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        if _legal(code):
            return match.group(0)
        removed += 1
        return b""

    data = _ILLEGAL_REF.sub(reference, data)
    data, raw = _ILLEGAL_RAW.subn(b"", data)
    return data, removed + raw


def _parse(data: bytes, name: str) -> tuple[etree._Element, int]:
    data, removed = clean_xml(data)
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise PackageError("AF704", f"{name} declares a DTD or entities, which a Word document never does")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser), removed
    except etree.XMLSyntaxError as error:
        line = getattr(error, "lineno", 0)
        raise PackageError("AF704", f"{name} is not well-formed XML (line {line})") from None


def _reason(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text[:120]
