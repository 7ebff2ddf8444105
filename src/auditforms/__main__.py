from auditforms.cli import main

main()
