"""The bundled claim files of certbounds: each paper's numerical and
inequality claims restated as checks (``certbounds check`` runs them).
Installed as the package ``certbounds.proofs``."""
