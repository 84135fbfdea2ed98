"""arrivals in UTC: arrival and absence times were the desk's wall clock; they become UTC moments

Every other moment was already stored as UTC. The desk's wall clock was the deployment's zone: TIMEZONE
(Europe/Paris by default), which this migration reads from the environment like the application does.

Revision ID: 0007_arrivals_in_utc
Revises: 0006_no_duplicate_wishes
Create Date: 2026-11-29 16:30:00

"""
import datetime as dt
import os
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = '0007_arrivals_in_utc'
down_revision = '0006_no_duplicate_wishes'
branch_labels = None
depends_on = None

COLUMNS = (("candidate", "arrived_at"), ("candidate", "absent_at"), ("employer", "arrived_at"))


def _convert(to_utc: bool) -> None:
    zone = ZoneInfo(os.environ.get("TIMEZONE") or "Europe/Paris")
    connection = op.get_bind()
    sqlite = connection.dialect.name == "sqlite"
    for table, column in COLUMNS:
        rows = connection.execute(sa.text(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL")).all()
        for row_id, value in rows:
            if isinstance(value, str):  # SQLite hands back text
                value = dt.datetime.fromisoformat(value)
            if to_utc:
                new = value.replace(tzinfo=zone).astimezone(dt.UTC).replace(tzinfo=None)
            else:
                new = value.replace(tzinfo=dt.UTC).astimezone(zone).replace(tzinfo=None)
            # SQLite keeps datetimes as text (its datetime adapter is deprecated): write the same text form.
            value = new.isoformat(sep=" ", timespec="microseconds") if sqlite else new
            connection.execute(sa.text(f"UPDATE {table} SET {column} = :value WHERE id = :id"),
                               {"value": value, "id": row_id})


def upgrade():
    _convert(to_utc=True)


def downgrade():
    _convert(to_utc=False)
