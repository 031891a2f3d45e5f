"""Helpers a lesson gives its students ready-made, one module per lesson (``dlutils.given.lessonNN``).

They are parts a lesson uses but does not grade: functions taught or explained in
an earlier lesson (or in the lesson itself, as a tool), each saying where. Students
import them freely; the graded answers are never among them.
"""
