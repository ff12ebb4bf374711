"""The web in: sources, polite HTTP and page extraction. Knows nothing of rules or chats."""
