"""ipywidgets exercise components. They read and write through `workshop`, never touch files themselves."""

from widgets import shared

# Fewer messages a page: widgets share their empty (or dict-given) layout and style models, and a page's
# exercises are opened once built (see widgets/shared.py).
shared.install()
