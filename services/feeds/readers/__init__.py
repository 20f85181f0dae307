"""Linkwell's built-in feed readers, registered as plugins exactly as third-party ones are.

Each module implements ``linkwell_fetch`` for one ``Feed.kind``: ``oruk3`` (Open Referral UK
3.0 / HSDS 3.0 API or files), ``oruk1`` (the legacy ORUK 1.0 API or page files) and ``csv``
(the spreadsheet template). They are listed in ``linkwell.plugins.manager.BUILTIN_PLUGINS``.
"""
