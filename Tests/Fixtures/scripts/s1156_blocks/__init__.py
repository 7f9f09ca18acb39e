"""Package of script 1156: building blocks kept in modules beside the script."""
VERSION = "0.1"
