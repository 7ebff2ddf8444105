"""The record a command loads a definition into: where it came from travels with it, so its
kept versions are found beside it and on the same ``--definitions`` path, with no lookup on the
side."""

from __future__ import annotations

from pathlib import Path

from lineage_support import write_tools


def test_load_or_exit_says_where_the_definition_came_from(tmp_path: Path) -> None:
    from auditforms.cli.common import load_or_exit

    current = write_tools(tmp_path / "tools")
    extra = tmp_path / "more"
    extra.mkdir()
    loaded = load_or_exit(current, [extra])
    assert (loaded.definition.id, loaded.folder, loaded.search_path) == ("demo-tool", current.parent.resolve(),
                                                                         (extra,))


def test_the_kept_versions_are_found_beside_the_loaded_definition(tmp_path: Path) -> None:
    from dataclasses import replace

    from auditforms.cli.common import load_or_exit

    loaded = load_or_exit(write_tools(tmp_path / "tools"), [])
    kept = loaded.versions().get("1.0.0")
    assert kept is not None and kept.definition.version == "1.0.0"
    assert replace(loaded, folder=None).versions().get("1.0.0") is None  # nowhere to look: not kept


def test_the_kept_versions_are_found_on_the_definitions_path(tmp_path: Path) -> None:
    from auditforms.cli.common import LoadedDefinition, load_or_exit

    shelf = tmp_path / "shelf"
    write_tools(shelf)
    definition = load_or_exit(shelf / "demo-tool.yaml", []).definition
    kept = LoadedDefinition(definition, tmp_path / "elsewhere", (shelf,)).versions().get("1.0.0")
    assert kept is not None and kept.path == (shelf / "history" / "demo-tool" / "1.0.0.yaml").resolve()
