"""Documents that are zip archives (Word, OpenDocument text, EPUB): their members read one at a time within
one budget, their XML parsed without entities.

Before a member is unpacked, the size its archive declares for it is checked against what is left of
``MAX_BYTES`` (all the members a reader takes share the limit of one file); a zip bomb is refused by that
number, before anything is unpacked. A member is then unpacked in pieces: zipfile never gives more than the
declared size (a member whose data runs on past it fails its CRC check), so a size that lies does not help
either. Only the two compressions both formats allow (stored, deflate) are read: the others unpack a whole
piece of any size at once.

XML goes through defusedxml: a part that declares entities (a "billion laughs") or refers to external ones
is refused, never expanded. Members are only read by the names their format gives and never written to
disk, so a name like ``../../x`` inside an archive is only a name that nothing asks for.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree

from ..errors import ReaderError
from .files import MAX_BYTES

_PIECE = 65536
_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


class Archive:
    """The zip archive of the file ``name``, which should be ``kind`` ("an EPUB book"): each error says
    the file is damaged or not one."""

    def __init__(self, data: bytes, name: str, kind: str) -> None:
        self.name = name
        self.kind = kind
        self._left = MAX_BYTES
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, ValueError, EOFError) as e:
            raise self.damaged(f"not a zip archive: {e}") from e

    def damaged(self, why: str) -> ReaderError:
        return ReaderError(f"{self.name}: damaged or not {self.kind} ({why})"[:300])

    def has(self, member: str) -> bool:
        try:
            self._zip.getinfo(member)
        except KeyError:
            return False
        return True

    def read(self, member: str) -> bytes:
        """The unpacked bytes of ``member``; ReaderError when it is missing, damaged, or would take the
        document past the size limit."""
        try:
            info = self._zip.getinfo(member)
        except KeyError:
            raise self.damaged(f"{member} is missing") from None
        if info.compress_type not in _COMPRESSIONS:
            raise self.damaged(f"{member} uses compression method {info.compress_type}; only stored and deflate "
                               "are allowed")
        if info.file_size > self._left:
            what = (f"{member} alone is {info.file_size / 1e6:,.0f} MB" if info.file_size > MAX_BYTES
                    else f"more than {MAX_BYTES / 1e6:.0f} MB with {member}")
            raise ReaderError(f"{self.name}: too large once unpacked ({what}; the limit is "
                              f"{MAX_BYTES / 1e6:.0f} MB)")
        self._left -= info.file_size
        pieces: list[bytes] = []
        try:
            with self._zip.open(info) as f:
                while piece := f.read(_PIECE):
                    pieces.append(piece)
        except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, OSError, EOFError,
                ValueError) as e:    # a bad CRC or header, truncated data, a member encrypted by zip itself
            raise self.damaged(f"{member}: {e}") from e
        return b"".join(pieces)

    def repacked(self) -> bytes:
        """The archive packed again, uncompressed, from its members read within the limit: for a library that
        unpacks members whole by itself (python-docx), so that it meets no more than the limit allows."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as repacked:
            for member in dict.fromkeys(info.filename for info in self._zip.infolist() if not info.is_dir()):
                repacked.writestr(member, self.read(member))
        return out.getvalue()

    def xml(self, member: str) -> Element:
        """The root element of the XML part ``member``, parsed without entities or external references."""
        data = self.read(member)
        try:
            root: Element = defusedxml.ElementTree.fromstring(data)
        except defusedxml.EntitiesForbidden as e:
            raise ReaderError(f"{self.name}: {member} declares XML entities, which mapviewer does not expand "
                              "(an XML bomb?)") from e
        except defusedxml.DefusedXmlException as e:
            raise ReaderError(f"{self.name}: {member} refers to external XML ({type(e).__name__}), which "
                              "mapviewer does not follow") from e
        except (ParseError, ValueError, LookupError) as e:     # LookupError: an encoding Python does not know
            raise self.damaged(f"{member}: {e}") from e
        return root
