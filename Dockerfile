# syntax=docker/dockerfile:1
# Multi-stage image: build the virtualenv, translations and static files, then copy them into a slim runtime
# that runs gunicorn as a non-root user. Migrations are a separate command (see README), never part of start-up.

FROM node:20-slim AS frontend
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY frontend ./frontend
RUN npm run --silent build

FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
RUN python -m venv /venv
# Dependencies first, so a code change does not reinstall them.
COPY pyproject.toml README.md ./
RUN /venv/bin/pip install ".[s3]"
COPY . .
COPY --from=frontend /app/static/dist ./static/dist
RUN /venv/bin/pybabel compile --domain django --directory locale \
    && DJANGO_SETTINGS_MODULE=wegwijzer.settings.production SECRET_KEY=build-only ALLOWED_HOSTS=build \
       /venv/bin/python manage.py collectstatic --noinput \
    && rm -rf .git .venv node_modules db.sqlite3 media

FROM python:3.11-slim
ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=wegwijzer.settings.production \
    PORT=8000
RUN useradd --system --uid 10001 --create-home --home-dir /home/wegwijzer wegwijzer
WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build /app /app
RUN mkdir -p /app/media && chown wegwijzer /app/media
USER wegwijzer
EXPOSE 8000
CMD ["gunicorn", "-c", "gunicorn.conf.py"]
