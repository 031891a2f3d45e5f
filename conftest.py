"""Session set-up shared by the unit tests and nbval."""


def pytest_sessionstart(session):
    # On a fresh machine the first `import matplotlib` builds its font cache and says
    # so on stderr; do it here so no notebook kernel prints that into a compared cell.
    import matplotlib.font_manager  # noqa: F401
