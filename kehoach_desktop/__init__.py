"""KeHoach Desktop: implementation plans (Kế hoạch) of a commune, offline."""

__version__ = "0.1.0"
