"""newsroom: a terminal newsroom for government press offices."""

__version__ = "0.1.0"
