"""Reading, verifying and issuing credentials: OB 3.0, CLR 2.0, OB 2.0 and W3C VCs, fully offline."""
