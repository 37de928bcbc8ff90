"""Package data: the checked questionnaires and the default crisis resources, with their sources."""
