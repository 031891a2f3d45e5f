"""Hidden tests: the student function against the reference on fresh random inputs."""
