"""Files shipped inside the package (fonts with their licences), read with importlib.resources."""
