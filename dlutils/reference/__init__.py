"""Reference solutions of every graded function, one module per lesson.

Graders compute expected values with these; a student's answer must not call them
(the hidden tests detect it).
"""
