"""``dlgrade hub``: a JupyterHub for one course on one machine.

The pieces: Linux accounts from the roster (``accounts``), the students' and the instructor's
Python environments (``environments``), memory and CPU limits per student (``limits``), the
spawner that starts each server as its user in the right environment (``spawner``), the hub's
configuration with the formgrader and idle-culler services (``config``) and the command that
puts them together and starts the hub (``start``).
"""
