"""imports: a list uploaded by an organizer waits here between its preview and the confirmation

Revision ID: 0021_import_uploads
Revises: 0020_employer_moderation
Create Date: 2026-12-02 10:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0021_import_uploads'
down_revision = '0020_employer_moderation'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'import_upload',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('token', sa.String(length=64), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('organizer_id', sa.Integer(), nullable=True),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('filename', sa.String(length=200), nullable=False),
        sa.Column('content', sa.LargeBinary(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['event_id'], ['event.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['organizer_id'], ['organizer.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('token'),
    )
    op.create_index('ix_import_upload_event_id', 'import_upload', ['event_id'])
    op.create_index('ix_import_upload_organizer_id', 'import_upload', ['organizer_id'])


def downgrade():
    op.drop_index('ix_import_upload_organizer_id', table_name='import_upload')
    op.drop_index('ix_import_upload_event_id', table_name='import_upload')
    op.drop_table('import_upload')
