"""The domain vocabulary as data, written once: indicators, figures and units, cues in questions and
reports, levels and bodies, the glossary, and the sentences answers are made of. No I/O, and no
import from the rest of the package: every other layer reads its words from here."""
