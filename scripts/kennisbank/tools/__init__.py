"""The tools people run: the ``kennisbank`` command, the benchmark with its synthetic content,
and the readability report. The top layer: it may use every package below it.
"""
