"""The feed pipeline: from a borough's feed to the directory, in one place.

``readers/`` are the built-in ``linkwell_fetch`` plugins (ORUK 3.0, ORUK 1.0, the spreadsheet
template); ``oruk1/`` and ``csv_template/`` convert their records to HSDS 3.0; :mod:`.terms`
maps a feed's categories onto Linkwell's taxonomy; :mod:`.sync` sends each feed's records to
the directory and withdraws what a feed no longer lists, keeping cursors, locks and rejects in
:mod:`.state`; :mod:`.importer` loads HSDS files; :mod:`.cli` is ``linkwell feeds``.

This folder (``services/feeds``) is imported as ``linkwell.feeds`` through ``package-dir`` in
pyproject.toml, as the other services are.
"""
