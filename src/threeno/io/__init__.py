"""Input and output at the edges: the converter, and reading plans (and, later, datasets).

The model knows nothing of files or cattrs; this package maps plain data to it and back
(STYLE.md: "Validation and serializations are concerns of the edges of your program").
"""
