"""The workshop on JupyterHub: participants sign in with their code and their cohort's token (auth), the
cohorts and their codes (cohorts), each user's server set up by a pre-spawn hook (spawn), and the
facilitator's `workshop hub` commands (commands). JupyterHub is imported only by auth and spawn."""
