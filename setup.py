"""Package discovery for setuptools (metadata lives in pyproject.toml).

The shipped data folder `resources/` is installed as the package `ler_wallet_resources`
so that `pip install .` (not only an editable install) finds contexts, fonts and packs.
"""

from setuptools import find_packages, setup

code = find_packages(include=["wallet", "wallet.*", "ui", "ui.*", "cli", "cli.*"])
setup(
    packages=[*code, "ler_wallet_resources"],
    package_dir={"ler_wallet_resources": "resources"},
)
