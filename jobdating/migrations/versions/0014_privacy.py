"""privacy: consent versions, the retention purge's date and the anonymous figures it keeps

Revision ID: 0014_privacy
Revises: 0013_outbox
Create Date: 2026-11-29 19:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0014_privacy'
down_revision = '0013_outbox'
branch_labels = None
depends_on = None


def upgrade():
    # Plain ALTER TABLE: a batch copy of these tables would cascade-delete the rows that reference them.
    op.add_column('event', sa.Column('purged_at', sa.DateTime(), nullable=True))
    op.add_column('event', sa.Column('statistics', sa.JSON(), nullable=True))
    op.add_column('candidate', sa.Column('consent_version', sa.String(length=20), nullable=True))
    op.add_column('employer', sa.Column('consent_version', sa.String(length=20), nullable=True))


def downgrade():
    op.drop_column('employer', 'consent_version')
    op.drop_column('candidate', 'consent_version')
    op.drop_column('event', 'statistics')
    op.drop_column('event', 'purged_at')
