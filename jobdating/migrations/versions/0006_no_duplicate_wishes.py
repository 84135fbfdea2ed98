"""no duplicate wishes: one wish per offer, one employer-only wish per employer

Revision ID: 0006_no_duplicate_wishes
Revises: 0005_badge_token
Create Date: 2026-11-26 00:02:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0006_no_duplicate_wishes'
down_revision = '0005_badge_token'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('wish', schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_wish_candidate_id_offer_id'), ['candidate_id', 'offer_id'])
        batch_op.create_index('uq_wish_candidate_employer_only', ['candidate_id', 'employer_id'], unique=True,
                              sqlite_where=sa.text('offer_id IS NULL'), postgresql_where=sa.text('offer_id IS NULL'))


def downgrade():
    with op.batch_alter_table('wish', schema=None) as batch_op:
        batch_op.drop_index('uq_wish_candidate_employer_only', sqlite_where=sa.text('offer_id IS NULL'),
                            postgresql_where=sa.text('offer_id IS NULL'))
        batch_op.drop_constraint(batch_op.f('uq_wish_candidate_id_offer_id'), type_='unique')
