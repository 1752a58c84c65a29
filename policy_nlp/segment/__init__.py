"""Word segmentation: ``engines`` (the segmenters by name, pkuseg or the faster ``fastseg``
with pkuseg's output) and ``fastseg/`` (its C engine, the conversion of pkuseg's model, a
pure Python fallback). See ``docs/architecture.md``.
"""
