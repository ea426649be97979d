"""Importers: public taxonomies (O*NET, later ESCO) read from their downloads into a KB file.

Each taxonomy is one module that maps its tables to the KB's dict shape
(:mod:`careercli.importers.onet`); reading the tables (:mod:`.tables`) and writing a
validated, deterministic YAML file (:mod:`.common`) are shared.
"""
