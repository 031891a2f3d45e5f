"""Public checks students run under each exercise, one module per lesson."""
