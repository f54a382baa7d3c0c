"""The `ler-wallet` command: the same facade as the desktop app, for navigators, employers and scripts."""
