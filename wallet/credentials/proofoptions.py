"""The proof configuration (proof options) a Data Integrity or Linked Data proof signed, with its `@context`.

A proof may carry its own `@context`; it is honoured by checking that the credential's `@context` starts with it,
in the same order (VC Data Integrity, "verify proof"). The configuration then takes the credential's `@context`,
except for JCS suites, which sign the proof's own `@context` as written.
"""

from __future__ import annotations

from typing import Any

from wallet.credentials.formats import as_list
from wallet.errors import CredentialFormatError
from wallet.i18n import _

SIGNATURE_MEMBERS = ("proofValue", "jws", "signatureValue")


def proof_options(unsecured: dict[str, Any], proof: dict[str, Any], *, jcs_suite: bool) -> dict[str, Any]:
    """The proof without its signature, with the `@context` the suite signs; a mismatched proof context raises."""
    config = {k: v for k, v in proof.items() if k not in SIGNATURE_MEMBERS}
    if "@context" in config:
        proof_ctx = as_list(config["@context"])
        doc_ctx = as_list(unsecured.get("@context"))
        if not proof_ctx or doc_ctx[: len(proof_ctx)] != proof_ctx:
            raise CredentialFormatError(_("The proof's @context does not match the start of the credential's "
                                          "@context."))
    if jcs_suite:
        if "@context" not in config and "@context" in unsecured:
            config["@context"] = unsecured["@context"]
    else:
        config["@context"] = unsecured.get("@context")
    return config
