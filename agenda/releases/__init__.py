"""Programme releases: what the public programme looked like when it was published, and what changed since.

`snapshot` records the public sessions of an edition; `diff` compares two snapshots into the changes a
release lists; `describe` writes a change the way people read it (the changes page, the emails); `audience`
says which delegates hold a place in a changed session; `selectors` are the reads of the pages.
"""

from .describe import CHANGE_KINDS, DescribedChange, describe, describe_all, grouped_by_kind
from .diff import diff
from .snapshot import snapshot

__all__ = ["CHANGE_KINDS", "DescribedChange", "describe", "describe_all", "diff", "grouped_by_kind", "snapshot"]
