"""The HTTP service's tests: real servers in subprocesses (threeno.serve)."""
