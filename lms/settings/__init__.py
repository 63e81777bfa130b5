"""Settings for Relais: base, dev, test and production layers."""
