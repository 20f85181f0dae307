"""The directory's Open Referral UK 3.0 API, under ``/openreferral``.

- ``api.py``: the blueprint and its nine GET endpoints;
- ``schemas.py``: their query arguments and answers, for the OpenAPI document;
- ``content.py``: an asset as an ORUK service (its taxonomy terms, locations, schedules);
- ``shapes.py``: the ORUK entities and their fields, as the standard declares them;
- ``profile.py``: walks a record along a shape and keeps only what the shape declares.
"""

from linkwell.directory.oruk.api import ORUK_PREFIX, oruk_blp

__all__ = ["ORUK_PREFIX", "oruk_blp"]
