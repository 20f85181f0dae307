"""``python -m linkwell`` is the ``linkwell`` command."""

from linkwell.cli import main

main()
