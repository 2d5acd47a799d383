from .cli import main

if __name__ == "__main__":  # spawned ingest workers import the main module: they must not run the CLI
    main()
