"""`python -m qa` is the `corpus-qa` command."""

from qa.cli import main

raise SystemExit(main())
