"""Interface text of the compare page: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {}
