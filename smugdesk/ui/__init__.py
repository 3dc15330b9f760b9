"""The Qt user interface. Widgets call the core; the core never calls widgets."""
