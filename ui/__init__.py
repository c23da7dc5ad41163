"""The Gradio page: parses input, calls qa.QA.ask, renders the Answer."""
