"""Extract: from a parsed article to event and statement mentions.

``eventwire.extract`` is both this package and the public function that codes one
report (``eventwire.extract(text, published=...)``): importing a submodule binds the
package over the function's name on ``eventwire``, so the package itself is made
callable and hands the call to ``eventwire.pipeline.extract``.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallablePackage(types.ModuleType):
    def __call__(self, text: str, published: Any = None, **kwargs: Any) -> dict[str, Any]:
        from eventwire.pipeline import extract

        return extract(text, published=published, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
