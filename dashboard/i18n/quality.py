"""Interface text of the quality page: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {}
