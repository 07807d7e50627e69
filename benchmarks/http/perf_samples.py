"""Reads the output of `perf script -F comm,tid,ip,sym,dso`: one header line per sample (thread name first), then its
stack, one frame per indented line, leaf first. Shared by perf-stages.py (ingest) and suggest-stages.py (suggest)."""
import re


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


def kernel_call(frames):
    """The first system call on a kernel sample's stack (`__x64_sys_read` → "read"), or None."""
    for frame in frames:
        if match := re.search(r"__x64_sys_(\w+)", frame):
            return match.group(1)
    return None
