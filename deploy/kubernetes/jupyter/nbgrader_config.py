"""nbgrader in the student image: the ngshare exchange (a hub service), this course."""
from ngshare_exchange import configureExchange

c = get_config()  # noqa: F821
configureExchange(c, "http://ngshare.jhub.svc.cluster.local:8080/services/ngshare")
c.CourseDirectory.course_id = "dl-fundamentals-labs"
