"""A credential's proofs read together (proof sets and chains): the report lines for `signature` and `issuer key`.

The rules:

* The issuer must have made at least one valid proof, with a key that speaks for it (see `binding`). That proof
  leads: its line is the first `signature` line, and the `issuer key` line says why the key is the issuer's.
* Every other proof is checked too and gets its own `signature` line naming who signed it: "passed" when it
  holds, "failed" when it does not (a credential changed after any of its signers signed is not verified).
* A proof that cannot be checked at all (a type this wallet does not know, a key not at hand) is named, with its
  key, in the leading line; it neither adds nor removes trust.
* With no proof by the issuer, the `issuer key` line fails when every signer is known to be someone else, and is
  "not checked" when the issuer's own proof or key could not be looked at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from wallet.credentials import ecdsa_sd, suites_ecdsa, suites_legacy
from wallet.credentials.binding import Binding, signer_of
from wallet.credentials.dataintegrity import ED25519_2020, LEGACY_RDFC, RDFC, ProofResult
from wallet.credentials.keys import KeyMaterial
from wallet.credentials.report import Check, CheckName, Outcome, clip, said
from wallet.i18n import N_

Binder = Callable[[KeyMaterial], Binding]
"""Says whether a key is the issuer's (see `binding.issuer_binding`)."""

NO_PROOF = N_("It has no signature (no proof), so anyone could have written it.")


@dataclass(frozen=True)
class ProofSetVerdict:
    """The report lines for a set of proofs, and who made the leading one."""

    checks: list[Check]
    signer: str | None
    """The key (its id) that made the leading proof, when that proof holds; None otherwise."""


def _outcome(bound: bool | None) -> Outcome:
    return Outcome.NOT_CHECKED if bound is None else Outcome.PASSED if bound else Outcome.FAILED


def _vm_of(result: ProofResult) -> str:
    if result.key is not None:
        return result.key.id
    vm = result.proof.get("verificationMethod")
    if isinstance(vm, dict):
        vm = vm.get("id")
    return vm if isinstance(vm, str) and vm else "an unnamed key"


def _lead_index(results: list[ProofResult], issuer_made: list[int]) -> int:
    """The proof the report leads with: the issuer's, else a failing one, else a valid one, else the first."""
    if issuer_made:
        return issuer_made[0]
    for wanted in (False, True):
        for index, result in enumerate(results):
            if result.valid is wanted:
                return index
    return 0


def _with_unchecked(sentence: str, others: list[ProofResult]) -> str:
    """The leading proof's sentence, and which other proofs could not be checked (when some could not)."""
    if not others:
        return sentence
    named = "; ".join(said(N_("{method} made with {key}"), method=clip(r.suite, 40) if r.suite else
                           said(N_("an unnamed method")), key=clip(_vm_of(r), 60)) for r in others)
    return said(N_("{sentence} ({count} other proof(s) could not be checked: {named}.)"), sentence=sentence,
                count=len(others), named=named)


def _other_line(result: ProofResult, bound: bool | None) -> Check:
    """The line for a proof other than the leading one."""
    who: str | None = None
    if bound:
        who = said(N_("the issuer's key"))
    elif result.key:
        who = said(N_("a key of {signer}"), signer=clip(signer_of(result.key)))
    if result.valid:
        message: str = said(N_("Another {suite} proof, made with {who}, is valid too."), suite=result.suite, who=who)
        return Check(CheckName.SIGNATURE, Outcome.PASSED, message)
    made_with = who or said(N_("the key {method}"), method=clip(_vm_of(result)))
    message = said(N_("Another proof, made with {made_with}, fails: {reason}"), made_with=made_with,
                   reason=result.message)
    return Check(CheckName.SIGNATURE, Outcome.FAILED, message)


def _format_notes(good: list[ProofResult]) -> list[Check]:
    notes: list[Check] = []
    if any(r.suite == LEGACY_RDFC for r in good):
        notes.append(
            Check(
                CheckName.FORMAT,
                Outcome.WARNING,
                said(N_("The proof uses the draft name \"eddsa-2022\"; it is checked as eddsa-rdfc-2022.")),
            )
        )
    rdf_suites = (RDFC, LEGACY_RDFC, ED25519_2020, ecdsa_sd.SUITE, suites_ecdsa.RDFC_2019, *suites_legacy.SUITES)
    undefined = sorted({t for r in good if r.suite in rdf_suites for t in r.undefined_terms})
    if undefined:
        shown = clip(", ".join(undefined[:5]) + ("…" if len(undefined) > 5 else ""))
        notes.append(
            Check(
                CheckName.FORMAT,
                Outcome.WARNING,
                said(N_("Some fields are not defined by the credential's vocabulary ({shown}); the signature does "
                        "not vouch for their meaning."), shown=shown),
            )
        )
    return notes


def _issuer_key_line(
    results: list[ProofResult], lead: int, bindings: dict[int, Binding], issuer_made: list[int]
) -> Check:
    head = results[lead]
    if issuer_made:
        return Check(CheckName.ISSUER_KEY, Outcome.PASSED, bindings[lead][1])
    if head.valid is None:
        return Check(CheckName.ISSUER_KEY, Outcome.NOT_CHECKED, said(N_("The issuer's key is not available offline.")))
    if head.valid is False:
        if lead not in bindings:
            return Check(
                CheckName.ISSUER_KEY, Outcome.NOT_CHECKED, said(N_("The proof failed (see the signature line), so "
                                                                   "its key was not looked at."))
            )
        bound, message = bindings[lead]
        return Check(CheckName.ISSUER_KEY, _outcome(bound), message)
    valid = [i for i, r in enumerate(results) if r.valid and i in bindings]
    unknown = [i for i in valid if bindings[i][0] is None]
    if unknown:
        return Check(CheckName.ISSUER_KEY, Outcome.NOT_CHECKED, bindings[unknown[0]][1])
    unchecked = [r for r in results if r.valid is None]
    if unchecked:
        return Check(
            CheckName.ISSUER_KEY,
            Outcome.NOT_CHECKED,
            said(N_("The proof that could be checked was not made with the issuer's key, and {count} other proof(s) "
                    "could not be checked, so no proof by the issuer was confirmed."), count=len(unchecked)),
        )
    return Check(CheckName.ISSUER_KEY, Outcome.FAILED, bindings[lead][1])


def assess(results: list[ProofResult], bind: Binder) -> ProofSetVerdict:
    """The `signature` and `issuer key` lines (and format notes) for every proof of one document."""
    if not results:
        return ProofSetVerdict(
            [
                Check(CheckName.SIGNATURE, Outcome.FAILED, said(NO_PROOF)),
                Check(CheckName.ISSUER_KEY, Outcome.NOT_CHECKED, said(N_("There is no signature, so there is no key "
                                                                         "to check."))),
            ],
            None,
        )
    bindings = {i: bind(r.key) for i, r in enumerate(results) if r.key is not None and r.valid is not None}
    issuer_made = [i for i, r in enumerate(results) if r.valid and bindings.get(i, (None, ""))[0] is True]
    lead = _lead_index(results, issuer_made)
    head = results[lead]
    others = [(i, r) for i, r in enumerate(results) if i != lead]
    leading = _with_unchecked(head.message, [r for _unused, r in others if r.valid is None])
    outcome = Outcome.PASSED if head.valid else Outcome.NOT_CHECKED if head.valid is None else Outcome.FAILED
    checks = [Check(CheckName.SIGNATURE, outcome, leading)]
    checks += [_other_line(r, bindings.get(i, (None, ""))[0]) for i, r in others if r.valid is not None]
    checks += _format_notes([r for r in results if r.valid])
    checks.append(_issuer_key_line(results, lead, bindings, issuer_made))
    return ProofSetVerdict(checks, head.key.id if head.valid and head.key is not None else None)
