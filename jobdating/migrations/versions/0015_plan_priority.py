"""plan priority: the organizer chooses fairness first or more first choices

Revision ID: 0015_plan_priority
Revises: 0014_privacy
Create Date: 2026-11-29 20:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0015_plan_priority'
down_revision = '0014_privacy'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('event', sa.Column('plan_priority', sa.String(length=20), server_default='fairness',
                                     nullable=False))


def downgrade():
    op.drop_column('event', 'plan_priority')
