"""rehearsals: an event may be a training copy of another one, with a simulated clock; mails it queues are
suppressed

Revision ID: 0022_rehearsal
Revises: 0021_import_uploads
Create Date: 2026-12-02 10:00:00

The link lives in the new table (`event` is not altered: on SQLite a batch copy of it would delete the rows that
reference it with ON DELETE CASCADE). `outbox_mail` is referenced by no table, so changing its state constraint
(a new state, `suppressed`) may copy it.
"""
import sqlalchemy as sa
from alembic import op

revision = '0022_rehearsal'
down_revision = '0021_import_uploads'
branch_labels = None
depends_on = None

STATES = ('pending', 'sending', 'sent', 'failed', 'cancelled')


def _state(*states):
    return sa.Enum(*states, name='mail_state', native_enum=False, create_constraint=True, length=20)


def upgrade():
    op.create_table(
        'rehearsal',
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('original_id', sa.Integer(), nullable=True),
        sa.Column('origin', sa.DateTime(), nullable=False),
        sa.Column('speed', sa.Integer(), nullable=False),
        sa.Column('started_at', sa.DateTime(), nullable=True),
        sa.Column('running_since', sa.DateTime(), nullable=True),
        sa.Column('simulated_at', sa.DateTime(), nullable=False),
        sa.Column('seed', sa.Integer(), nullable=False),
        sa.Column('no_show_percent', sa.Integer(), nullable=False),
        sa.Column('walk_ins', sa.Integer(), nullable=False),
        sa.Column('spread_minutes', sa.Integer(), nullable=False),
        sa.Column('applied', sa.JSON(), nullable=False),
        sa.Column('turn', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['event_id'], ['event.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['original_id'], ['event.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('event_id'),
    )
    op.create_index('ix_rehearsal_original_id', 'rehearsal', ['original_id'])
    with op.batch_alter_table('outbox_mail') as batch_op:
        batch_op.alter_column('state', existing_type=_state(*STATES), type_=_state(*STATES, 'suppressed'),
                              existing_nullable=False)


def downgrade():
    op.execute(sa.text("UPDATE outbox_mail SET state = 'cancelled' WHERE state = 'suppressed'"))
    with op.batch_alter_table('outbox_mail') as batch_op:
        batch_op.alter_column('state', existing_type=_state(*STATES, 'suppressed'), type_=_state(*STATES),
                              existing_nullable=False)
    op.drop_index('ix_rehearsal_original_id', table_name='rehearsal')
    op.drop_table('rehearsal')
