"""The office's desk in `lichsync serve`: upload, review, correct and publish in the browser."""
