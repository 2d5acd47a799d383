"""Place names: how reports and users name places (names), and the corpus's places (index)."""
from .index import PlaceIndex
from .names import core, english_name, leading_place, level_of, pinyin, units

__all__ = ["PlaceIndex", "core", "english_name", "leading_place", "level_of", "pinyin", "units"]
