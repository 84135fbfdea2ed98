"""outbox: emails as rows, publications, periodic turns, event settings version

Revision ID: 0013_outbox
Revises: 0012_interview_version
Create Date: 2026-11-29 19:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0013_outbox'
down_revision = '0012_interview_version'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'publication',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('author', sa.String(length=254), nullable=False),
        sa.Column('candidates_mailed', sa.Integer(), nullable=False),
        sa.Column('employers_mailed', sa.Integer(), nullable=False),
        sa.Column('unchanged', sa.Integer(), nullable=False),
        sa.Column('without_email', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['event_id'], ['event.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_publication_event_id', 'publication', ['event_id'])
    op.create_table(
        'outbox_mail',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=True),
        sa.Column('publication_id', sa.Integer(), nullable=True),
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('recipient', sa.String(length=254), nullable=False),
        sa.Column('person_key', sa.String(length=20), nullable=True),
        sa.Column('subject', sa.String(length=300), nullable=True),
        sa.Column('text', sa.Text(), nullable=True),
        sa.Column('html', sa.Text(), nullable=True),
        sa.Column('payload', sa.JSON(), nullable=False),
        sa.Column('state', sa.Enum('pending', 'sending', 'sent', 'failed', 'cancelled', name='mail_state',
                                   native_enum=False, create_constraint=True, length=20), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('next_attempt_at', sa.DateTime(), nullable=False),
        sa.Column('claimed_until', sa.DateTime(), nullable=True),
        sa.Column('sent_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['event_id'], ['event.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['publication_id'], ['publication.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_outbox_mail_event_id', 'outbox_mail', ['event_id'])
    op.create_index('ix_outbox_mail_publication_id', 'outbox_mail', ['publication_id'])
    op.create_index('ix_outbox_mail_due', 'outbox_mail', ['state', 'next_attempt_at'])
    op.create_table(
        'periodic_run',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=60), nullable=False),
        sa.Column('slot', sa.Integer(), nullable=False),
        sa.Column('started_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('name', 'slot'),
    )
    # Plain ALTER TABLE (SQLite >= 3.35 drops columns too): a batch copy of `event` would cascade-delete
    # every row that references it while foreign keys are on.
    op.add_column('event', sa.Column('settings_version', sa.Integer(), server_default='1', nullable=False))


def downgrade():
    op.drop_column('event', 'settings_version')
    op.drop_table('periodic_run')
    op.drop_index('ix_outbox_mail_due', table_name='outbox_mail')
    op.drop_index('ix_outbox_mail_publication_id', table_name='outbox_mail')
    op.drop_index('ix_outbox_mail_event_id', table_name='outbox_mail')
    op.drop_table('outbox_mail')
    op.drop_index('ix_publication_event_id', table_name='publication')
    op.drop_table('publication')
