"""Interface text of the items page: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {}
