#!/bin/sh
# Install the built one-folder app with its desktop integration.
#   sh packaging/linux/install.sh [PREFIX]     (default PREFIX: ~/.local; use /usr/local as root)
# Needs dist/ler-wallet/ from `python3 tasks.py build`. Undo: remove the files listed at the end.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PREFIX=${1:-$HOME/.local}
[ -x "$ROOT/dist/ler-wallet/ler-wallet" ] || { echo "Build first: python3 tasks.py build" >&2; exit 2; }
mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$PREFIX/share/applications" "$PREFIX/share/metainfo" \
         "$PREFIX/share/mime/packages"
rm -rf "$PREFIX/lib/ler-wallet"
cp -a "$ROOT/dist/ler-wallet" "$PREFIX/lib/ler-wallet"
ln -sf "$PREFIX/lib/ler-wallet/ler-wallet" "$PREFIX/bin/ler-wallet"
cp "$HERE"/*.desktop "$PREFIX/share/applications/"
cp "$HERE/org.lerwallet.LERWallet.metainfo.xml" "$PREFIX/share/metainfo/"
cp "$HERE/ler-wallet-mime.xml" "$PREFIX/share/mime/packages/"
for size_dir in "$ROOT"/packaging/icons/hicolor/*; do
  size=$(basename "$size_dir")
  mkdir -p "$PREFIX/share/icons/hicolor/$size/apps"
  cp "$size_dir/apps/ler-wallet.png" "$PREFIX/share/icons/hicolor/$size/apps/"
done
mkdir -p "$PREFIX/share/icons/hicolor/scalable/apps"
cp "$ROOT/packaging/icons/ler-wallet.svg" "$PREFIX/share/icons/hicolor/scalable/apps/"
command -v update-mime-database >/dev/null && update-mime-database "$PREFIX/share/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$PREFIX/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
echo "Installed LER Wallet in $PREFIX (app in $PREFIX/lib/ler-wallet, command $PREFIX/bin/ler-wallet)."
