# Metadata lives in pyproject.toml; this file only declares the optional C
# engine of the fast segmenter (policy_nlp/fastseg). When it cannot be built
# (no compiler), installation still succeeds and fastseg uses its pure-Python
# engine, which gives the same output, more slowly.
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class optional_build_ext(build_ext):
    """Build policy_nlp.segment.fastseg._fastseg if possible; else fall back to pure Python."""

    def build_extension(self, ext):
        if self.compiler.compiler_type == "unix":
            # Exact IEEE arithmetic: scores must sum bit-identically to pkuseg's.
            ext.extra_compile_args = ["-O2", "-fno-fast-math", "-ffp-contract=off"]
        try:
            super().build_extension(ext)
        except Exception as exc:
            self.warn(f"policy_nlp.segment.fastseg C extension not built ({exc}); pure-Python fallback")

    def run(self):
        try:
            super().run()
        except Exception as exc:
            self.warn(f"build_ext failed ({exc}); fastseg falls back to pure Python")


setup(ext_modules=[Extension("policy_nlp.segment.fastseg._fastseg", ["policy_nlp/segment/fastseg/_fastseg.c"])],
      cmdclass={"build_ext": optional_build_ext})
