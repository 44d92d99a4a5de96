"""Screens of the reader: the reader itself, start, help, note editor, brief and dialogs."""
