# Metadata lives in pyproject.toml; this file only declares the optional C
# extension of the fast segmenter (see policy_nlp/fastseg), when present.
from setuptools import setup

setup()
