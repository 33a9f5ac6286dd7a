from councilpapers.cli import main

main()
