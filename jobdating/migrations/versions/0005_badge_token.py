"""candidate badge token: the QR code of a badge no longer carries the private link

Revision ID: 0005_badge_token
Revises: 0004_employer_consent
Create Date: 2026-11-25 23:50:00

"""
import secrets

import sqlalchemy as sa
from alembic import op

revision = '0005_badge_token'
down_revision = '0004_employer_consent'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.add_column(sa.Column('badge_token', sa.String(length=64), nullable=True))
    candidate = sa.table('candidate', sa.column('id', sa.Integer), sa.column('badge_token', sa.String))
    connection = op.get_bind()
    for (candidate_id,) in connection.execute(sa.select(candidate.c.id)).all():
        connection.execute(candidate.update().where(candidate.c.id == candidate_id)
                           .values(badge_token=secrets.token_urlsafe(24)))
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.alter_column('badge_token', existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_candidate_badge_token'), ['badge_token'])


def downgrade():
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_candidate_badge_token'), type_='unique')
        batch_op.drop_column('badge_token')
