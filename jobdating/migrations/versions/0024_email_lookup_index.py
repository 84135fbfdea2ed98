"""email lookup index: a sign-up checks that its address is new in the event by lower(email); without an index
on that expression, PostgreSQL read every candidate of the event for each sign-up (the busiest morning grew
slower with each one)

Revision ID: 0024_email_lookup_index
Revises: 0023_custom_questions
Create Date: 2026-12-06 09:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0024_email_lookup_index'
down_revision = '0023_custom_questions'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_candidate_event_lower_email', 'candidate', ['event_id', sa.text('lower(email)')])
    op.create_index('ix_employer_event_lower_email', 'employer', ['event_id', sa.text('lower(email)')])


def downgrade():
    op.drop_index('ix_employer_event_lower_email', table_name='employer')
    op.drop_index('ix_candidate_event_lower_email', table_name='candidate')
