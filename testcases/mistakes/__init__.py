"""Typical wrong answers per lesson, used to explain a failing check."""
