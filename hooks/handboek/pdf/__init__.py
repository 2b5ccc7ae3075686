"""The handbook as PDF files for docenten (``make pdf``), made from the built site.

- ``document.py``: cuts a print page of ``site/`` (the whole handbook, a leerroute, a casus
  deel) out of Material's page and puts a title page in front; plain Python on strings.
- ``boek.css``: A4, contents with page numbers (``target-counter``), PDF bookmarks for parts
  and pages (``bookmark-level``), a running head (``string-set``) and page numbers.
- ``maken.py``: WeasyPrint turns that into a PDF, reading only files of ``site/``; the command
  ``python -m handboek.pdf <site> <dist>`` writes every PDF (see the Makefile).

Why WeasyPrint: it implements CSS Paged Media, so the page numbers in the contents, the
bookmarks and the running heads come from the stylesheet in one pass. A browser's PDF
(Chromium through Playwright) knows none of the three: it needs a second pass that finds the
pages of the headings in the first PDF and renders again with the numbers filled in, and it
takes bookmarks only from the heading levels. WeasyPrint needs no browser, only Pango (a
Debian package that Chromium also uses).
"""
