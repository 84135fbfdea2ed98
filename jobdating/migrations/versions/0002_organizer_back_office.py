"""organizer back office: one active solve per event, applied runs, published plan snapshot

Revision ID: 0002_organizer
Revises: 0001
Create Date: 2026-11-25 23:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0002_organizer'
down_revision = '0001'
branch_labels = None
depends_on = None

ACTIVE = "status IN ('queued', 'running')"


def upgrade():
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('published_plan', sa.JSON(), nullable=True))
    with op.batch_alter_table('solve_run', schema=None) as batch_op:
        batch_op.add_column(sa.Column('applied_at', sa.DateTime(), nullable=True))
    op.create_index('uq_solve_run_active_event', 'solve_run', ['event_id'], unique=True,
                    sqlite_where=sa.text(ACTIVE), postgresql_where=sa.text(ACTIVE))


def downgrade():
    op.drop_index('uq_solve_run_active_event', table_name='solve_run')
    with op.batch_alter_table('solve_run', schema=None) as batch_op:
        batch_op.drop_column('applied_at')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_column('published_plan')
