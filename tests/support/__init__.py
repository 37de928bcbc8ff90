"""Helpers shared by the test suite: a real `workshop serve` subprocess and a recording Chromium page."""
