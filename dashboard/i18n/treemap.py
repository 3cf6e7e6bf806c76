"""Interface text of the treemap page: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {}
