"""The schema check: does the credential have the fields its format requires?

The JSON Schemas (draft 2020-12) in resources/schemas/ are written by this project from the 1EdTech
and W3C data models, because the official 1EdTech schema files are not available offline; see
resources/schemas/README.md. They are read on first use and each is compiled once per process by
`jsonschema-rs` (a maintained draft 2020-12 validator, about twenty times faster than the hand-written
checks it replaced and a hundred times faster than pure-Python `jsonschema`, which the tests use as the
reference; see bench/README.md).
References between the bundled schemas resolve through a registry of those documents only: the validator
runs offline and never retrieves anything.

A `credentialSchema` entry naming a 1EdTech Open Badges 3.0 or CLR 2.0 JSON Schema is covered by our
own schemas; any other schema URL cannot be fetched offline, so the check then gives a warning.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

import jsonschema_rs

from wallet.credentials.report import Check, CheckName, Outcome, said
from wallet.i18n import N_, _
from wallet.resources import resource_path

_BASE = "urn:ler-wallet:schema:"
_FILES = {
    "vc": "vc.schema.json",
    "ob_v3p0_achievementcredential": "ob_v3p0_achievementcredential.schema.json",
    "ob_v3p0_endorsementcredential": "ob_v3p0_endorsementcredential.schema.json",
    "clr_v2p0_clrcredential": "clr_v2p0_clrcredential.schema.json",
    "ob_v2p0_assertion": "ob_v2p0_assertion.schema.json",
}
_KIND_SCHEMA = {
    "ob3": "ob_v3p0_achievementcredential",
    "endorsement": "ob_v3p0_endorsementcredential",
    "clr": "clr_v2p0_clrcredential",
    "vc": "vc",
    "ob2": "ob_v2p0_assertion",
}
_FORMAT = {
    "ob3": N_("the Open Badges 3.0 format"),
    "endorsement": N_("the Open Badges 3.0 endorsement format"),
    "clr": N_("the Comprehensive Learner Record 2.0 format"),
    "vc": N_("the W3C Verifiable Credential format"),
    "ob2": N_("the Open Badges 2.0 format"),
}
_REQUIRES = {
    "ob3": "Open Badges 3.0 requires",
    "endorsement": "an Open Badges 3.0 endorsement requires",
    "clr": "a Comprehensive Learner Record 2.0 requires",
    "vc": "a W3C Verifiable Credential requires",
    "ob2": "Open Badges 2.0 requires",
}
_PASSED = {
    "ob3": N_("It has every field Open Badges 3.0 requires."),
    "endorsement": N_("It has every field an Open Badges 3.0 endorsement requires."),
    "clr": N_("It has every field a Comprehensive Learner Record 2.0 requires."),
    "vc": N_("It has every field a W3C Verifiable Credential requires."),
    "ob2": N_("It has every field Open Badges 2.0 requires."),
}
"""The schema check's sentence when every required field is there, per format (shown through said())."""
_MAX_SHOWN = 3
_MAX_URL = 100
# Data Integrity suites whose derived proofs let the holder leave out fields.
_SELECTIVE_DISCLOSURE = frozenset({"ecdsa-sd-2023", "bbs-2023"})

_ONEEDTECH_SCHEMA = re.compile(r"^https?://purl\.imsglobal\.org/spec/(ob/v3p0|clr/v2p0)/schema/", re.IGNORECASE)

HOSTED_ONLY = N_("Only the link to a hosted badge is here; its content cannot be checked offline.")

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class SchemaError:
    """One place where the document breaks the schema, in the terms of the schema keyword that failed."""

    path: Path
    keyword: str
    value: Any
    """The keyword's value in the schema (the required names, the wanted type, ...)."""
    schema: dict[str, Any]
    """The schema object holding the keyword (its `title` words the expected value)."""
    instance: Any


Validate = Callable[[Any], list[SchemaError]]


@cache
def _documents() -> dict[str, dict[str, Any]]:
    """Every bundled schema by its $id, read on first use."""
    found: dict[str, dict[str, Any]] = {}
    for name, file in _FILES.items():
        document: dict[str, Any] = json.loads(resource_path("schemas", file).read_text("utf-8"))
        found[_BASE + name] = document
    return found


def _pointer(documents: dict[str, dict[str, Any]], location: str) -> list[Any]:
    """The schema nodes from a document's root down to `location` ("urn:…#/$defs/Profile/required")."""
    uri, _unused, fragment = location.partition("#")
    node: Any = documents[uri]
    nodes = [node]
    for part in fragment.split("/")[1:] if fragment else []:
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
        nodes.append(node)
    return nodes


def _schema_error(documents: dict[str, dict[str, Any]], root: str, error: jsonschema_rs.ValidationError) -> SchemaError:
    """Our record of one error: the keyword that failed, its value and the schema object that holds it."""
    location = error.absolute_keyword_location
    if location is None:  # no $id on the way: the path is within the root document
        location = root + "#" + "".join(f"/{str(p).replace('~', '~0').replace('/', '~1')}" for p in error.schema_path)
    *_unused, holder, value = _pointer(documents, location)
    keyword = location.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
    return SchemaError(
        tuple(error.instance_path), keyword, value, holder if isinstance(holder, dict) else {}, error.instance
    )


@cache
def validator_for(kind: str) -> Validate:
    """The check for one kind's schema, compiled once and kept for the life of the process."""
    documents = _documents()
    uri = _BASE + _KIND_SCHEMA[kind]
    # The registry holds the bundled schemas and nothing else; with no retriever and `offline`, a reference
    # to anything else is an error when the validator is built, never a fetch.
    registry = jsonschema_rs.Registry(list(documents.items()), draft=jsonschema_rs.Draft202012)
    validator = jsonschema_rs.validator_for(
        documents[uri], registry=registry, base_uri=uri, validate_formats=False, offline=True
    )

    def check(instance: Any) -> list[SchemaError]:
        if validator.is_valid(instance):
            return []
        return [_schema_error(documents, uri, error) for error in validator.iter_errors(instance)]

    return check


def schema_errors(document: Any, kind: str) -> list[SchemaError]:
    """Every place where `document` breaks our schema for `kind`."""
    return validator_for(kind)(document)


# Words for the objects a path can lead to; keys in _QUALIFIED also name their owner
# ("the issuer's parent organisation").
_NOUNS = {
    "issuer": "issuer",
    "credentialSubject": "subject",
    "achievement": "achievement",
    "parentOrg": "parent organisation",
    "source": "source profile",
    "creator": "creator",
    "otherIdentifier": "other identifier",
    "identifier": "identifier",
    "result": "result",
    "resultDescription": "result description",
    "rubricCriterionLevel": "rubric level",
    "evidence": "evidence item",
    "alignment": "alignment",
    "related": "related achievement",
    "proof": "proof",
    "credentialStatus": "status entry",
    "credentialSchema": "schema entry",
    "refreshService": "refresh service",
    "termsOfUse": "terms-of-use entry",
    "endorsement": "endorsement",
    "endorsementJwt": "signed endorsement",
    "image": "image",
    "address": "address",
    "geo": "map coordinates",
    "criteria": "criteria",
    "verifiableCredential": "nested credential",
    "association": "association",
    "recipient": "recipient",
    "badge": "badge",
    "verification": "verification section",
    "verify": "verification section",
}
_QUALIFIED = {
    "parentOrg",
    "otherIdentifier",
    "identifier",
    "address",
    "geo",
    "image",
    "endorsement",
    "endorsementJwt",
    "alignment",
    "criteria",
    "creator",
    "rubricCriterionLevel",
}
_FIELDS = {
    "@context": "@context",
    "credentialSubject": "subject",
    "verifiableCredential": "credentials",
    "validFrom": "start date",
    "validUntil": "end date",
    "issuanceDate": "issue date",
    "expirationDate": "expiry date",
    "awardedDate": "award date",
    "issuedOn": "issue date",
    "expires": "expiry date",
    "created": "creation date",
    "activityStartDate": "activity start date",
    "activityEndDate": "activity end date",
    "identityHash": "identity hash",
    "identityType": "identity type",
    "hashed": "hashed flag",
    "identifierType": "identifier type",
    "targetName": "target name",
    "targetUrl": "target link",
    "resultType": "result type",
    "achievedLevel": "achieved level",
    "requiredLevel": "required level",
    "associationType": "association type",
    "sourceId": "source id",
    "targetId": "target id",
    "url": "link",
    "verificationMethod": "verification method",
    "verification": "verification section",
}
_JSON_TYPES = {
    "string": "text",
    "array": "a list",
    "object": "an object",
    "boolean": "true or false",
    "number": "a number",
    "integer": "a whole number",
    "null": "null",
}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _possessive(phrase: str) -> str:
    return phrase + "'s"


def _dotted(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _noun(path: Path) -> str:
    """The object at `path` in words: "the credential", "the issuer's parent organisation", "the 2nd result"."""
    if not path:
        return "the credential"
    last = path[-1]
    if isinstance(last, int):
        key = path[-2] if len(path) >= 2 else ""
        if key == "@context":
            return "the first @context entry" if last == 0 else f"@context entry {last + 1}"
        if not isinstance(key, str) or key not in _NOUNS:
            return f"entry {last + 1} of {_phrase(path[:-1])}"
        words, owner = f"{_ordinal(last + 1)} {_NOUNS[key]}", path[:-2]
    elif last in _NOUNS:
        key, words, owner = last, _NOUNS[last], path[:-1]
    else:
        return _phrase(path)
    if key in _QUALIFIED and owner:
        return f"{_possessive(_noun(owner))} {words}"
    return f"the {words}"


def _phrase(path: Path) -> str:
    """The value at `path` in words: "the start date", "the issuer's id"."""
    if not path:
        return "the credential"
    last = path[-1]
    if isinstance(last, int) or last in _NOUNS:
        return _noun(path)
    field = _FIELDS.get(last, last)
    owner = path[:-1]
    return f"the {field}" if not owner else f"{_possessive(_noun(owner))} {field}"


def _quoted(values: list[Any]) -> str:
    return " or ".join(json.dumps(v) for v in values)


def _wanted_types(error: SchemaError) -> list[Any]:
    value = error.value
    if error.keyword == "const":
        return [value]
    if error.keyword == "enum" and isinstance(value, list):
        return value
    if isinstance(value, dict):
        if "const" in value:
            return [value["const"]]
        if isinstance(value.get("enum"), list):
            return list(value["enum"])
    return []


def _words_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _sentence(error: SchemaError, path: Path) -> str:
    keyword = error.keyword
    value = error.value
    if path and path[-1] == "type" and keyword in ("const", "contains"):
        wanted = _wanted_types(error)
        if wanted:
            return f"{_possessive(_noun(path[:-1]))} type must include {_quoted(wanted)}"
    subject = _phrase(path)
    if keyword == "contains" and isinstance(value, dict) and isinstance(value.get("title"), str):
        return f"{subject} must include {value['title']}"
    title = error.schema.get("title") if isinstance(error.schema, dict) else None
    if keyword == "anyOf" and title:
        return f"{subject} must have {title}"
    if title and keyword != "minItems":
        return f"{subject} must be {title}"
    if keyword == "enum":
        return f"{subject} must be one of {', '.join(json.dumps(v) for v in value)}"
    if keyword == "const":
        return f"{subject} must be {json.dumps(value)}"
    if keyword == "contains" and (wanted := _wanted_types(error)):
        return f"{subject} must include {_quoted(wanted)}"
    if keyword == "type":
        names: list[str] = value if isinstance(value, list) else [value]
        return f"{subject} must be {' or '.join(_JSON_TYPES.get(n, n) for n in names)}"
    if keyword == "minItems":
        return f"{subject} list must not be empty"
    return f"{subject} is not valid"


def _missing_sentence(path: Path, names: list[str]) -> str:
    fields = _words_list([_FIELDS.get(name, name) for name in names])
    where = ", ".join(_dotted((*path, name)) for name in names)
    return f"{_noun(path)} is missing its {fields} ({where})"


class _Problem(NamedTuple):
    sentence: str
    missing: bool
    """True when the problem is only that fields are absent."""


def _problems(kind: str, document: dict[str, Any]) -> list[_Problem]:
    """Every problem in words, shallowest first; the missing fields of one object make one problem."""
    entries: list[tuple[int, Path, list[str] | str]] = []
    missing_at: dict[Path, list[str]] = {}
    for error in schema_errors(document, kind):
        path = error.path
        if error.keyword == "required":
            instance = error.instance if isinstance(error.instance, dict) else {}
            names = missing_at.get(path)
            if names is None:
                names = missing_at[path] = []
                entries.append((len(path) + 1, path, names))
            names.extend(n for n in error.value if n not in instance and n not in names)
        else:
            words = _sentence(error, path)
            entries.append((len(path), path, f"{words} ({_dotted(path)})" if path else words))
    entries.sort(key=lambda entry: entry[0])
    found: list[_Problem] = []
    for _unused, path, item in entries:
        problem = _Problem(_missing_sentence(path, item), True) if isinstance(item, list) else _Problem(item, False)
        if problem not in found:
            found.append(problem)
    return found


def _selectively_disclosed(document: dict[str, Any]) -> bool:
    """Whether a proof uses a selective-disclosure suite, whose holder may leave out fields."""
    proofs = document.get("proof")
    for proof in proofs if isinstance(proofs, list) else [proofs]:
        suite = proof.get("cryptosuite") if isinstance(proof, dict) else None
        if isinstance(suite, str) and suite in _SELECTIVE_DISCLOSURE:
            return True
    return False


def _schema_kind(url: str) -> str | None:
    """Which of our schemas covers a 1EdTech schema URL (None: ours for the document's own kind)."""
    lowered = url.lower()
    if "/clr/v2p0/" in lowered:
        return "clr"
    if "endorsement" in lowered:
        return "endorsement"
    if "achievementcredential" in lowered:
        return "ob3"
    return None


def _declared_schemas(document: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(kinds our schemas cover, URLs we cannot check) for the document's credentialSchema entries."""
    value = document.get("credentialSchema")
    entries = value if isinstance(value, list) else [value]
    kinds: list[str] = []
    unknown: list[str] = []
    for entry in entries:
        url = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(url, str):
            continue
        if _ONEEDTECH_SCHEMA.match(url):
            covered = _schema_kind(url)
            if covered and covered not in kinds:
                kinds.append(covered)
        elif url not in unknown:
            unknown.append(url)
    return kinds, unknown


def _is_hosted_link(document: dict[str, Any]) -> bool:
    return isinstance(document.get("id"), str) and set(document) <= {"id", "type", "@context"}


def _listed(sentences: list[str]) -> str:
    shown = "; ".join(sentences[:_MAX_SHOWN])
    hidden = len(sentences) - _MAX_SHOWN
    if hidden > 0:
        shown += f"; and {hidden} more problem{'s' if hidden > 1 else ''}"
    return shown


def _failed(kind: str, problems: list[str], declared: bool = False) -> Check:
    if declared:
        return Check(CheckName.SCHEMA, Outcome.FAILED,
                     said(N_("It does not follow {format} that its credentialSchema names: {problems}."),
                          format=said(_FORMAT[kind]), problems=_listed(problems)))
    return Check(CheckName.SCHEMA, Outcome.FAILED, said(N_("It does not follow {format}: {problems}."),
                                                        format=said(_FORMAT[kind]), problems=_listed(problems)))


def check_schema(document: dict[str, Any], kind: str) -> Check:
    """One Check: the document against our schema for `kind` ("ob3", "clr", "endorsement", "vc", "ob2")."""
    if kind not in _KIND_SCHEMA:
        raise ValueError(_("unknown credential kind {kind!r}").format(kind=kind))
    if kind == "ob2" and _is_hosted_link(document):
        return Check(CheckName.SCHEMA, Outcome.NOT_CHECKED, said(HOSTED_ONLY))
    partial = kind != "ob2" and _selectively_disclosed(document)
    kinds, unknown = ([kind], []) if kind == "ob2" else _declared_schemas(document)
    if kind not in kinds:
        kinds.insert(0, kind)
    withheld: list[str] = []
    for checked in kinds:
        problems = _problems(checked, document)
        wrong = [p.sentence for p in problems if not (partial and p.missing)]
        if wrong:
            return _failed(checked, wrong, declared=checked != kind)
        withheld.extend(p.sentence for p in problems if p.missing and p.sentence not in withheld)
    passed = said(_PASSED[kind])
    notes: list[str] = []
    if withheld:
        notes.append(
            f"it is selectively disclosed and the holder left out fields {_REQUIRES[kind]}: " + _listed(withheld)
        )
    if unknown:
        listed = ", ".join(url if len(url) <= _MAX_URL else url[: _MAX_URL - 1] + "…" for url in unknown[:_MAX_SHOWN])
        if len(unknown) > _MAX_SHOWN:
            listed += f" and {len(unknown) - _MAX_SHOWN} more"
        which = "the schemas it names" if len(unknown) > 1 else "the schema it names"
        notes.append(f"{which} ({listed}) could not be checked offline")
    if notes:
        if withheld:
            message = f"What it shows follows {_FORMAT[kind]}, but " + "; and ".join(notes) + "."
            return Check(CheckName.SCHEMA, Outcome.WARNING, message)
        return Check(CheckName.SCHEMA, Outcome.WARNING, said(N_("{passed}, but {notes}."),
            passed=passed[:-1], notes=notes[0]))
    return Check(CheckName.SCHEMA, Outcome.PASSED, passed)
