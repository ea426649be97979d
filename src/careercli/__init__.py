"""careercli: explore AI and ML careers from the terminal."""
