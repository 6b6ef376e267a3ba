"""Tools for people writing a pack (`clean rules suggest/new/test`): draft a pack from sample
dumps, scaffold a new one, run a pack's examples. They stand above the pack runtime and the
pipeline, which never import them."""
