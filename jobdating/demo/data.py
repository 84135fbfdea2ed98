"""Word lists for the demo job dating: Artois towns, French names, companies and jobs by sector."""

TOWNS = [
    ("62300", "Lens"), ("62800", "Liévin"), ("62400", "Béthune"), ("62110", "Hénin-Beaumont"),
    ("62000", "Arras"), ("59500", "Douai"), ("62700", "Bruay-la-Buissière"), ("62160", "Bully-les-Mines"),
    ("62210", "Avion"), ("62220", "Carvin"), ("62290", "Nœux-les-Mines"), ("62410", "Wingles"),
    ("62680", "Méricourt"), ("62590", "Oignies"), ("62750", "Loos-en-Gohelle"), ("62950", "Noyelles-Godault"),
]

FIRST_NAMES = [
    "Inès", "Lucas", "Emma", "Hugo", "Léa", "Nathan", "Chloé", "Enzo", "Manon", "Louis", "Camille",
    "Mathis", "Sarah", "Théo", "Jade", "Yanis", "Anaïs", "Mehdi", "Zoé", "Rayan", "Clémence", "Kevin",
    "Océane", "Dylan", "Amandine", "Bastien", "Fatou", "Karim", "Mélissa", "Quentin", "Aurélie", "Sofiane",
    "Justine", "Maxime", "Léna", "Thomas", "Nadia", "Jérémy", "Élodie", "Florian", "Aïcha", "Romain",
    "Laëtitia", "Julien", "Samia", "Benoît", "Héloïse", "Grégory", "Maëlys", "Łukasz", "Agnieszka",
    "João", "Mariana", "Stéphanie", "Noël", "François", "Gaëlle", "Loïc", "Amélie", "Cédric",
]

LAST_NAMES = [
    "Martin", "Bernard", "Dubois", "Lefebvre", "Leroy", "Roux", "Fournier", "Lefèvre", "Haddad", "Nowak",
    "Kowalski", "Da Conceição", "Dupont", "Lambert", "Bonnet", "Mercier", "Boucher", "Delattre", "Vandenbussche",
    "Wojciechowski", "Dewailly", "Carpentier", "Deruelle", "Lemaire", "Benali", "Bouchez", "Caron", "Delplanque",
    "Ferreira", "Guilbert", "Hennebelle", "Kaczmarek", "Lecomte", "Moreau", "Petit", "Ramdani", "Szymański",
    "Traoré", "Vasseur", "Wallart", "Ziani", "Coquelle", "Dufour", "Evrard", "Fontaine", "Gosselin",
    "Hochart", "Lefebvre-Da Silva", "Mazurek", "N'Diaye", "Obert", "Pruvost", "Queval", "Rohart", "Saïdi",
]

# sector -> (company name stems, job titles with their usual contract types)
SECTORS: dict[str, tuple[list[str], list[tuple[str, list[str]]]]] = {
    "Logistique": (
        ["Logistique", "Transports", "Entrepôts", "Fret", "Messagerie"],
        [("Préparateur·rice de commandes", ["cdi", "interim", "cdd"]), ("Cariste CACES", ["cdi", "interim"]),
         ("Chef·fe d'équipe logistique", ["cdi"]), ("Conducteur·rice poids lourd", ["cdi", "cdd"]),
         ("Agent·e de quai", ["interim", "cdd"]), ("Gestionnaire de flux", ["cdi", "alternance"])],
    ),
    "Numérique": (
        ["Numérique", "Digital", "Data", "Cloud", "Web"],
        [("Développeur·se web", ["cdi", "alternance", "stage"]), ("Technicien·ne support informatique", ["cdi", "cdd"]),
         ("Administrateur·rice systèmes et réseaux", ["cdi", "alternance"]), ("Data analyst", ["cdi", "stage"]),
         ("Chef·fe de projet digital", ["cdi"]), ("Technicien·ne fibre optique", ["cdi", "interim"])],
    ),
    "Santé": (
        ["Santé", "Soins", "Clinique", "Médical", "Domicile"],
        [("Aide-soignant·e", ["cdi", "cdd"]), ("Infirmier·ère", ["cdi"]), ("Auxiliaire de vie", ["cdi", "cdd"]),
         ("Agent·e de service hospitalier", ["cdd", "interim"]), ("Secrétaire médical·e", ["cdi", "alternance"])],
    ),
    "Green tech": (
        ["Énergies", "Recyclage", "Environnement", "Solaire", "Hydrogène"],
        [("Technicien·ne photovoltaïque", ["cdi", "alternance"]), ("Opérateur·rice de tri", ["cdi", "interim"]),
         ("Chargé·e d'études environnement", ["cdi", "stage"]), ("Électricien·ne", ["cdi", "alternance", "interim"]),
         ("Technicien·ne de maintenance éolienne", ["cdi"])],
    ),
    "Robotique": (
        ["Robotique", "Automatismes", "Mécatronique", "Systèmes"],
        [("Automaticien·ne", ["cdi", "alternance"]), ("Roboticien·ne", ["cdi", "stage"]),
         ("Technicien·ne de maintenance", ["cdi", "interim", "alternance"]), ("Programmeur·se CN", ["cdi"])],
    ),
    "Industrie": (
        ["Industries", "Métallurgie", "Plasturgie", "Composants", "Usinage"],
        [("Opérateur·rice de production", ["cdi", "interim", "cdd"]), ("Soudeur·se", ["cdi", "interim"]),
         ("Régleur·se", ["cdi"]), ("Technicien·ne qualité", ["cdi", "alternance"]),
         ("Conducteur·rice de ligne", ["cdi", "interim"]), ("Magasinier·ère", ["cdd", "interim"])],
    ),
    "Agroalimentaire": (
        ["Saveurs", "Conserverie", "Boulangerie industrielle", "Laiterie", "Légumerie"],
        [("Opérateur·rice de conditionnement", ["cdi", "interim", "cdd"]),
         ("Conducteur·rice de machines", ["cdi", "interim"]),
         ("Technicien·ne hygiène qualité", ["cdi", "alternance"]), ("Boulanger·ère", ["cdi", "alternance"])],
    ),
    "BTP": (
        ["Bâtiment", "Travaux publics", "Construction", "Rénovation", "Charpente"],
        [("Maçon·ne", ["cdi", "interim", "alternance"]), ("Chef·fe de chantier", ["cdi"]),
         ("Conducteur·rice d'engins", ["cdi", "interim"]), ("Plombier·ère chauffagiste", ["cdi", "alternance"]),
         ("Électricien·ne du bâtiment", ["cdi", "interim"]), ("Menuisier·ère", ["cdi", "alternance"])],
    ),
}

# "X recrute dans …": each sector as a French phrase with its article.
IN_SECTOR = {"Logistique": "la logistique", "Numérique": "le numérique", "Santé": "la santé",
             "Green tech": "la green tech", "Robotique": "la robotique", "Industrie": "l'industrie",
             "Agroalimentaire": "l'agroalimentaire", "BTP": "le BTP"}

PLACES = ["Artois", "Lens", "Gohelle", "Liévin", "Opale", "Hauts-de-France", "Béthune", "Arras", "Scarpe",
          "Douaisis", "Flandres", "Bassin minier", "Deûle", "Terril", "Escaut"]
PREFIXES = ["", "Groupe ", "SAS ", "", "Atelier ", "", "Coopérative ", ""]
FIRST_NAMES_CONTACT = ["Sophie", "Olivier", "Nathalie", "Stéphane", "Isabelle", "Frédéric", "Sandrine",
                       "Christophe", "Valérie", "David", "Karine", "Sébastien", "Céline", "Farid", "Magali"]
