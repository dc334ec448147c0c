# A one-file Django app as `django-admin startproject` would leave it for development: DEBUG = True.
# A view whose query fails on bad input shows Django's technical 500 page.
import os
import sqlite3
import sys

from django.conf import settings
from django.http import JsonResponse
from django.urls import path

settings.configure(
    DEBUG=True,
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=['127.0.0.1', 'localhost'],
    SECRET_KEY='django-insecure-audit-fixture-not-a-real-key',
    MIDDLEWARE=['django.middleware.common.CommonMiddleware'],
)

database = sqlite3.connect(':memory:', check_same_thread=False)
database.execute('CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL, status TEXT)')


def order(request, order_id):
    # An unvalidated id spliced into SQL: anything but digits is a syntax error.
    row = database.execute(f'SELECT id, total, status FROM orders WHERE id = {order_id}').fetchone()
    return JsonResponse({'order': row})


urlpatterns = [path('orders/<str:order_id>', order)]

if __name__ == '__main__':
    from django.core.management import execute_from_command_line

    execute_from_command_line([sys.argv[0], 'runserver', '--noreload', f"127.0.0.1:{os.environ['PORT']}"])
