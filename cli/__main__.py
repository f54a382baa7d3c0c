"""`python -m cli` runs the ler-wallet command (hardened, like the installed `ler-wallet`)."""

from cli.main import run

run()
