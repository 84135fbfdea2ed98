"""session version: logging out or changing a password ends every session of the account

Revision ID: 0008_session_version
Revises: 0007_arrivals_in_utc
Create Date: 2026-11-29 17:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0008_session_version'
down_revision = '0007_arrivals_in_utc'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('organizer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), server_default='0', nullable=False))


def downgrade():
    with op.batch_alter_table('organizer', schema=None) as batch_op:
        batch_op.drop_column('session_version')
