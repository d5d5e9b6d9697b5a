"""Schedule events to calendar events: the mapper, the officials directory (pure)."""
