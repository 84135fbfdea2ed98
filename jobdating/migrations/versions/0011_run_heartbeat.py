"""run heartbeat: a solve whose worker stops beating is released within seconds, not minutes

Revision ID: 0011_run_heartbeat
Revises: 0010_recruiters
Create Date: 2026-11-29 17:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0011_run_heartbeat'
down_revision = '0010_recruiters'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('solve_run', schema=None) as batch_op:
        batch_op.add_column(sa.Column('heartbeat_at', sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('solve_run', schema=None) as batch_op:
        batch_op.drop_column('heartbeat_at')
