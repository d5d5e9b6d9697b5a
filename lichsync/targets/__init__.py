"""Calendars lichsync pushes to, each a thin adapter behind `targets.base.Target`."""
