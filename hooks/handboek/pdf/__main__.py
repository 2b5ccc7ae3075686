"""``python -m handboek.pdf <site> <dist>``: see maken.py."""
import sys

from .maken import main

sys.exit(main())
