"""The service-agnostic core: interception, the model-driven wire layer, state and tagging."""
