"""Interface text of the priority page: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {}
