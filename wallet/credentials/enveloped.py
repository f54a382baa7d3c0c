"""`EnvelopedVerifiableCredential` / `EnvelopedVerifiablePresentation`: a secured credential carried in a `data:` URL.

VC 2.0 and VC-JOSE-COSE put the secured form in the object's `id` as an RFC 2397 data URL:
`data:application/vc+jwt,eyJ…` (a compact JWS is URL-safe text, so it is written as it is),
`data:application/vc+sd-jwt,eyJ…~…~`, and, for binary COSE, `data:application/vc+cose;base64,0oRY…` (VC-JOSE-COSE
requires base64 there). RFC 2397 defines only `;base64`; a `;base64url` body is also read, strictly, because some
issuers write one. A plain body is percent-decoded.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from wallet.credentials import jose
from wallet.credentials.limits import check_size
from wallet.credentials.report import clip
from wallet.errors import CredentialFormatError
from wallet.i18n import _

JWT_TYPES = frozenset({"vc+jwt", "vc-ld+jwt", "vc+ld+jwt", "jwt", "vp+jwt", "vp-ld+jwt", "vp+ld+jwt"})
SD_JWT_TYPES = frozenset({"vc+sd-jwt", "dc+sd-jwt", "vp+sd-jwt"})
COSE_TYPES = frozenset({"vc+cose", "vp+cose", "cose"})
JSON_TYPES = frozenset({"vc+ld+json", "vp+ld+json", "vc", "vp", "json", "ld+json"})
ENVELOPE_TYPES = ("EnvelopedVerifiableCredential", "EnvelopedVerifiablePresentation")


@dataclass(frozen=True)
class DataUrl:
    """What a data: URL holds: its media type (lower case, without "application/") and its bytes."""

    media_type: str
    body: bytes
    encoding: str
    """"base64", "base64url" or "plain"."""

    def text(self) -> str:
        """The body as UTF-8 text (tokens and JSON); a clear refusal for anything else."""
        try:
            return self.body.decode("utf-8").strip()
        except UnicodeDecodeError as exc:
            raise CredentialFormatError(_("The enveloped credential's data is not text, so it is not a "
                                          "token.")) from exc


def read_data_url(url: object) -> DataUrl:
    """Split and decode a data: URL; a sentence for anything that is not one."""
    if not isinstance(url, str) or not url.startswith("data:"):
        shown = f' ("{clip(url, 40)}")' if isinstance(url, str) and url else ""
        raise CredentialFormatError(
            _("An enveloped credential must carry its credential in a data: URL; its id{shown} is not one.").format(
                shown=shown)
        )
    check_size(url, _("The enveloped credential"))
    header, comma, body = url[5:].partition(",")
    if not comma:
        raise CredentialFormatError(_("The enveloped credential's data: URL has no data (no comma)."))
    params = [p.strip().lower() for p in header.split(";")]
    kind = params[0] or "text/plain"
    kind = kind[len("application/") :] if kind.startswith("application/") else kind
    if "base64url" in params[1:]:
        return DataUrl(kind, jose.b64url_decode(body, _("The enveloped credential's data")), "base64url")
    if "base64" in params[1:]:
        try:
            packed = "".join(body.split())  # line breaks inside base64 are read past, as MIME does
            data = base64.b64decode(packed + "=" * (-len(packed) % 4), validate=True)  # padding may be left off
        except (binascii.Error, ValueError) as exc:
            raise CredentialFormatError(_("The enveloped credential's data is not valid base64.")) from exc
        return DataUrl(kind, data, "base64")
    if kind in COSE_TYPES:
        raise CredentialFormatError(
            _("A COSE-secured credential in a data: URL must be base64-encoded (VC-JOSE-COSE); this one is not, so "
              "it cannot be read.")
        )
    return DataUrl(kind, unquote_to_bytes(body), "plain")
