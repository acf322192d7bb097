"""A document's DocMeta (title, organisation, type, committee, date): from its file name when it follows the
corpus convention, else from its text; a sidecar or manifest row overrides either."""

from .from_text import build_meta, load_overrides, org_display_name, org_slug_for, parse_file_name, read_manifest

__all__ = ["build_meta", "load_overrides", "org_display_name", "org_slug_for", "parse_file_name", "read_manifest"]
