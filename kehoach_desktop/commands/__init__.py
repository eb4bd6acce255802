"""Commands of ``kehoach`` beyond DOMAIN.md §7, one module per feature, each with ``register(add)``.

``add(name, func, help)`` is :func:`kehoach_desktop.cli.build_parser`'s: it returns the subparser. Heavy
imports stay inside the command functions, so ``kehoach --help`` stays quick.
"""
