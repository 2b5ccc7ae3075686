"""The MkDocs side of the handbook: what hooks/handboek_hook.py hands every MkDocs event to.

``bouw.Bouw`` is one build (generate while MkDocs renders, then the checks of nabouw, with the
same functions as ``python -m handboek genereer`` and ``nabouw``); ``serve.Serve`` is what
`mkdocs serve --dirty` keeps from one build to the next (partial rebuilds, handboek.incremental).
Only this package imports MkDocs; everything it calls is engine-free.
"""
