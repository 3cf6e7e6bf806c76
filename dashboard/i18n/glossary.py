"""Interface text of the glossary page: key → {"ja": …, "en": …}."""

TEXT: dict[str, dict[str, str]] = {}
