"""Indicators of the plan: the catalogue and the engine that evaluates it.

Plan clauses: I.1-I.5, II.1.b, II.2.b, II.3.b, II.4.b, III.2.c, III.4.c, IV.1, IV.2.
"""
