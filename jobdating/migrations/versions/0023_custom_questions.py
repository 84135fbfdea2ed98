"""custom questions per event and per offer, and the candidates' answers

Revision ID: 0023_custom_questions
Revises: 0022_rehearsal
Create Date: 2026-12-05 10:00:00

New tables only (plain create_table, no batch copy of a table referenced with ON DELETE CASCADE).
"""
import sqlalchemy as sa
from alembic import op

revision = '0023_custom_questions'
down_revision = '0022_rehearsal'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'question',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('offer_id', sa.Integer(), nullable=True),
        sa.Column('kind', sa.Enum('text', 'choice', 'yesno', name='question_kind', native_enum=False,
                                  create_constraint=True, length=20), nullable=False),
        sa.Column('label', sa.String(length=300), nullable=False),
        sa.Column('help_text', sa.String(length=500), nullable=False),
        sa.Column('choices', sa.JSON(), nullable=False),
        sa.Column('required', sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_question_event_id_event'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['offer_id'], ['offer.id'], name=op.f('fk_question_offer_id_offer'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_question')),
    )
    op.create_index(op.f('ix_question_event_id'), 'question', ['event_id'])
    op.create_index(op.f('ix_question_offer_id'), 'question', ['offer_id'])
    op.create_table(
        'answer',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.Integer(), nullable=False),
        sa.Column('candidate_id', sa.Integer(), nullable=False),
        sa.Column('value', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_answer_event_id_event'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_answer_question_id_question'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_answer_candidate_id_candidate'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_answer')),
        sa.UniqueConstraint('question_id', 'candidate_id', name=op.f('uq_answer_question_id_candidate_id')),
    )
    op.create_index(op.f('ix_answer_event_id'), 'answer', ['event_id'])
    op.create_index(op.f('ix_answer_question_id'), 'answer', ['question_id'])
    op.create_index(op.f('ix_answer_candidate_id'), 'answer', ['candidate_id'])


def downgrade():
    op.drop_index(op.f('ix_answer_candidate_id'), table_name='answer')
    op.drop_index(op.f('ix_answer_question_id'), table_name='answer')
    op.drop_index(op.f('ix_answer_event_id'), table_name='answer')
    op.drop_table('answer')
    op.drop_index(op.f('ix_question_offer_id'), table_name='question')
    op.drop_index(op.f('ix_question_event_id'), table_name='question')
    op.drop_table('question')
