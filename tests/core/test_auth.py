"""Organizers log in at /login; other people cannot."""
from __future__ import annotations

ORGANIZER_PASSWORD = "mot-de-passe-solide"


def test_login_page_is_in_french(client):
    page = client.get("/login").get_data(as_text=True)
    assert "Connexion organisateur" in page and 'lang="fr"' in page


def test_an_organizer_logs_in_and_out(client, organizer):
    response = client.post("/login", data={"email": "ORGA@exemple.fr", "password": ORGANIZER_PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == "/organisateur/", "an organizer lands on their events"
    assert "Se déconnecter" in client.get("/").get_data(as_text=True)
    client.post("/logout")
    assert "Se déconnecter" not in client.get("/").get_data(as_text=True)


def test_a_wrong_password_is_refused_and_the_email_is_kept(client, organizer):
    page = client.post("/login", data={"email": organizer.email, "password": "faux"}).get_data(as_text=True)
    assert "Adresse e-mail ou mot de passe incorrect." in page
    assert 'value="orga@exemple.fr"' in page
    assert "Se déconnecter" not in page


def test_login_never_redirects_to_another_site(client, organizer):
    response = client.post("/login?next=https://pirate.example/", data={
        "email": organizer.email, "password": ORGANIZER_PASSWORD})
    assert response.status_code == 302
    assert "pirate" not in response.headers["Location"]


def test_the_interface_speaks_english_on_request(client):
    page = client.get("/login?lang=en").get_data(as_text=True)
    assert 'lang="en"' in page and "Organiser sign-in" in page
    assert "Organiser sign-in" in client.get("/login").get_data(as_text=True), "the choice is remembered"
    assert "Connexion organisateur" in client.get("/login?lang=fr").get_data(as_text=True)
