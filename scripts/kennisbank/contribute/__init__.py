"""Ways in for contributors: the GitHub issue forms, turning a filled-in form into a source
file, and new files from templates. Built on the model only.
"""
