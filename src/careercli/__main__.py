from careercli.entry import main

main()
