"""The functional core of reading: document model, rows, days, items, officials, checks (pure)."""
