"""Skills and occupations: the taxonomy pack (ESCO + O*NET), read lazily from resources/taxonomy/.

`load_pack()` gives the shared `TaxonomyPack`; `attribution()` the data's credit lines for the About box.
Identifier conventions: `wallet.skills.ids`.
"""

from wallet.skills.pack import (
    Occupation,
    Skill,
    TaxonomyPack,
    TaxonomyPackError,
    UnknownConceptError,
    attribution,
    load_pack,
)

__all__ = [
    "Occupation",
    "Skill",
    "TaxonomyPack",
    "TaxonomyPackError",
    "UnknownConceptError",
    "attribution",
    "load_pack",
]
