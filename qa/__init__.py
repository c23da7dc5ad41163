"""Question answering over a cleaned news corpus: reader, pipeline, API, CLI and evaluation."""
