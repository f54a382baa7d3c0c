"""LER Wallet core: an offline, encrypted, learner-owned wallet for Learning and Employment Records.

This package is pure Python and never imports Qt; the desktop UI (`ui/`) and the command line
(`wallet.cli`) both drive it through `wallet.lifecycle`.
"""

__version__ = "0.1.0"
