"""Loading definitions: parse, validate against the schema, compose, check semantics."""
