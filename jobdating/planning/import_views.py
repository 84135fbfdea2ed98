"""Organizer pages to import a list of candidates or employers: the upload (with the model files and the columns),
the preview of every row with its problems, and the confirmation (refused while a row has a problem)."""
from __future__ import annotations

from flask import Response, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from jobdating.planning import import_columns as columns
from jobdating.planning import imports
from jobdating.planning.event_views import bp
from jobdating.planning.forms import CandidateImportConfirmForm, EmployerImportConfirmForm, ImportForm
from jobdating.planning.import_files import FileProblem


@bp.url_value_preprocessor
def _room_for_a_big_list(endpoint: str | None, _values: dict | None) -> None:
    """Read a list over IMPORT_MAX_BYTES (up to the sign-up's larger limit) from a logged-in organizer instead of
    refusing the request, so that the page answers with a message and stays usable."""
    if endpoint == "organizer.import_upload" and request.method == "POST" and current_user.is_authenticated:
        request.max_content_length = max(current_app.config["SIGNUP_MAX_CONTENT_LENGTH"],
                                         current_app.config["MAX_CONTENT_LENGTH"] or 0)


def _upload_page(form: ImportForm):
    return render_template("organizer/import.html", event=g.event, form=form, **_documentation())


def _documentation() -> dict:
    """The columns of each kind and the values accepted where there is a choice, for the page."""
    return dict(columns=columns.COLUMNS, slugs=columns.SLUG_OF, choices={
        "situation": columns.situations().shown, "education_level": columns.education_levels().shown,
        "sector": columns.sectors().shown, "contract_type": columns.contracts().shown},
        max_rows=current_app.config["IMPORT_MAX_ROWS"], max_mb=current_app.config["IMPORT_MAX_BYTES"] // 1024 // 1024)


@bp.route("/evenements/<int:event_id>/importer", methods=["GET", "POST"])
def import_upload():
    event = g.event
    form = ImportForm()
    if not form.is_submitted() and request.args.get("type") in columns.KIND_SLUGS:
        form.kind.data = request.args["type"]
    if form.validate_on_submit():
        storage = form.file.data
        try:
            upload = imports.keep_upload(event, current_user, columns.KIND_SLUGS[form.kind.data],
                                         storage.filename or "", storage.read())
        except FileProblem as problem:
            form.file.errors = [*form.file.errors, str(problem.message)]
        else:
            return redirect(url_for("organizer.import_preview", event_id=event.id, token=upload.token))
    return _upload_page(form)


@bp.route("/evenements/<int:event_id>/importer/<token>", methods=["GET", "POST"])
def import_preview(token: str):
    event = g.event
    upload = imports.find_upload(event, current_user, token)
    if upload is None:
        flash(_("Cette liste n'est plus disponible (elle est gardée une heure, ou elle a déjà été importée) : "
                "envoyez le fichier à nouveau."), "warning")
        return redirect(url_for("organizer.import_upload", event_id=event.id))
    kind = upload.kind
    form = (CandidateImportConfirmForm if kind == columns.CANDIDATES else EmployerImportConfirmForm)()
    if form.validate_on_submit():
        try:
            count = imports.import_list(event, upload, current_user, consent=form.consent.data,
                                        send_links=form.send_links.data)
        except imports.ImportRefused as refused:
            form.form_errors.append(str(refused))
        else:
            if kind == columns.CANDIDATES:
                flash(ngettext("%(num)d candidat importé.", "%(num)d candidats importés.", count), "success")
            else:
                flash(ngettext("%(num)d employeur importé.", "%(num)d employeurs importés.", count), "success")
            return redirect(url_for("organizer.candidates" if kind == columns.CANDIDATES else "organizer.employers",
                                    event_id=event.id))
    try:
        result = imports.preview(event, upload)
    except FileProblem as problem:
        flash(str(problem.message), "error")
        return redirect(url_for("organizer.import_upload", event_id=event.id))
    again = ImportForm(formdata=None, kind=columns.SLUG_OF[kind])
    return render_template("organizer/import_preview.html", event=event, result=result, form=form, again=again,
                           token=upload.token, slug=columns.SLUG_OF[kind])


@bp.route("/evenements/<int:event_id>/importer/modele/<kind>.csv")
def import_model(kind: str):
    if kind not in columns.KIND_SLUGS:
        abort(404)
    return Response(columns.model_csv(columns.KIND_SLUGS[kind]), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="modele-import-{kind}.csv"'})
