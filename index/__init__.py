"""Ingestion and retrieval: load -> clean -> passages -> embed -> BM25 / faiss -> fuse."""
