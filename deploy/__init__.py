"""Hosting: the Docker image and compose topology, and the same topology without Docker (deploy.local)."""
