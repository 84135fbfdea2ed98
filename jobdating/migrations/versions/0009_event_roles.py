"""event roles: members (owner, organizer, front desk), invitations, platform admins

Accounts that exist before this migration become platform admins, so that nobody loses access.

Revision ID: 0009_event_roles
Revises: 0008_session_version
Create Date: 2026-11-29 17:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0009_event_roles'
down_revision = '0008_session_version'
branch_labels = None
depends_on = None

ROLES = ('frontdesk', 'organizer', 'owner')


def upgrade():
    with op.batch_alter_table('organizer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_admin', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.execute(sa.text("UPDATE organizer SET is_admin = :yes").bindparams(yes=True))
    op.create_table(
        'membership',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('organizer_id', sa.Integer(), nullable=False),
        sa.Column('role', sa.Enum(*ROLES, name='member_role', native_enum=False, create_constraint=True,
                                  length=20), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_membership_event_id_event'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['organizer_id'], ['organizer.id'],
                                name=op.f('fk_membership_organizer_id_organizer'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_membership')),
        sa.UniqueConstraint('event_id', 'organizer_id', name=op.f('uq_membership_event_id_organizer_id')),
    )
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_membership_organizer_id'), ['organizer_id'], unique=False)
    op.create_table(
        'invitation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=False),
        sa.Column('role', sa.Enum(*ROLES, name='invitation_role', native_enum=False, create_constraint=True,
                                  length=20), nullable=False),
        sa.Column('token', sa.String(length=64), nullable=False),
        sa.Column('invited_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('accepted_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_invitation_event_id_event'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['invited_by_id'], ['organizer.id'],
                                name=op.f('fk_invitation_invited_by_id_organizer'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_invitation')),
        sa.UniqueConstraint('token', name=op.f('uq_invitation_token')),
    )
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitation_event_id'), ['event_id'], unique=False)


def downgrade():
    op.drop_table('invitation')
    op.drop_table('membership')
    with op.batch_alter_table('organizer', schema=None) as batch_op:
        batch_op.drop_column('is_admin')
