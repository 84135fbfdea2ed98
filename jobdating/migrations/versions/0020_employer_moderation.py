"""employer moderation: an event may hold new employers until an organizer approves them

Revision ID: 0020_employer_moderation
Revises: 0019_dayof_v2
Create Date: 2026-11-29 20:00:00

Plain add_column / drop_column (no batch mode): on SQLite a batch copy of `event` or `employer` would delete the
rows that reference them with ON DELETE CASCADE while foreign keys are on.
"""
import sqlalchemy as sa
from alembic import op

revision = '0020_employer_moderation'
down_revision = '0019_dayof_v2'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('event', sa.Column('moderate_employers', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column('employer', sa.Column('approval_pending', sa.Boolean(), server_default=sa.false(),
                                        nullable=False))


def downgrade():
    op.drop_column('employer', 'approval_pending')
    op.drop_column('event', 'moderate_employers')
