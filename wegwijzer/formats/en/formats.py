# Django's English "N j, Y" (Dec. 4, 2026) is American; the site's English readers are in Europe.
DATE_FORMAT = "j F Y"
