from auditforms.cli import main

raise SystemExit(main())
