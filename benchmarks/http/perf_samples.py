"""Reads the output of `perf script -F comm,tid,ip,sym,dso`: one header line per sample (thread name first), then its
stack, one frame per indented line, leaf first. Shared by perf-stages.py (ingest) and suggest-stages.py (suggest)."""


def samples(path):
    """Yields (header line, frames) per sample."""
    comm, frames = None, []
    for line in open(path, errors="replace"):
        if not line.strip():
            continue
        if line.startswith(("\t", " ")):
            frames.append(line.strip())
        else:
            if comm is not None:
                yield comm, frames
            comm, frames = line, []
    if comm is not None:
        yield comm, frames
