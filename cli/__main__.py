"""`python -m cli` runs the ler-wallet command."""

import sys

from cli.main import main

sys.exit(main())
