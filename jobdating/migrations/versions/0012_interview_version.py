"""interview version: optimistic locking of hand changes

Revision ID: 0012_interview_version
Revises: 0011_run_heartbeat
Create Date: 2026-11-29 17:45:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0012_interview_version'
down_revision = '0011_run_heartbeat'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))


def downgrade():
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.drop_column('version')
