"""From an article page to an Article: extraction and page-chrome removal."""
