"""Publishing: .ics feeds, the feed server, and push targets (Google, CalDAV) behind one interface."""
