"""ipywidgets exercise components. They read and write through `workshop`, never touch files themselves."""
