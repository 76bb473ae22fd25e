import sys

from fto_tui.cli import main

sys.exit(main())
