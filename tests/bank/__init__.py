"""Banks of student answers, one module per lesson."""
