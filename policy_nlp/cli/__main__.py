"""``python -m policy_nlp.cli``: the ``policy-nlp`` command."""

import sys

from policy_nlp.cli import main

sys.exit(main())
