"""The catastrophic pack pattern and the line that sets it off, for the bad-input and
hostile-pack tests (scripts/robustness_timing.py times the same pair)."""

CATASTROPHIC = r"^(\w|\w\w)+$"  # exponential backtracking on a long run of word characters that fails at its end
HOSTILE_LINE = "A" + "a" * 39 + "!"  # fails the pattern only at its very end
