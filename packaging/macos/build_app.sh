#!/bin/sh
# macOS: build "LER Wallet.app" (PyInstaller BUNDLE in packaging/ler-wallet.spec), sign it when an identity is
# given, and wrap it in a DMG.
#   sh packaging/macos/build_app.sh                       # unsigned app + DMG (runs after right-click > Open)
#   LER_WALLET_CODESIGN_IDENTITY="Developer ID Application: Name (TEAMID)" \
#   LER_WALLET_NOTARY_PROFILE=notary sh packaging/macos/build_app.sh     # signed, notarised, stapled
# Needs macOS 11+, Xcode command line tools, and Python 3.11+ (python3 tasks.py build installs PyInstaller).
set -eu
cd "$(dirname "$0")/../.."
[ "$(uname)" = "Darwin" ] || { echo "build_app.sh runs on macOS only." >&2; exit 2; }
python3 tasks.py build
APP="dist/LER Wallet.app"
VERSION=$(.venv/bin/python -c "import wallet; print(wallet.__version__)")
if [ -n "${LER_WALLET_CODESIGN_IDENTITY:-}" ]; then
  # Sign inside-out with the hardened runtime; the entitlements allow nothing beyond what PyInstaller needs.
  codesign --force --deep --options runtime --timestamp \
    --entitlements packaging/macos/entitlements.plist \
    --sign "$LER_WALLET_CODESIGN_IDENTITY" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
fi
DMG="dist/LER-Wallet-$VERSION.dmg"
rm -f "$DMG"
hdiutil create -volname "LER Wallet" -srcfolder "$APP" -ov -format UDZO "$DMG"
if [ -n "${LER_WALLET_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$LER_WALLET_CODESIGN_IDENTITY" "$DMG"
  if [ -n "${LER_WALLET_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$LER_WALLET_NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
  fi
fi
echo "Built $APP and $DMG"
