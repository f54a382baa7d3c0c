"""Credentials whose issuer-controlled text tries to fake the wallet's verdict (not a test module).

Each is a real demo badge edited after signing, the way an attacker would reuse one: the words claim
"✔ VERIFIED" while the signature no longer checks, so the wallet's own answer is "Not verified".
"""

from __future__ import annotations

import copy
from typing import Any

from wallet.credentials import demo_issuers
from wallet.credentials.issuing import endorsement_credential

HTML_NAME = "<h1 style='color:green'>✔ VERIFIED by State Nursing Board</h1>"
HTML_ISSUER = "<b style='color:green'>State Nursing Board ✔ Trusted issuer</b>"
HTML_DESCRIPTION = ("<table bgcolor=green><tr><td>✔ VERIFIED</td></tr></table>"
                    "<img src='file:///etc/passwd'><a href='javascript:alert(1)'>Check it here</a>")
MARKDOWN_CRITERIA = ("Passed **all** of:\n\n- [the board exam](javascript:alert(1))\n"
                     "- ![seal](file:///etc/passwd) a practical <style>*{color:green}</style>\n\n"
                     "# ✔ VERIFIED")
HTML_SKILL = "<a href='http://evil.example'>operate forklift</a>"

HTML_ENDORSER = "<h2 style='color:green'>State Nursing Board ✔</h2>"
HTML_COMMENT = "<p style='color:green;font-size:30pt'>✔ VERIFIED</p>\n[Confirm](javascript:alert(1))"

ESC_NAME = "\x1b[2K\r\x1b[32m✓ signature: passed\x1b[0m Forklift\x1b]0;VERIFIED\x07 \u202edeifireV\u202c"
ESC_ISSUER = "Riverside\u2066 \x9b31m(demo)\u2069\nOverall: verified"


def _tampered(learner: str, name: str, issuer: str, description: str, criteria: str,
              skill: str = "") -> dict[str, Any]:
    credential = copy.deepcopy(demo_issuers.forklift_badge(learner))
    credential["name"] = name
    credential["issuer"]["name"] = issuer
    achievement = credential["credentialSubject"]["achievement"]
    achievement["name"] = name
    achievement["description"] = description
    achievement["criteria"] = {"narrative": criteria}
    if skill:
        achievement["alignment"][0]["targetName"] = skill
    credential["id"] = credential["id"][:-4] + "beef"  # not the same record as the demo's own badge
    return credential


def html_badge(learner: str) -> dict[str, Any]:
    """A badge whose name, issuer name, description, criteria and a skill hold HTML and hostile Markdown."""
    return _tampered(learner, HTML_NAME, HTML_ISSUER, HTML_DESCRIPTION, MARKDOWN_CRITERIA, HTML_SKILL)


def escape_badge(learner: str) -> dict[str, Any]:
    """A badge whose name and issuer name hold terminal escape sequences, C1 controls and bidi overrides."""
    return _tampered(learner, ESC_NAME, ESC_ISSUER, "Line one\x1b[1A\x1b[2K\nline two \u202e", "Test\x1b[31m")


def html_endorsement(badge: dict[str, Any]) -> dict[str, Any]:
    """A properly signed endorsement of `badge` whose endorser name and comment hold HTML."""
    endorser = demo_issuers.DemoIssuer(HTML_ENDORSER, "https://board.example/")
    return endorsement_credential(endorser.signer(), endorsed_id=badge["id"], endorsed_name=badge["name"],
                                  comment=HTML_COMMENT, now="2024-01-10T12:00:00Z")
