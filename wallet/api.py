"""The one public API of the LER Wallet core: `ui/` and `cli/` import from here and nowhere else in `wallet`.

What crosses this boundary:

- **Wallets**: `create_wallet`, `open_wallet`, `recover_wallet`, `read_backup`, `restore_backup`,
  `check_wallet`, `inspect_wallet`, `rescue_wallet` (`wallet.lifecycle`), and the `Onboarding` flow the app
  drives. Each returns or works on a `Session`.
- **An unlocked wallet**: `Session` (records, entries, evidence, notes, hiding, delete with undo, identity,
  backup, passphrase) and its areas of use cases: `session.credentials` (import files and folders, verify and
  re-check, trust, issue, endorse, details), `session.skills` (profile, corrections, matching, views, pathways,
  credit for prior learning) and `session.holder` (the holder's profile and identifiers). `session.events` says
  what changed.
- **No wallet at all**: `offline_options` and `verify_inputs` check credential files with only what is given;
  `read_bundle` and `check_bundle` check a shared bundle as one `BundleReport`.
- **Sharing**: `session.sharing.share(view, form=..., to=..., expires=...)` signs a view as a bundle
  (`SharedBundle`: the dict, its JSON bytes, the `ResumeContent`, the `ShareRecord` written to the history);
  `session.sharing.history()` lists past shares; `json_resume` is the same view for applicant-tracking systems.
  `resume_pdf(bundle, options, layout, paper)` prints a bundle as a PDF skills résumé (the bundle attached, its
  QR codes on the last page); `is_pdf` and `check_resume_pdf` check such a PDF as one `BundleReport`.
  `make_qr_set(bundle_bytes)` makes the bundle's QR code or numbered set (`QrImage`: PNG, SVG, "2 of 5");
  `read_qr_bundle` / `qr_bundle_from_texts` put scanned codes (LW1 sets in any order, or a VPQR code) back into
  a bundle (`QrReading`), `read_qr_texts` reads the codes in one image; `QrCodeError` says why they can't.
- **Typed results**: `ImportOutcome`, `Rechecked`, `SavedReport`, `CredentialDetails`, `ItemReport`,
  `MatchResult`, `Pathway`, `OutcomeMatch`, `ViewRow`, `Profile`, `Record` and friends: dataclasses, never
  dicts read by key (their `to_json()` is for `--json` output only).
- **Reading what a person names**: `read_inputs`, `read_input`, `read_text_input`, `read_source`, bounded.
- **Errors**: one tree rooted in `WalletError` (see `wallet.errors`); each message is one plain sentence.

A name a front end needs and this module lacks is added here, never imported from deeper in `wallet`
(`tests/test_guards.py` fails otherwise).
"""

from __future__ import annotations

from wallet import __version__
from wallet.app_settings import (
    LANGUAGE_CHOICES,
    LOCK_MINUTES,
    PAPER_SIZES,
    TEXT_SCALES,
    THEMES,
    AppSettings,
    load_settings,
    save_settings,
)
from wallet.credential_service import ImportOutcome, Rechecked
from wallet.credentials.checking import offline_options, take_material, verify_inputs
from wallet.credentials.clr_outline import ClrNode
from wallet.credentials.details import Alignment, CredentialDetails, Endorsement
from wallet.credentials.limits import MAX_INPUT_BYTES, read_json
from wallet.credentials.report import STATUS_SENTENCES, ItemReport, Report, Status, clip, combined_status
from wallet.credentials.saved_report import SavedCheck, SavedReport
from wallet.credentials.sources import (
    CHECK_SUFFIXES,
    CREDENTIAL_SUFFIXES,
    STDIN,
    read_input,
    read_inputs,
    read_json_file,
    read_stream,
)
from wallet.credentials.validity import parse_instant
from wallet.credentials.verifier import VerifyOptions
from wallet.crypto.kdf import KdfParams
from wallet.demo import populate as populate_demo
from wallet.entry_edits import edited_entry, entry_fields, media_type_of, read_evidence
from wallet.errors import (
    CredentialFormatError,
    DuplicateRecordError,
    InvalidInputError,
    NewerWalletError,
    NotAWalletError,
    RecordNotFoundError,
    StorageError,
    UnknownContextError,
    UsageError,
    WalletDamagedError,
    WalletError,
    WalletExistsError,
    WalletLockedError,
    WalletNotFoundError,
    WrongPassphraseError,
)
from wallet.events import Event, EventBus
from wallet.flows.locations import free_location
from wallet.flows.onboarding import Onboarding, Outcome, Step
from wallet.handed_over import dropped_inputs, pasted_bytes, qr_image_inputs
from wallet.hardening import Hardening, harden_process
from wallet.help_texts import PAGES as HELP_PAGES
from wallet.help_texts import TourStep, help_text, navigator_notes, tour_steps
from wallet.holder import DEFAULT_NAME as DEFAULT_HOLDER_NAME
from wallet.holder import HolderProfile
from wallet.i18n import (
    LANGUAGE_NAMES,
    LANGUAGES,
    N_,
    _,
    current_language,
    format_date,
    format_month,
    format_number,
    format_short_month,
    language_for,
    ngettext,
    set_language,
)
from wallet.i18n import LANGUAGES as HELP_LANGUAGES
from wallet.inputs import decode_text, read_file, read_source
from wallet.kiosk_config import KioskConfig, KioskConfigError, load_kiosk_config
from wallet.lifecycle import (
    CreatedWallet,
    DamageScan,
    Inspection,
    Rescue,
    check_wallet,
    create_wallet,
    damage_sentence,
    default_wallet_path,
    ensure_can_create,
    inspect_wallet,
    layout_check,
    open_wallet,
    read_backup,
    recover_wallet,
    rescue_wallet,
    restore_backup,
    wallet_is_demo,
)
from wallet.models import ENTRY_KIND_LABELS, CredentialInfo, EntryInput, EntryKind, EvidenceInfo, Record, RecordKind
from wallet.navigator_pdf import navigator_notes_pdf
from wallet.notices import third_party_notices
from wallet.portable import enter_portable_mode, portable_folder
from wallet.recovery_kit import kit_sections as recovery_kit_sections
from wallet.recovery_kit import recovery_kit_pdf
from wallet.safe_markdown import has_markup as markdown_has_markup
from wallet.safe_markdown import to_html as markdown_to_safe_html
from wallet.session import Session
from wallet.sharing.bundle_check import BundleReport, Statement, StatementSkill, check_bundle, read_bundle
from wallet.sharing.jsonresume import json_resume
from wallet.sharing.lazy_pdf import RESUME_LAYOUTS, RESUME_PAPERS, check_resume_pdf, is_pdf, resume_pdf
from wallet.sharing.lerrs import ResumeContent, ResumeEntry, ResumeSkill
from wallet.sharing.qr_codec import QrCodeError
from wallet.sharing.qr_images import QrImage
from wallet.sharing.qr_images import ReadBundle as QrReading
from wallet.sharing.qr_images import bundle_from_texts as qr_bundle_from_texts
from wallet.sharing.qr_images import is_image as is_qr_image
from wallet.sharing.qr_images import make_set as make_qr_set
from wallet.sharing.qr_images import read_bundle as read_qr_bundle
from wallet.sharing.qr_images import read_texts as read_qr_texts
from wallet.sharing.service import FORMS as SHARE_FORMS
from wallet.sharing.service import SharedBundle, SharingService
from wallet.skills.cpl import OutcomeMatch, RecordRef
from wallet.skills.match import SCORE_BASIS as MATCH_SCORE_BASIS
from wallet.skills.match import Coverage, MatchResult, SkillMatch, Via, and_list
from wallet.skills.opportunity import OccupationGuess
from wallet.skills.pack import Skill, TaxonomyPack
from wallet.skills.pack import attribution as skills_data_credits
from wallet.skills.pathways import LevelGap, Pathway, SkillRef
from wallet.skills.profile import STRENGTH_WORDS, STRENGTHS, Profile, ProfileSkill
from wallet.skills.suggest import suggest_skills
from wallet.skills.text_input import MAX_TEXT_INPUT_BYTES, read_text_input
from wallet.skills.warmup import start_recogniser_warm_up, start_warm_up
from wallet.store.files import atomic_write
from wallet.store.layout import SUFFIX
from wallet.store.salvage import SalvageReport
from wallet.store.share_store import ShareRecord
from wallet.store.skills_store import ViewRow
from wallet.text_safety import escape_json_text, for_terminal, multiline, one_line
from wallet.validation import MIN_PASSPHRASE
from wallet.wallet_care import (
    BackupInfo,
    LastBackup,
    back_up,
    backup_info,
    backup_reminder,
    demo_passphrase,
    last_backup,
)

__all__ = [
    "CHECK_SUFFIXES",
    "CREDENTIAL_SUFFIXES",
    "DEFAULT_HOLDER_NAME",
    "ENTRY_KIND_LABELS",
    "HELP_LANGUAGES",
    "HELP_PAGES",
    "LANGUAGES",
    "LANGUAGE_CHOICES",
    "LANGUAGE_NAMES",
    "LOCK_MINUTES",
    "MATCH_SCORE_BASIS",
    "MAX_INPUT_BYTES",
    "MAX_TEXT_INPUT_BYTES",
    "MIN_PASSPHRASE",
    "N_",
    "PAPER_SIZES",
    "RESUME_LAYOUTS",
    "RESUME_PAPERS",
    "SHARE_FORMS",
    "STATUS_SENTENCES",
    "STDIN",
    "STRENGTHS",
    "STRENGTH_WORDS",
    "SUFFIX",
    "TEXT_SCALES",
    "THEMES",
    "Alignment",
    "AppSettings",
    "BackupInfo",
    "BundleReport",
    "ClrNode",
    "Coverage",
    "CreatedWallet",
    "CredentialDetails",
    "CredentialFormatError",
    "CredentialInfo",
    "DamageScan",
    "DuplicateRecordError",
    "Endorsement",
    "EntryInput",
    "EntryKind",
    "Event",
    "EventBus",
    "EvidenceInfo",
    "Hardening",
    "HolderProfile",
    "ImportOutcome",
    "Inspection",
    "InvalidInputError",
    "ItemReport",
    "KdfParams",
    "KioskConfig",
    "KioskConfigError",
    "LastBackup",
    "LevelGap",
    "MatchResult",
    "NewerWalletError",
    "NotAWalletError",
    "OccupationGuess",
    "Onboarding",
    "Outcome",
    "OutcomeMatch",
    "Pathway",
    "Profile",
    "ProfileSkill",
    "QrCodeError",
    "QrImage",
    "QrReading",
    "Rechecked",
    "Record",
    "RecordKind",
    "RecordNotFoundError",
    "RecordRef",
    "Report",
    "Rescue",
    "ResumeContent",
    "ResumeEntry",
    "ResumeSkill",
    "SalvageReport",
    "SavedCheck",
    "SavedReport",
    "Session",
    "ShareRecord",
    "SharedBundle",
    "SharingService",
    "Skill",
    "SkillMatch",
    "SkillRef",
    "Statement",
    "StatementSkill",
    "Status",
    "Step",
    "StorageError",
    "TaxonomyPack",
    "TourStep",
    "UnknownContextError",
    "UsageError",
    "VerifyOptions",
    "Via",
    "ViewRow",
    "WalletDamagedError",
    "WalletError",
    "WalletExistsError",
    "WalletLockedError",
    "WalletNotFoundError",
    "WrongPassphraseError",
    "_",
    "__version__",
    "and_list",
    "atomic_write",
    "back_up",
    "backup_info",
    "backup_reminder",
    "check_bundle",
    "check_resume_pdf",
    "check_wallet",
    "clip",
    "combined_status",
    "create_wallet",
    "current_language",
    "damage_sentence",
    "decode_text",
    "default_wallet_path",
    "demo_passphrase",
    "dropped_inputs",
    "edited_entry",
    "ensure_can_create",
    "enter_portable_mode",
    "entry_fields",
    "escape_json_text",
    "for_terminal",
    "format_date",
    "format_month",
    "format_number",
    "format_short_month",
    "free_location",
    "harden_process",
    "help_text",
    "inspect_wallet",
    "is_pdf",
    "is_qr_image",
    "json_resume",
    "language_for",
    "last_backup",
    "layout_check",
    "load_kiosk_config",
    "load_settings",
    "make_qr_set",
    "markdown_has_markup",
    "markdown_to_safe_html",
    "media_type_of",
    "multiline",
    "navigator_notes",
    "navigator_notes_pdf",
    "ngettext",
    "offline_options",
    "one_line",
    "open_wallet",
    "parse_instant",
    "pasted_bytes",
    "populate_demo",
    "portable_folder",
    "qr_bundle_from_texts",
    "qr_image_inputs",
    "read_backup",
    "read_bundle",
    "read_evidence",
    "read_file",
    "read_input",
    "read_inputs",
    "read_json",
    "read_json_file",
    "read_qr_bundle",
    "read_qr_texts",
    "read_source",
    "read_stream",
    "read_text_input",
    "recover_wallet",
    "recovery_kit_pdf",
    "recovery_kit_sections",
    "rescue_wallet",
    "restore_backup",
    "resume_pdf",
    "save_settings",
    "set_language",
    "skills_data_credits",
    "start_recogniser_warm_up",
    "start_warm_up",
    "suggest_skills",
    "take_material",
    "third_party_notices",
    "tour_steps",
    "verify_inputs",
    "wallet_is_demo",
]
