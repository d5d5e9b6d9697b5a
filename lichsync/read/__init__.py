"""Readers: each turns one kind of file into text and cells, and decides nothing about dates or roles."""
