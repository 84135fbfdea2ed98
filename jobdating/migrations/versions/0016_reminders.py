"""reminders and versions: published versions keep their plan, reminders go once, cancellations free slots

Revision ID: 0016_reminders
Revises: 0015_plan_priority
Create Date: 2026-11-29 20:45:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0016_reminders'
down_revision = '0015_plan_priority'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('publication', sa.Column('comment', sa.Text(), nullable=True))
    op.add_column('publication', sa.Column('plan', sa.JSON(), nullable=True))
    # Plain ALTER TABLE: a batch copy of these tables would cascade-delete the rows that reference them.
    op.add_column('event', sa.Column('reminder_day_before', sa.Boolean(), server_default=sa.false(),
                                     nullable=False))
    op.add_column('event', sa.Column('reminder_hours_before', sa.Integer(), nullable=True))
    for table in ('candidate', 'employer'):
        op.add_column(table, sa.Column('confirmed_at', sa.DateTime(), nullable=True))
        op.add_column(table, sa.Column('declined_at', sa.DateTime(), nullable=True))
    op.create_table(
        'reminder_sent',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('person_key', sa.String(length=20), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['event_id'], ['event.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('event_id', 'person_key', 'kind'),
    )
    op.create_index('ix_reminder_sent_event_id', 'reminder_sent', ['event_id'])
    op.create_table(
        'cancellation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('candidate_id', sa.Integer(), nullable=True),
        sa.Column('employer_id', sa.Integer(), nullable=True),
        sa.Column('table', sa.Integer(), nullable=False),
        sa.Column('start', sa.Time(), nullable=False),
        sa.Column('end', sa.Time(), nullable=False),
        sa.Column('by', sa.String(length=20), nullable=False),
        sa.Column('reason', sa.String(length=200), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['event_id'], ['event.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['employer_id'], ['employer.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_cancellation_event_id', 'cancellation', ['event_id'])
    op.create_index('ix_cancellation_candidate_id', 'cancellation', ['candidate_id'])
    op.create_index('ix_cancellation_employer_id', 'cancellation', ['employer_id'])


def downgrade():
    op.drop_index('ix_cancellation_employer_id', table_name='cancellation')
    op.drop_index('ix_cancellation_candidate_id', table_name='cancellation')
    op.drop_index('ix_cancellation_event_id', table_name='cancellation')
    op.drop_table('cancellation')
    op.drop_index('ix_reminder_sent_event_id', table_name='reminder_sent')
    op.drop_table('reminder_sent')
    for table in ('employer', 'candidate'):
        op.drop_column(table, 'declined_at')
        op.drop_column(table, 'confirmed_at')
    op.drop_column('event', 'reminder_hours_before')
    op.drop_column('event', 'reminder_day_before')
    op.drop_column('publication', 'plan')
    op.drop_column('publication', 'comment')
