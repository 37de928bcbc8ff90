# The hub's image for Zero to JupyterHub: the chart's own hub image with this package added, which brings
# the participant-code authenticator (entry point "workshop-codes"), the spawn hook and the
# `workshop hub` commands. From the repository root:
#
#   pip wheel --no-deps --wheel-dir dist .
#   docker build -f deploy/jupyterhub/z2jh/hub.Dockerfile -t registry.example.org/REPLACE/rejection-resilience-hub:0.1.0 .
#   docker push registry.example.org/REPLACE/rejection-resilience-hub:0.1.0
#
# Keep the tag below at the chart version you install.
FROM quay.io/jupyterhub/k8s-hub:4.4.0

USER root
COPY dist/rejection_resilience-*.whl /tmp/
# Every package the chart's hub already has keeps its version (JupyterHub's among them): with the
# constraints file pip stops rather than change one.
RUN pip freeze > /tmp/hub-constraints.txt \
 && pip install --no-cache-dir --constraint /tmp/hub-constraints.txt /tmp/rejection_resilience-*.whl \
 && rm /tmp/rejection_resilience-*.whl /tmp/hub-constraints.txt
USER 1000
