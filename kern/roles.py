"""The editorial roles and the review workflow, as data (created by a migration, checked by tests).

Redacteur: creates and edits pages and snippets and submits them for review; cannot publish.
Eindredacteur: everything a Redacteur can, plus reviewing, approving and publishing.
Every page and the Organisatie and Regeling snippets go through one workflow: approval by an Eindredacteur.
"""

REDACTEUR = "Redacteur"
EINDREDACTEUR = "Eindredacteur"
WORKFLOW_NAME = "Eindredactie"
TASK_NAME = "Goedkeuring door eindredactie"

# (app_label, codename) of model permissions.
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *[
        ("organisaties", f"{action}_{model}")
        for model in ("organisatie", "regeling")
        for action in ("add", "change")
    ],
    *[
        ("organisaties", f"{action}_{model}")
        for model in ("dienst", "doelgroep", "situatie")
        for action in ("add", "change")
    ],
    ("wegwijzer", "add_hulplijn"),
    ("wegwijzer", "change_hulplijn"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
]
# Both roles start translations in wagtail-localize. Given by kern/migrations/0006 (which took away
# simple_translation's permission), not by 0002: on a fresh database 0002 may run before wagtail-localize's tables.
TRANSLATION_PERMISSIONS = [("wagtail_localize", "submit_translation")]
# Eindredacteuren record that a qualified translator checked a translation (kern.models.GecontroleerdeVertaling).
TRANSLATION_CHECK_PERMISSIONS = [
    ("wegwijzer", "add_gecontroleerdevertaling"),
    ("wegwijzer", "change_gecontroleerdevertaling"),
]
FINAL_EDITOR_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    ("organisaties", "publish_organisatie"),
    ("organisaties", "publish_regeling"),
    ("organisaties", "lock_organisatie"),
    ("organisaties", "unlock_organisatie"),
    ("organisaties", "lock_regeling"),
    ("organisaties", "unlock_regeling"),
    *[
        ("organisaties", f"delete_{model}")
        for model in ("organisatie", "regeling", "dienst", "doelgroep", "situatie")
    ],
    ("wegwijzer", "delete_hulplijn"),
    ("wegwijzer", "change_siteinstellingen"),
    ("wagtailredirects", "delete_redirect"),
]
# The questions of the situation form (organisaties.Situatievraag): Redacteuren add and change them, Eindredacteuren
# may also delete them. Given by organisaties/migrations/0011, after the model exists (0002 may run before it).
SITUATION_QUESTION_PERMISSIONS = [
    ("organisaties", "add_situatievraag"),
    ("organisaties", "change_situatievraag"),
]
SITUATION_QUESTION_DELETE_PERMISSIONS = [("organisaties", "delete_situatievraag")]
# Page permissions on the whole tree.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
FINAL_EDITOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "delete_page",
]
# Images and documents in the root collection.
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
FINAL_EDITOR_COLLECTION_PERMISSIONS = [
    *EDITOR_COLLECTION_PERMISSIONS,
    ("wagtailimages", "change_image"),
    ("wagtaildocs", "change_document"),
]
WORKFLOW_SNIPPETS = [("organisaties", "organisatie"), ("organisaties", "regeling")]
