"""on the day: candidates declared absent by the front desk

Revision ID: 0003_dayof
Revises: 0002_organizer
Create Date: 2026-11-26 10:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0003_dayof'
down_revision = '0002_organizer'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.add_column(sa.Column('absent_at', sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.drop_column('absent_at')
