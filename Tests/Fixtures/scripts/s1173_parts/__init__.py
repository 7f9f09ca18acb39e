"""Package of script 1173: two modules that import each other, and one that fails."""
