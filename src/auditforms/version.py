"""The package's version, in a module of its own so that the core can record it (in a sample's
metadata, a batch's manifest) without importing the package's public API."""

__version__ = "0.1.0"
