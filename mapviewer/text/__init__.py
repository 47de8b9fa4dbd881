"""Text utilities: name normalisation and sentence splitting with character offsets."""
