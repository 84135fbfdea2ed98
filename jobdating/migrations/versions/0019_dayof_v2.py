"""on the day v2: a standby list per employer, and scoring at the table (rating, notes, next step)

Revision ID: 0019_dayof_v2
Revises: 0016_reminders
Create Date: 2026-12-01 10:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0019_dayof_v2'
down_revision = '0016_reminders'
branch_labels = None
depends_on = None


def upgrade():
    # Plain ALTER TABLE: a batch copy of interview (referenced with ON DELETE CASCADE) would lose rows.
    op.add_column('interview', sa.Column('rating', sa.Integer(), nullable=True))
    op.add_column('interview', sa.Column('notes', sa.Text(), nullable=True))
    op.add_column('interview', sa.Column('next_step', sa.String(length=20), nullable=True))
    op.create_table(
        'standby',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('candidate_id', sa.Integer(), nullable=False),
        sa.Column('employer_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['event_id'], ['event.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['employer_id'], ['employer.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('candidate_id', 'employer_id'),
    )
    op.create_index('ix_standby_event_id', 'standby', ['event_id'])
    op.create_index('ix_standby_candidate_id', 'standby', ['candidate_id'])
    op.create_index('ix_standby_employer_id', 'standby', ['employer_id'])


def downgrade():
    op.drop_index('ix_standby_employer_id', table_name='standby')
    op.drop_index('ix_standby_candidate_id', table_name='standby')
    op.drop_index('ix_standby_event_id', table_name='standby')
    op.drop_table('standby')
    op.drop_column('interview', 'next_step')
    op.drop_column('interview', 'notes')
    op.drop_column('interview', 'rating')
