from careercli.cli import main

main()
