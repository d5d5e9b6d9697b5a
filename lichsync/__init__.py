"""lichsync: read Vietnamese work programs ("Chương trình công tác") into a schedule model."""

__version__ = "0.1.0"
