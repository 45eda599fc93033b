"""Kennisbank Sleutelpersonen: validate the sources and build the site."""
