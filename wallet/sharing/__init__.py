"""Sharing: a chosen view leaves the wallet as a signed bundle (a VCDM 2.0 presentation), a QR code or a PDF
résumé, and anyone can check it. Everything here makes bytes or dicts; the UI only shows and saves them.

Modules and who looks after them (issue 10):

- `content`: what a view puts in a share (its records' credentials, its skills, the statement), and nothing else.
- `lerrs`: the learner-signed `LERRSCredential` whose subject is an LER-RS `Resume` (share-bundle).
- `bundle`: the signed presentation (`build_bundle`); its shape is described in docs/sharing.md (share-bundle).
- `bundle_check`: checking a bundle: holder proof, recipient, expiry, each credential, the statement (share-bundle).
- `jsonresume`: the same view as a JSON Resume document for applicant-tracking systems (share-bundle).
- `service`: `session.sharing`, the use cases the CLI and the app call, and the share history (share-bundle).
- `qr_codec`, `qr_images`, `vpqr`: bundle bytes <-> QR payload strings and images (share-qr).
- `resume_pdf`: the PDF skills résumé built from a bundle, with the bundle attached (share-pdf).
"""
