"""The Content-Security-Policy of every page the workshop serves, under `workshop serve` and under any
Jupyter server with the workshop's extension (workshop.voila_handlers applies it)."""

# Belt and braces for "nothing leaves the machine": the browser itself refuses any other origin.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        # about: is MathJax 2's blank font (url('about:blank'), nothing is fetched): formgrader's grading view
        # uses MathJax, and every page of a Jupyter server with the workshop's extension carries this policy.
        "font-src 'self' data: about:",
        "connect-src 'self'",
        "frame-ancestors 'self'",
        "form-action 'self'",
        "base-uri 'self'",
    ]
)
