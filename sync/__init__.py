"""Moving events between desks and the central platform."""
