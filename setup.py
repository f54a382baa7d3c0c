"""Package discovery for setuptools (metadata lives in pyproject.toml).

The shipped data folder `resources/` is installed as the package `ler_wallet_resources`
so that `pip install .` (not only an editable install) finds contexts, fonts and packs.
"""

from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).resolve().parent
code = find_packages(include=["wallet", "wallet.*", "ui", "ui.*", "cli", "cli.*"])
data_dirs = sorted(
    p.relative_to(HERE / "resources") for p in (HERE / "resources").rglob("*")
    if p.is_dir() and "__pycache__" not in p.parts
)
data = ["ler_wallet_resources", *("ler_wallet_resources." + ".".join(d.parts) for d in data_dirs)]
setup(
    packages=[*code, *data],
    package_dir={"ler_wallet_resources": "resources"},
    package_data={name: ["*"] for name in data},
)
