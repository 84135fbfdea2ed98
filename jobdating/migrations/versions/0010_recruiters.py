"""recruiters: each member of an employer's team has a private link of their own

Revision ID: 0010_recruiters
Revises: 0009_event_roles
Create Date: 2026-11-29 17:10:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0010_recruiters'
down_revision = '0009_event_roles'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'recruiter',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('employer_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=False),
        sa.Column('token', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['employer_id'], ['employer.id'], name=op.f('fk_recruiter_employer_id_employer'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_recruiter')),
        sa.UniqueConstraint('token', name=op.f('uq_recruiter_token')),
    )
    with op.batch_alter_table('recruiter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recruiter_employer_id'), ['employer_id'], unique=False)


def downgrade():
    op.drop_table('recruiter')
