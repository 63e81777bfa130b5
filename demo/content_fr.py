"""Demo course, French version: « Les médias sociaux au travail, sans risque ».

Pure data, no Django imports, so the demo command, tests and translators can all
read it. Item i of every list here is the translation of item i in
``content_en.py``: same lessons, same blocks in the same order, same questions.

- ``COURSE``: course fields plus ``lessons``; each lesson ``body`` is StreamField
  raw data (a list of ``{"type": ..., "value": ...}``), where an image is named
  by the slug of one of ``ILLUSTRATIONS`` (``COURSE["illustrations"]``).
- ``FINAL_QUIZ``: quiz metadata plus ``questions`` (one dict per question type).
- ``KNOWLEDGE_CHECKS``: short quizzes keyed by lesson slug.
"""

#: Drawings in ``demo/illustrations/``, loaded as Wagtail images by
#: ``demo.illustrations``; lesson bodies name them by slug. Alt texts stay
#: within 250 characters (the image block's limit).
ILLUSTRATIONS = {
    "profile-and-page": {
        "file": "profile-and-page.fr.svg",
        "title": "Démo – Profil personnel et page professionnelle",
        "alt": (
            "Schéma : à gauche, le profil personnel de Julie Tremblay, visible par "
            "ses amis seulement; à droite, sa page publique « Julie Tremblay, "
            "notaire », que tout le monde peut suivre. Une flèche montre que le "
            "profil administre la page."
        ),
    },
    "privacy-menu-steps": {
        "file": "privacy-menu-steps.fr.svg",
        "title": "Démo – Étapes d’un menu de confidentialité",
        "alt": (
            "Schéma du menu Paramètres et confidentialité en quatre étapes : ouvrir "
            "Paramètres, lancer la vérification de la confidentialité, régler les "
            "publications futures sur Amis, puis activer l’examen des identifications."
        ),
    },
    "welcome-message": {
        "file": "welcome-message.fr.svg",
        "title": "Démo – Message d’accueil public sur un profil",
        "alt": (
            "Haut d’un profil personnel : dans la section Présentation, une "
            "publication épinglée, d’audience Public, dit : « Bienvenue sur mon "
            "profil personnel! J’accepte seulement les personnes que je connais "
            "dans ma vie privée. »"
        ),
    },
}

COURSE = {
    "illustrations": ILLUSTRATIONS,
    "title": "Les médias sociaux au travail, sans risque",
    "slug": "medias-sociaux-au-travail",
    "summary": (
        "Apprenez à utiliser les médias sociaux dans un cadre professionnel sans "
        "mettre en danger votre emploi, votre vie privée ni l’image de votre "
        "organisation. Six leçons pratiques, du plan d’action à la charte "
        "d’utilisation."
    ),
    "objectives": [
        (
            "Présenter à sa direction un plan d’action précis pour utiliser les médias "
            "sociaux au travail."
        ),
        (
            "Estimer un temps de présence réaliste et régulier en fonction de ses "
            "objectifs."
        ),
        (
            "Distinguer profil personnel et page professionnelle, et régler la "
            "confidentialité de ses comptes Facebook et LinkedIn."
        ),
        (
            "Refuser une demande d’amitié avec courtoisie tout en préservant la "
            "relation professionnelle."
        ),
        "Appliquer les règles de savoir-vivre de LinkedIn pour bâtir son réseau.",
        (
            "Expliquer le rôle d’une charte d’utilisation et d’un programme "
            "d’ambassadeurs."
        ),
    ],
    "audience": (
        "Employés, gestionnaires et travailleurs autonomes qui veulent utiliser les "
        "médias sociaux dans leur travail, ainsi que les équipes de communication qui "
        "encadrent la prise de parole du personnel. Aucune connaissance préalable "
        "n’est requise."
    ),
    "level": "beginner",
    "lessons": [
        {
            "title": "Convaincre sa direction et préparer un plan d’action",
            "slug": "convaincre-sa-direction",
            "summary": (
                "Présentez à votre direction un plan d’action précis et des preuves "
                "concrètes, puis avancez par étapes approuvées."
            ),
            "estimated_minutes": 12,
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Bien des directions filtrent encore l’accès à Facebook ou "
                        "à LinkedIn depuis les postes de travail, convaincues que ces "
                        "sites grugent la productivité. Même là où rien n’est bloqué, "
                        "on hésite souvent à y associer le nom de l’entreprise, faute "
                        "de savoir ce qui pourrait arriver. Au fond, votre patron se "
                        "demande surtout s’il peut vous faire confiance avec ces "
                        "outils.</p>"
                        "<p>Cette leçon vous aide à transformer une envie personnelle "
                        "en proposition sérieuse : un plan clair, des preuves tirées "
                        "de votre quotidien et des règles que vous vous engagez à "
                        "suivre.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "warning",
                        "title": (
                            "Avancez à petits pas, avec l’accord de vos supérieurs"
                        ),
                        "text": (
                            "<p>Des employés ont déjà perdu leur poste pour s’être "
                            "exprimés au nom de leur employeur sur les réseaux sociaux "
                            "sans avoir obtenu le feu vert. L’enthousiasme ne remplace "
                            "pas une autorisation : tant que votre direction n’a pas "
                            "approuvé la démarche, ne publiez rien au nom de "
                            "l’organisation. Cette lenteur peut être frustrante, mais "
                            "elle protège votre emploi et votre crédibilité.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Bâtir un plan d’action précis", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Une demande vague, du genre « ce serait bien d’être sur "
                        "LinkedIn », se heurte presque toujours à un refus. Votre "
                        "direction voudra savoir pourquoi vous tenez à ces outils, ce "
                        "que l’organisation y gagnera et ce que cela coûtera en temps. "
                        "Préparez des réponses précises, chiffrées si possible, avant "
                        "la rencontre.</p>"
                    ),
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "Votre plan d’action tient-il la route ?",
                        "items": [
                            (
                                "Les raisons précises pour lesquelles vous voulez "
                                "utiliser les médias sociaux sont écrites noir sur "
                                "blanc."
                            ),
                            (
                                "Chaque objectif est mesurable, par exemple : trouver "
                                "deux nouveaux fournisseurs d’ici six mois."
                            ),
                            (
                                "Le temps que vous y consacrerez chaque jour est "
                                "indiqué en minutes, et non par un vague « un peu »."
                            ),
                            "Le choix des plateformes découle de vos objectifs.",
                            (
                                "Vous avez prévu comment et à quelle fréquence vous "
                                "rendrez compte des résultats."
                            ),
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Prouver que vous gagnerez du temps",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>L’argument du temps perdu se combat avec des exemples de "
                        "temps gagné. Inutile de citer les grandes réussites de "
                        "marques célèbres : votre patron les jugera hors de portée. "
                        "Misez plutôt sur de petites victoires ordinaires, comme "
                        "celles-ci :</p>"
                        "<ul>"
                        "<li>un fournisseur spécialisé que personne ne trouvait, "
                        "recommandé par un contact en ligne;</li>"
                        "<li>l’annonce d’un appel d’offres repérée avant vos "
                        "concurrents;</li>"
                        "<li>une réponse d’expert obtenue le jour même à une question "
                        "qui aurait exigé des heures de recherche.</li>"
                        "</ul>"
                        "<p>Notez ces exemples au fil des semaines et glissez-les dans "
                        "la conversation quand l’occasion s’y prête. La persuasion est "
                        "un travail de longue haleine, et chaque exemple crédible fait "
                        "pencher un peu plus la balance.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Proposer vos propres règles du jeu",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Arrivez avec une politique d’utilisation des médias "
                        "sociaux déjà rédigée. Le document énumère ce que vous "
                        "publierez, ce que vous éviterez et qui approuvera les "
                        "messages délicats : c’est votre engagement écrit. Votre "
                        "direction y verra vite un autre avantage, puisque le même "
                        "texte pourrait un jour servir de cadre à toute l’équipe. Vous "
                        "lui offrez ainsi un moyen de contrôle, au lieu de lui "
                        "demander un acte de foi.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Exercez-vous d’abord à la maison",
                        "text": (
                            "<p>Apprivoisez les plateformes à titre personnel, sur "
                            "votre propre temps, avant même d’obtenir l’autorisation. "
                            "Le jour où la réponse sera oui, vous serez efficace tout "
                            "de suite. Une direction qui a longtemps hésité "
                            "accepterait mal de payer ensuite votre apprentissage : "
                            "arrivez déjà à l’aise.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Quand la réponse reste non", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Vous avez tout essayé sans résultat ? Posez-vous une autre "
                        "question : de quoi votre direction a-t-elle peur, au juste ? "
                        "Un gestionnaire peut se méfier de ce qu’il ne maîtrise pas, "
                        "résister à tout changement de routine ou garder un mauvais "
                        "souvenir d’une affaire survenue en ligne. Ces craintes ne "
                        "disparaissent pas en une seule réunion. En découvrant "
                        "laquelle est en jeu, vous pourrez adapter vos arguments à ce "
                        "qui bloque vraiment, et c’est souvent ce qui finit par "
                        "changer la donne.</p>"
                    ),
                },
                {
                    "type": "reflect",
                    "value": {
                        "prompt": (
                            "Quelle est, selon vous, la principale crainte de votre "
                            "direction au sujet des médias sociaux ? Quel exemple tiré "
                            "de votre quotidien pourrait y répondre ?"
                        ),
                        "hint": (
                            "Pensez à une information, à un contact ou à une réponse "
                            "que vous auriez pu obtenir plus vite grâce à votre réseau."
                        ),
                    },
                },
            ],
        },
        {
            "title": "Combien de temps y consacrer ?",
            "slug": "combien-de-temps-y-consacrer",
            "summary": (
                "Fixez vos objectifs avant votre horaire, puis misez sur une présence "
                "régulière plutôt que sur le volume."
            ),
            "estimated_minutes": 10,
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>« Combien de temps faut-il y passer chaque jour ? » C’est "
                        "l’une des questions qui reviennent le plus souvent en "
                        "formation. La réponse honnête, c’est qu’aucun chiffre ne vaut "
                        "pour tout le monde tant que vous n’avez pas défini ce que "
                        "vous cherchez à accomplir. Le temps à investir découle de vos "
                        "objectifs et des ressources humaines et financières dont vous "
                        "disposez, et non l’inverse.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_idea",
                        "title": "Les objectifs d’abord, l’horaire ensuite",
                        "text": (
                            "<p>Un horaire sans stratégie, c’est comme un budget sans "
                            "projet : on ne sait pas à quoi il sert. Écrivez d’abord "
                            "ce que vous voulez obtenir et comment vous le mesurerez; "
                            "la durée à prévoir en découlera presque d’elle-même.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "La régularité l’emporte sur la quantité",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Bonne nouvelle : la facture en temps est généralement plus "
                        "modeste qu’on le craint, surtout si l’on démarre petit et "
                        "qu’on augmente le rythme peu à peu. Une présence courte mais "
                        "constante rapporte davantage que de longues séances suivies "
                        "de plusieurs semaines de silence. Votre réseau remarque "
                        "surtout votre fiabilité : une personne qui répond, commente "
                        "et partage chaque semaine inspire plus confiance qu’un compte "
                        "qui se réveille une fois par trimestre.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Des repères pour démarrer", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Quelques ordres de grandeur peuvent guider vos premiers "
                        "pas, à ajuster selon votre secteur :</p>"
                        "<ul>"
                        "<li><strong>Environ 20 minutes par jour</strong> sur LinkedIn "
                        "suffisent pour bien commencer à entretenir votre "
                        "présence.</li>"
                        "<li><strong>Environ trois publications par semaine</strong> "
                        "sur une page Facebook représentent, pour beaucoup "
                        "d’organisations, un minimum pour obtenir un certain effet. "
                        "Répondre aux clients et aux abonnés ne fait pas partie de ce "
                        "compte : c’est du travail en plus.</li>"
                        "</ul>"
                        "<p>Voyez ces chiffres comme des balises, pas comme des "
                        "obligations : un restaurant qui affiche son menu du jour n’a "
                        "pas le même rythme qu’un cabinet comptable.</p>"
                    ),
                },
                {
                    "type": "quote",
                    "value": {
                        "quote": (
                            "Un réseau se cultive bien avant d’en avoir besoin, pas le "
                            "jour où l’on compte sur lui."
                        ),
                        "attribution": "Principe de réseautage",
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Le temps change avec l’expérience",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Au début, vous passerez plus de temps en ligne : vous "
                        "apprenez les codes de chaque plateforme et vous bâtissez "
                        "votre réseau. Comme toute habitude neuve, cet apprentissage "
                        "exige de la rigueur et bien des essais. Avec les mois, vous "
                        "entrerez dans une phase d’entretien et vous y consacrerez "
                        "moins de minutes, sans jamais cesser complètement. Vous "
                        "n’avez d’ailleurs pas à tout lire : suivez les conversations "
                        "utiles et laissez filer le reste.</p>"
                        "<p>L’organisation peut aussi adapter son mode de gestion à "
                        "ses moyens : tout confier au service des communications, "
                        "répartir le travail entre plusieurs équipes ou faire appel à "
                        "un fournisseur externe.</p>"
                    ),
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "Gérer son temps en ligne",
                        "dos": [
                            (
                                "Réserver un moment fixe, par exemple 20 minutes en "
                                "début de journée."
                            ),
                            (
                                "Commencer par une ou deux plateformes liées à vos "
                                "objectifs."
                            ),
                            (
                                "Préparer quelques publications à l’avance pour garder "
                                "le rythme."
                            ),
                            (
                                "Revoir votre horaire après quelques mois, une fois en "
                                "phase d’entretien."
                            ),
                        ],
                        "donts": [
                            (
                                "Publier beaucoup pendant une semaine, puis "
                                "disparaître un mois."
                            ),
                            (
                                "Ouvrir des comptes partout avant d’avoir fixé vos "
                                "objectifs."
                            ),
                            (
                                "Essayer de lire toutes les conversations de votre fil "
                                "d’actualité."
                            ),
                            (
                                "Comparer votre rythme à celui d’une entreprise d’un "
                                "tout autre secteur."
                            ),
                        ],
                    },
                },
                {
                    "type": "reflect",
                    "value": {
                        "prompt": (
                            "Si vous disposiez de 20 minutes par jour, comment les "
                            "répartiriez-vous entre publier, commenter et répondre ?"
                        ),
                        "hint": (
                            "Partez d’un objectif précis de votre plan d’action et "
                            "demandez-vous quelle activité vous en rapproche le plus."
                        ),
                    },
                },
            ],
        },
        {
            "title": (
                "Paramètres de confidentialité : profil personnel ou page "
                "professionnelle"
            ),
            "slug": "parametres-de-confidentialite",
            "summary": (
                "Distinguez profil personnel et page professionnelle, puis réglez pas "
                "à pas la confidentialité de vos comptes Facebook et LinkedIn."
            ),
            "estimated_minutes": 15,
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Beaucoup de gens aimeraient se servir de Facebook pour le "
                        "travail sans y avoir de vie personnelle. C’est "
                        "compréhensible, mais la plateforme ne fonctionne pas ainsi : "
                        "une page professionnelle est toujours rattachée à au moins un "
                        "compte personnel, qui sert à l’administrer. Et inutile de "
                        "créer un faux profil au nom de l’entreprise pour contourner "
                        "la règle : les conditions de Facebook l’interdisent, et la "
                        "plateforme supprime régulièrement ces comptes.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": (
                            "Profil personnel et page professionnelle : deux outils "
                            "distincts"
                        ),
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Le <strong>profil personnel</strong> vous représente comme "
                        "individu. Vous choisissez qui voit quoi, et vous décidez "
                        "d’accepter ou non chaque demande d’amitié. La <strong>page "
                        "professionnelle</strong>, elle, est conçue pour être publique "
                        ": n’importe qui peut la suivre et voir ce qui y est publié, à "
                        "moins que vous ne bloquiez une personne en particulier. Une "
                        "page peut porter votre nom et votre métier, par exemple « "
                        "Julie Tremblay, notaire », ou le nom de votre entreprise, et "
                        "ne contenir que des publications liées à votre travail.</p>"
                        "<p>Bonne nouvelle : avoir un compte personnel ne vous engage "
                        "à rien. Vous pouvez vous en servir uniquement pour accéder à "
                        "la page, sans ajouter d’amis ni rien publier. C’est vous qui "
                        "gardez la main.</p>"
                    ),
                },
                {
                    "type": "image",
                    "value": {
                        "image": "profile-and-page",
                        "alt_text": ILLUSTRATIONS["profile-and-page"]["alt"],
                        "caption": (
                            "Le profil personnel vous représente; la page "
                            "professionnelle représente votre travail, et c’est le "
                            "profil qui l’administre."
                        ),
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_idea",
                        "title": "Pas de page sans compte personnel",
                        "text": (
                            "<p>Pour gérer une page Facebook, un compte personnel est "
                            "obligatoire. La vraie question n’est donc pas « faut-il "
                            "un compte ? », mais « comment le régler pour qu’il me "
                            "protège ? ». Maîtriser les paramètres est la meilleure "
                            "réponse à la peur de voir sa vie privée déborder sur sa "
                            "vie professionnelle.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Régler la confidentialité sur Facebook",
                        "level": "h2",
                    },
                },
                {
                    "type": "walkthrough",
                    "value": {
                        "title": "Verrouiller son profil Facebook personnel",
                        "platform": "Facebook",
                        "steps": [
                            {
                                "title": "Ouvrir les paramètres",
                                "text": (
                                    "<p>Cliquez sur votre photo de profil, en haut à "
                                    "droite, puis choisissez <strong>Paramètres et "
                                    "confidentialité > Paramètres</strong>. Facebook "
                                    "déplace parfois ses menus : si une option reste "
                                    "introuvable, tapez son nom dans le champ de "
                                    "recherche des paramètres.</p>"
                                ),
                                "screenshot": "privacy-menu-steps",
                                "screenshot_alt": ILLUSTRATIONS["privacy-menu-steps"][
                                    "alt"
                                ],
                            },
                            {
                                "title": "Faire la vérification de la confidentialité",
                                "text": (
                                    "<p>Cherchez l’outil <strong>Vérification de la "
                                    "confidentialité</strong> (Privacy Checkup en "
                                    "anglais). Il vous fait parcourir, en quelques "
                                    "écrans, les réglages essentiels : qui voit vos "
                                    "publications, comment on peut vous trouver, la "
                                    "sécurité du compte. C’est la façon la plus rapide "
                                    "de faire un premier tour complet.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Choisir l’audience de vos publications",
                                "text": (
                                    "<p>Dans la section <strong>Audience et "
                                    "visibilité</strong>, ouvrez "
                                    "<strong>Publications</strong>. Réglez l’audience "
                                    "de vos publications futures sur <em>Amis</em> "
                                    "plutôt que sur <em>Public</em>. L’option qui "
                                    "limite l’audience des anciennes publications rend "
                                    "invisibles, en un seul geste, vos vieux messages "
                                    "publics pour les personnes qui ne sont pas vos "
                                    "amies.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": (
                                    "Contrôler qui peut vous trouver et vous contacter"
                                ),
                                "text": (
                                    "<p>Toujours dans <strong>Audience et "
                                    "visibilité</strong>, la rubrique qui porte sur la "
                                    "façon dont les gens peuvent vous trouver et vous "
                                    "contacter permet de réserver les demandes "
                                    "d’amitié aux amis de vos amis, de masquer votre "
                                    "liste d’amis et de restreindre la recherche par "
                                    "adresse courriel ou par numéro de téléphone.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Examiner les identifications",
                                "text": (
                                    "<p>Dans <strong>Profil et "
                                    "identification</strong>, activez l’examen des "
                                    "identifications : une photo où quelqu’un vous "
                                    "identifie ne s’affichera sur votre profil "
                                    "qu’après votre approbation. C’est une bonne "
                                    "protection contre les photos privées qui "
                                    "aboutiraient sous les yeux de vos contacts "
                                    "professionnels.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Renforcer la sécurité du compte",
                                "text": (
                                    "<p>Les réglages de sécurité se trouvent "
                                    "maintenant dans l’<strong>Espace Comptes</strong> "
                                    "de Meta, sous <strong>Mot de passe et "
                                    "sécurité</strong>. Activez l’authentification à "
                                    "deux facteurs : si votre compte administre une "
                                    "page, son piratage toucherait aussi votre "
                                    "organisation.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Regarder votre profil comme un inconnu",
                                "text": (
                                    "<p>Pour terminer, ouvrez votre profil, cliquez "
                                    "sur le menu « … » et cherchez l’option "
                                    "<strong>Voir en tant que</strong>. Tout ce qui "
                                    "reste visible à cette étape l’est aussi pour "
                                    "n’importe quel client ou collègue.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Régler la confidentialité sur LinkedIn",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>LinkedIn est un réseau professionnel : votre profil y est "
                        "fait pour être trouvé. Le but n’est donc pas de tout cacher, "
                        "mais de décider en connaissance de cause de ce qui est "
                        "visible, pour qui et à quel moment.</p>"
                    ),
                },
                {
                    "type": "walkthrough",
                    "value": {
                        "title": "Ajuster sa visibilité sur LinkedIn",
                        "platform": "LinkedIn",
                        "steps": [
                            {
                                "title": "Ouvrir les préférences",
                                "text": (
                                    "<p>Cliquez sur votre photo "
                                    "(<strong>Vous</strong>) dans la barre du haut, "
                                    "puis sur <strong>Préférences et "
                                    "confidentialité</strong>. Les réglages sont "
                                    "classés par sections dans le menu de gauche; "
                                    "leurs noms changent parfois d’une version à "
                                    "l’autre.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Soigner votre profil public",
                                "text": (
                                    "<p>Dans <strong>Visibilité</strong>, choisissez "
                                    "l’option qui permet de modifier votre profil "
                                    "public. Vous y décidez quelles parties de votre "
                                    "profil voient les personnes non connectées à "
                                    "LinkedIn et les moteurs de recherche. Laissez au "
                                    "moins votre nom, votre titre et votre expérience "
                                    "visibles si vous voulez qu’on vous trouve.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Décider qui voit vos relations",
                                "text": (
                                    "<p>Toujours dans <strong>Visibilité</strong>, "
                                    "repérez le réglage consacré aux relations et "
                                    "indiquez si vos contacts peuvent consulter votre "
                                    "liste de relations. Certaines personnes la "
                                    "masquent pour protéger leur clientèle.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Contrôler les avis de modification",
                                "text": (
                                    "<p>Avant de remanier votre profil en profondeur, "
                                    "désactivez le partage des mises à jour de profil "
                                    "avec votre réseau. Vos contacts ne recevront pas "
                                    "d’avis à chaque changement, ce qui évite les "
                                    "malentendus, par exemple avec votre employeur.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Filtrer les invitations",
                                "text": (
                                    "<p>Cherchez le réglage des invitations à se "
                                    "connecter; selon la version, il figure dans une "
                                    "section consacrée aux communications ou à la "
                                    "confidentialité des données. Vous pouvez y "
                                    "limiter les invitations aux personnes qui "
                                    "connaissent déjà votre adresse courriel, par "
                                    "exemple.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Choisir l’audience de chaque publication",
                                "text": (
                                    "<p>Quand vous rédigez une publication, cliquez "
                                    "sur votre nom ou sur le sélecteur d’audience en "
                                    "haut de la fenêtre : vous pouvez publier pour "
                                    "tout le monde ou seulement pour vos relations.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Sécuriser la connexion",
                                "text": (
                                    "<p>Dans <strong>Connexion et sécurité</strong>, "
                                    "activez la vérification en deux étapes et passez "
                                    "en revue les appareils où votre compte est "
                                    "ouvert.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                        ],
                    },
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "Profil ou page : les bons réflexes",
                        "dos": [
                            (
                                "Créer une page professionnelle pour vos publications "
                                "publiques liées au travail."
                            ),
                            (
                                "Garder votre profil personnel pour vos amis et votre "
                                "famille."
                            ),
                            (
                                "Refaire la vérification de la confidentialité après "
                                "chaque changement important de la plateforme."
                            ),
                            (
                                "Vous réserver, comme administrateur, le droit de "
                                "publier sur votre page."
                            ),
                        ],
                        "donts": [
                            "Créer un profil personnel au nom de votre entreprise.",
                            (
                                "Laisser vos publications personnelles en mode Public "
                                "par défaut."
                            ),
                            (
                                "Tenir pour acquis que les réglages faits il y a deux "
                                "ans sont toujours en place."
                            ),
                            (
                                "Prêter vos identifiants personnels à un collègue au "
                                "lieu de lui donner son propre accès à la page."
                            ),
                        ],
                    },
                },
                {
                    "type": "reflect",
                    "value": {
                        "prompt": (
                            "Que verrait aujourd’hui un client qui taperait votre nom "
                            "dans Facebook ou dans un moteur de recherche ?"
                        ),
                        "hint": (
                            "Faites l’essai avec l’option « Voir en tant que » et avec "
                            "votre profil public LinkedIn, puis notez ce que vous "
                            "voulez changer."
                        ),
                    },
                },
            ],
        },
        {
            "title": "Dire non à une demande d’amitié",
            "slug": "dire-non-a-une-demande-d-amitie",
            "summary": (
                "Annoncez publiquement qui vous acceptez sur votre profil, puis "
                "déclinez les autres demandes avec courtoisie en offrant un autre "
                "moyen de vous joindre."
            ),
            "estimated_minutes": 10,
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Un client, un fournisseur ou votre nouveau gestionnaire "
                        "vous envoie une demande d’amitié sur votre profil Facebook "
                        "personnel. Vous n’avez pas envie de l’accepter, mais vous "
                        "craignez de le froisser. Ce malaise est si répandu que bien "
                        "des gens finissent par accepter tout le monde, puis se "
                        "censurent sur leur propre profil.</p>"
                        "<p>Il existe une meilleure solution, en deux temps : fixer "
                        "les règles à l’avance, en public, puis refuser au cas par cas "
                        "avec un message personnel courtois.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_idea",
                        "title": "Vous n’êtes obligé d’accepter personne",
                        "text": (
                            "<p>Votre profil personnel vous appartient. Vous décidez "
                            "seul des demandes que vous acceptez, et vous pouvez même "
                            "ne jamais y publier. Décliner poliment une demande "
                            "d’amitié ne revient pas à rejeter la relation "
                            "professionnelle : vous la dirigez simplement vers le bon "
                            "canal.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Étape 1 : annoncer vos règles publiquement",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Commencez par un court texte d’accueil, lisible par "
                        "n’importe quel visiteur, qui indique quelles personnes vous "
                        "ajoutez comme amis. Placez-le dans la section de présentation "
                        "de votre profil, ou dans une publication publique mise en "
                        "évidence si cette option vous est offerte. Quand la règle est "
                        "connue d’avance, un refus paraît beaucoup moins personnel, "
                        "puisqu’il s’applique à tout le monde de la même façon.</p>"
                    ),
                },
                {
                    "type": "image",
                    "value": {
                        "image": "welcome-message",
                        "alt_text": ILLUSTRATIONS["welcome-message"]["alt"],
                        "caption": (
                            "Épinglé en haut du profil, le message d’accueil annonce "
                            "la règle à tous les visiteurs."
                        ),
                    },
                },
                {
                    "type": "message_template",
                    "value": {
                        "title": "Message d’accueil public",
                        "context": (
                            "À publier sur votre profil personnel, avec l’audience "
                            "Public, pour que tout visiteur le voie."
                        ),
                        "message": (
                            "Bienvenue sur mon profil personnel!\n"
                            "J’y partage surtout des nouvelles de ma famille et de mes "
                            "amis proches, alors j’accepte seulement les personnes que "
                            "je connais dans ma vie privée.\n"
                            "Pour le travail, retrouvez-moi sur LinkedIn ou sur la "
                            "page de [nom de l’entreprise]. Au plaisir d’échanger "
                            "là-bas!"
                        ),
                    },
                },
                {
                    "type": "message_template",
                    "value": {
                        "title": "Version courte pour la bio",
                        "context": (
                            "La bio Facebook est limitée à une centaine de caractères "
                            ": cette version y tient."
                        ),
                        "message": (
                            "Profil perso : famille et amis proches. Pour le travail : "
                            "LinkedIn ou [page de l’entreprise]."
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Étape 2 : refuser avec un message personnel",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Lorsqu’une demande arrive malgré tout, ne la laissez pas "
                        "traîner indéfiniment. Écrivez plutôt à la personne un message "
                        "privé, bref et chaleureux : remerciez-la, expliquez votre "
                        "règle en une phrase et donnez-lui vos coordonnées "
                        "professionnelles pour qu’elle puisse vous joindre facilement. "
                        "Vous pouvez ensuite supprimer la demande. Votre interlocuteur "
                        "comprend que vous tenez à la relation, mais ailleurs que sur "
                        "ce profil.</p>"
                    ),
                },
                {
                    "type": "message_template",
                    "value": {
                        "title": "Refus courtois à un collègue de travail",
                        "context": (
                            "Message privé, au tutoiement, à un contact que vous "
                            "côtoyez souvent."
                        ),
                        "message": (
                            "Salut Martin,\n"
                            "Merci pour ta demande d’amitié, ça me fait plaisir que tu "
                            "aies pensé à moi!\n"
                            "J’ai choisi de garder mon compte Facebook pour ma famille "
                            "et mes amis proches, alors je n’y ajoute pas mes contacts "
                            "de travail. Ça n’a rien de personnel.\n"
                            "J’aimerais beaucoup qu’on reste en contact, par contre : "
                            "tu peux m’écrire à julie.tremblay@example.com, m’appeler "
                            "au 514 555-0123 ou m’inviter sur LinkedIn.\n"
                            "Au plaisir de se reparler bientôt,\n"
                            "Julie"
                        ),
                    },
                },
                {
                    "type": "message_template",
                    "value": {
                        "title": "Refus courtois à une cliente",
                        "context": (
                            "Même principe, au vouvoiement et sur un ton plus formel."
                        ),
                        "message": (
                            "Bonjour Madame Gagnon,\n"
                            "Je vous remercie de votre demande d’amitié sur Facebook.\n"
                            "Je réserve ce profil à ma vie privée, c’est pourquoi je "
                            "n’y ajoute pas mes relations professionnelles.\n"
                            "Je demeure toutefois à votre entière disposition : vous "
                            "pouvez me joindre au 514 555-0123, m’écrire à "
                            "julie.tremblay@example.com ou suivre la page de notre "
                            "entreprise.\n"
                            "Cordialement,\n"
                            "Julie Tremblay"
                        ),
                    },
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "Refuser sans froisser",
                        "dos": [
                            "Remercier la personne de sa demande.",
                            (
                                "Expliquer votre règle générale en une phrase, sans "
                                "vous justifier longuement."
                            ),
                            (
                                "Offrir un autre canal : courriel, téléphone, LinkedIn "
                                "ou page de l’entreprise."
                            ),
                            (
                                "Appliquer la même règle à tout le monde, y compris à "
                                "votre patron."
                            ),
                        ],
                        "donts": [
                            (
                                "Laisser la demande sans réponse pendant des mois en "
                                "espérant qu’elle soit oubliée."
                            ),
                            (
                                "Accepter à contrecœur, puis vous censurer sur votre "
                                "propre profil."
                            ),
                            (
                                "Inventer une excuse que la personne pourrait "
                                "découvrir plus tard."
                            ),
                            (
                                "Multiplier les exceptions au point de rendre votre "
                                "règle incohérente."
                            ),
                        ],
                    },
                },
                {
                    "type": "reflect",
                    "value": {
                        "prompt": (
                            "Quelle règle simple voulez-vous appliquer à votre profil "
                            "personnel ? Quel contact d’affaires vous a déjà mis dans "
                            "l’embarras avec une demande ?"
                        ),
                        "hint": (
                            "Formulez la règle en une seule phrase : c’est elle qui "
                            "figurera dans votre message d’accueil et dans vos "
                            "messages de refus."
                        ),
                    },
                },
            ],
        },
        {
            "title": "L’étiquette LinkedIn",
            "slug": "etiquette-linkedin",
            "summary": (
                "Sur LinkedIn, bâtissez des relations en personnalisant vos "
                "invitations, en contribuant aux discussions et en démontrant votre "
                "expertise."
            ),
            "estimated_minutes": 12,
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>LinkedIn ressemble à un grand événement de réseautage qui "
                        "ne ferme jamais ses portes. Les règles de savoir-vivre y sont "
                        "les mêmes qu’en personne : on se présente, on écoute, on aide "
                        "avant de demander. Ceux qui respectent ces codes en retirent "
                        "des contacts, des occasions d’affaires et une solide "
                        "réputation; ceux qui les ignorent passent vite pour des "
                        "vendeurs insistants.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Personnaliser chaque invitation", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Une invitation envoyée avec le texte par défaut ressemble "
                        "à une carte d’affaires lancée au hasard dans une salle. "
                        "Prenez plutôt une minute pour rappeler où vous vous êtes "
                        "rencontrés ou pourquoi vous souhaitez entrer en contact. Le "
                        "meilleur moment pour le faire : dès votre retour d’un "
                        "colloque ou d’une rencontre, pendant que la conversation est "
                        "encore fraîche dans la mémoire de chacun.</p>"
                    ),
                },
                {
                    "type": "message_template",
                    "value": {
                        "title": "Invitation personnalisée après un événement",
                        "context": (
                            "Note jointe à une invitation LinkedIn. Restez bref : "
                            "LinkedIn limite la longueur de la note et, pour les "
                            "comptes gratuits, parfois aussi le nombre de notes par "
                            "mois."
                        ),
                        "message": (
                            "Bonjour Sophie,\n"
                            "J’ai bien aimé notre échange sur la logistique régionale "
                            "au colloque de Québec jeudi dernier. J’aimerais qu’on "
                            "reste en contact ici.\n"
                            "Bonne semaine!\n"
                            "Marc"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Contribuer plutôt que vendre", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Sur LinkedIn, on gagne en visibilité en participant, pas "
                        "en diffusant : dans les groupes liés à votre domaine, posez "
                        "de bonnes questions, répondez à celles des autres et ajoutez "
                        "des commentaires qui font avancer la discussion. Un seul "
                        "commentaire vraiment utile peut vous faire connaître "
                        "davantage que dix publications promotionnelles.</p>"
                        "<p>Le réflexe du vendeur est ici contre-productif. Un conseil "
                        "gratuit, un article bien choisi ou une explication claire en "
                        "disent plus long sur votre compétence que n’importe quelle "
                        "offre. C’est ainsi qu’on finit par penser à vous en premier "
                        "lorsqu’un besoin se présente, et c’est souvent à ce moment "
                        "que les affaires se concluent.</p>"
                    ),
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "L’étiquette LinkedIn en bref",
                        "dos": [
                            "Ajouter une note personnelle à chaque invitation.",
                            "Répondre aux questions posées dans vos groupes.",
                            (
                                "Partager des ressources utiles, même quand elles ne "
                                "viennent pas de vous."
                            ),
                            (
                                "Être transparent sur qui vous êtes et sur ce que vous "
                                "offrez."
                            ),
                            "Revenir régulièrement, par exemple 20 minutes par jour.",
                        ],
                        "donts": [
                            (
                                "Envoyer un argumentaire de vente dès qu’une "
                                "invitation est acceptée."
                            ),
                            "Publier la même promotion dans tous les groupes.",
                            (
                                "Vous attribuer des titres ou des compétences que vous "
                                "n’avez pas."
                            ),
                            (
                                "Disparaître des mois, puis revenir seulement quand "
                                "vous avez besoin de quelque chose."
                            ),
                            "Inviter des inconnus en masse avec le message par défaut.",
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Joindre les décideurs", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>On trouve sur LinkedIn un grand nombre de gestionnaires, "
                        "de directeurs, de vice-présidents et de présidents "
                        "d’entreprise. Des recherches ciblées vous permettent de "
                        "repérer ceux qui comptent pour vos projets. Avant d’écrire, "
                        "regardez les relations que vous avez en commun : se présenter "
                        "par l’entremise d’une connaissance partagée ouvre bien plus "
                        "de portes qu’un message tombé du ciel. Faites l’essai pour "
                        "vos prochains premiers contacts : les appels à froid risquent "
                        "de vous manquer beaucoup moins que prévu.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_idea",
                        "title": "Une relation, pas une transaction",
                        "text": (
                            "<p>La sincérité se remarque : dites qui vous êtes, ce que "
                            "vous faites et ce que vous cherchez, sans enjoliver. "
                            "Pensez à moyen et à long terme; chaque échange ajoute une "
                            "pierre à un réseau qui vous rendra service le jour où "
                            "vous en aurez besoin.</p>"
                        ),
                    },
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "Votre profil est-il prêt à recevoir de la visite ?",
                        "items": [
                            (
                                "Votre titre dit clairement ce que vous faites et pour "
                                "qui."
                            ),
                            "Votre photo est récente et professionnelle.",
                            (
                                "Votre expérience décrit des réalisations, pas "
                                "seulement des tâches."
                            ),
                            "Vos coordonnées professionnelles sont à jour.",
                            (
                                "Vous avez publié ou commenté au moins une fois ce "
                                "mois-ci."
                            ),
                        ],
                    },
                },
                {
                    "type": "reflect",
                    "value": {
                        "prompt": (
                            "Pensez à une personne rencontrée récemment dans un cadre "
                            "professionnel. Qu’écririez-vous dans votre note "
                            "d’invitation ?"
                        ),
                        "hint": (
                            "Mentionnez le lieu ou le sujet de votre échange, et la "
                            "raison pour laquelle vous aimeriez rester en contact."
                        ),
                    },
                },
            ],
        },
        {
            "title": "La charte d’utilisation des médias sociaux et les ambassadeurs",
            "slug": "charte-et-ambassadeurs",
            "summary": (
                "Encadrez la prise de parole du personnel avec une charte claire, de "
                "la formation et un suivi bienveillant."
            ),
            "estimated_minutes": 12,
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Vos employés n’ont pas attendu la permission de la "
                        "direction pour ouvrir des comptes Facebook ou LinkedIn. La "
                        "question n’est donc plus de savoir s’ils y parleront de leur "
                        "travail, mais comment les outiller pour qu’ils le fassent "
                        "bien. Bien accompagné, chaque employé qui relaie une nouvelle "
                        "de l’entreprise en élargit la portée et renforce sa marque "
                        "employeur. Plusieurs grandes entreprises ont d’ailleurs mis "
                        "sur pied des programmes d’ambassadeurs structurés pour "
                        "profiter de cet effet multiplicateur.</p>"
                        "<p>Pourtant, les employés qui ne travaillent ni en marketing "
                        "ni en communication hésitent souvent à prendre la parole. Ils "
                        "ont peur de mal s’exprimer, manquent de temps, se méfient des "
                        "questions de confidentialité ou ne voient tout simplement pas "
                        "l’intérêt de la démarche.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Partir de la direction", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Le service des communications est le mieux placé pour "
                        "lancer le projet, puisqu’il connaît le fonctionnement des "
                        "réseaux. Son premier rôle consiste à proposer à la direction "
                        "générale un plan de sensibilisation et de formation. L’élan "
                        "devient réel lorsque la haute direction approuve la démarche "
                        "et l’inscrit dans ses orientations officielles. Si l’équipe "
                        "des communications doute de sa légitimité pour former ses "
                        "collègues, un formateur externe peut prendre le relais.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Ce que couvre la charte", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Une fois l’appui de la direction obtenu, il faut un cadre "
                        "commun. La charte d’utilisation des médias sociaux trace la "
                        "frontière entre ce qui est encouragé, toléré ou exclu "
                        "lorsqu’un employé parle en ligne de l’organisation ou de son "
                        "travail. Elle sert aussi d’outil de sensibilisation : la "
                        "lire, c’est déjà prendre l’habitude de réfléchir avant de "
                        "publier.</p>"
                    ),
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "Les éléments essentiels d’une charte",
                        "items": [
                            (
                                "Les limites de ce que le personnel peut dire au sujet "
                                "de l’organisation, de ses clients et de ses projets."
                            ),
                            (
                                "Les règles de base pour créer un compte, dont "
                                "l’interdiction d’utiliser un pseudonyme."
                            ),
                            (
                                "L’interdiction de publier des contenus politiques ou "
                                "polémiques qui pourraient nuire à l’image de "
                                "l’organisation."
                            ),
                            "La protection des informations confidentielles.",
                            (
                                "Les personnes à consulter avant de publier en cas de "
                                "doute."
                            ),
                            (
                                "La façon dont les rappels seront faits si une "
                                "publication sort du cadre."
                            ),
                        ],
                    },
                },
                {
                    "type": "quote",
                    "value": {
                        "quote": "Dans le doute, on pose la question avant de publier.",
                        "attribution": "Principe de la charte",
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Former et rassurer", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Une charte ne suffit pas si les gens ont peur. Chacun "
                        "connaît l’histoire d’une publication malheureuse qui a mal "
                        "tourné, et plusieurs redoutent qu’une photo de vacances "
                        "atterrisse sous les yeux de leur patron. Une formation "
                        "pratique montre que les réglages de confidentialité répondent "
                        "à l’essentiel de ces craintes. Insistez aussi sur ce que "
                        "chacun y gagne : une vitrine pour son parcours professionnel, "
                        "des contenus utiles, un réseau plus large et des trucs pour "
                        "mieux gérer son temps. Le témoignage d’un collègue déjà "
                        "convaincu pèse souvent plus lourd que tous les arguments du "
                        "formateur.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Accompagner sans sanctionner", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Après la formation, le service des communications s’assure "
                        "que les publications respectent la charte. Si un contenu "
                        "déborde du cadre, un rappel rapide permet de le faire "
                        "retirer. Ce rappel se fait sans punition : on explique la "
                        "raison, on propose une solution et on encourage la personne à "
                        "continuer de participer. Un ambassadeur découragé cesse tout "
                        "simplement de publier, et c’est toute l’organisation qui y "
                        "perd.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "warning",
                        "title": "Un rappel n’est pas une sanction",
                        "text": (
                            "<p>Un ton punitif cause plus de tort qu’une publication "
                            "maladroite. Corrigez en privé, expliquez le pourquoi et "
                            "remerciez la personne de son engagement.</p>"
                        ),
                    },
                },
                {
                    "type": "message_template",
                    "value": {
                        "title": "Rappel bienveillant à un collègue",
                        "context": (
                            "Message privé lorsqu’une publication qui mentionne "
                            "l’entreprise s’écarte de la charte."
                        ),
                        "message": (
                            "Salut Karim,\n"
                            "Merci de relayer nos nouvelles aussi souvent, ça fait une "
                            "vraie différence!\n"
                            "Ta publication d’hier, où tu mentionnes l’entreprise, "
                            "prend position sur les élections. Notre charte nous "
                            "demande d’éviter les sujets politiques quand on parle de "
                            "l’entreprise. Pourrais-tu la retirer ou enlever la "
                            "mention de l’entreprise?\n"
                            "Si tu veux, on peut regarder ensemble quelques idées de "
                            "sujets pour la semaine prochaine.\n"
                            "Merci encore,\n"
                            "Émilie, Communications"
                        ),
                    },
                },
                {
                    "type": "reflect",
                    "value": {
                        "prompt": (
                            "Si votre organisation adoptait une charte demain, quelle "
                            "règle vous semblerait la plus importante ? Laquelle "
                            "serait la plus difficile à faire respecter ?"
                        ),
                        "hint": (
                            "Pensez à la fois à la protection de l’image de "
                            "l’organisation et à la liberté dont les employés ont "
                            "besoin pour rester motivés."
                        ),
                    },
                },
            ],
        },
    ],
}

FINAL_QUIZ = {
    "title": "Examen final : les médias sociaux au travail",
    "instructions": (
        "<p>Ce questionnaire porte sur les six leçons du cours. Lisez chaque question "
        "attentivement : certaines comptent plusieurs bonnes réponses. La note de "
        "passage est de 70 %. Chaque question est accompagnée d’une explication qui "
        "renvoie à la leçon concernée.</p>"
    ),
    "pass_mark": 70,
    "questions": [
        {
            "type": "single_choice",
            "prompt": (
                "Vous voulez utiliser LinkedIn pour trouver des fournisseurs. Que "
                "devez-vous présenter en premier à votre direction ?"
            ),
            "explanation": (
                "Leçon 1 : une demande vague est presque toujours refusée. Un plan "
                "d’action qui précise vos raisons, vos objectifs et votre temps "
                "quotidien rassure la direction."
            ),
            "points": 1,
            "choices": [
                {
                    "text": (
                        "Un plan d’action avec des objectifs précis et le temps que "
                        "vous y consacrerez chaque jour."
                    ),
                    "correct": True,
                    "feedback": (
                        "Exact : un plan précis répond d’avance aux questions de la "
                        "direction."
                    ),
                },
                {
                    "text": (
                        "Quelques publications déjà faites au nom de l’entreprise, "
                        "pour prouver que ça fonctionne."
                    ),
                    "correct": False,
                    "feedback": (
                        "Risqué : publier au nom de l’organisation sans accord a déjà "
                        "coûté leur emploi à des employés."
                    ),
                },
                {
                    "text": (
                        "Une liste de grandes marques qui réussissent sur les médias "
                        "sociaux."
                    ),
                    "correct": False,
                    "feedback": (
                        "Ces exemples paraissent souvent hors de portée; de petites "
                        "réussites quotidiennes convainquent mieux."
                    ),
                },
                {
                    "text": (
                        "Une demande de plusieurs semaines de formation pendant les "
                        "heures de travail."
                    ),
                    "correct": False,
                    "feedback": (
                        "Mieux vaut vous exercer à la maison d’abord, pour être "
                        "efficace dès que l’autorisation arrive."
                    ),
                },
            ],
        },
        {
            "type": "multiple_response",
            "prompt": (
                "Quels arguments aident à convaincre une direction hésitante ? "
                "(Plusieurs réponses possibles.)"
            ),
            "explanation": (
                "Leçon 1 : le temps gagné, les petites victoires et une politique "
                "d’utilisation répondent directement à la crainte de perdre du temps "
                "et le contrôle."
            ),
            "points": 2,
            "scoring": "all_or_nothing",
            "choices": [
                {
                    "text": (
                        "Des exemples concrets de temps gagné grâce aux médias sociaux."
                    ),
                    "correct": True,
                    "feedback": (
                        "Oui : c’est la meilleure réponse à la peur du temps perdu."
                    ),
                },
                {
                    "text": (
                        "De petites réussites quotidiennes, comme une ressource "
                        "trouvée en quelques minutes."
                    ),
                    "correct": True,
                    "feedback": (
                        "Oui : ces exemples sont crédibles parce qu’ils sont à votre "
                        "portée."
                    ),
                },
                {
                    "text": (
                        "Une politique d’utilisation que vous vous engagez à respecter."
                    ),
                    "correct": True,
                    "feedback": "Oui : elle offre à la direction un moyen de contrôle.",
                },
                {
                    "text": (
                        "Le fait que des amis d’autres entreprises publient déjà sans "
                        "permission."
                    ),
                    "correct": False,
                    "feedback": (
                        "Non : cet argument ignore la crainte de la direction et "
                        "pousse à brûler les étapes."
                    ),
                },
                {
                    "text": (
                        "Une demande d’accès illimité pour tout le personnel dès "
                        "demain."
                    ),
                    "correct": False,
                    "feedback": (
                        "Non : aller trop vite nourrit la méfiance; avancez par étapes."
                    ),
                },
            ],
        },
        {
            "type": "true_false",
            "prompt": (
                "Pour réussir sur les médias sociaux, publier beaucoup compte "
                "davantage que publier régulièrement."
            ),
            "explanation": (
                "Leçon 2 : une présence courte mais constante rapporte plus que de "
                "longues séances suivies de silence."
            ),
            "points": 1,
            "answer": False,
            "feedback_true": (
                "Ce n’est pas le cas : la régularité l’emporte sur la quantité."
            ),
            "feedback_false": "Exact : la régularité l’emporte sur la quantité.",
        },
        {
            "type": "numeric",
            "prompt": (
                "Combien de minutes par jour la leçon suggère-t-elle pour bien "
                "commencer à entretenir votre présence sur LinkedIn ?"
            ),
            "explanation": (
                "Leçon 2 : environ 20 minutes par jour suffisent pour commencer, à "
                "condition d’être régulier."
            ),
            "points": 1,
            "answer": 20,
            "tolerance": 5,
            "unit": "minutes par jour",
        },
        {
            "type": "numeric",
            "prompt": (
                "Pour beaucoup d’organisations, combien de publications par semaine "
                "sur une page Facebook représentent un minimum pour obtenir un certain "
                "effet ?"
            ),
            "explanation": (
                "Leçon 2 : environ trois publications par semaine, sans compter les "
                "réponses aux clients; le bon rythme dépend toutefois du secteur."
            ),
            "points": 1,
            "answer": 3,
            "tolerance": 0,
            "unit": "publications par semaine",
        },
        {
            "type": "single_choice",
            "prompt": (
                "Votre directrice vous demande combien de temps par jour vous passerez "
                "sur les médias sociaux. Quelle réponse est la plus juste ?"
            ),
            "explanation": (
                "Leçon 2 : le temps découle des objectifs et des ressources "
                "disponibles; sans stratégie, aucun chiffre n’a de sens."
            ),
            "points": 1,
            "choices": [
                {
                    "text": "« Le moins possible, je verrai au fur et à mesure. »",
                    "correct": False,
                    "feedback": (
                        "Trop vague : c’est exactement ce qui inquiète une direction."
                    ),
                },
                {
                    "text": (
                        "« Tout dépend de nos objectifs; voici ceux que je propose et "
                        "le temps que chacun demandera. »"
                    ),
                    "correct": True,
                    "feedback": (
                        "Exact : vous reliez le temps aux objectifs, chiffres à "
                        "l’appui."
                    ),
                },
                {
                    "text": (
                        "« Au moins deux heures par jour, comme les grandes marques. »"
                    ),
                    "correct": False,
                    "feedback": (
                        "Un chiffre copié ailleurs ne tient pas compte de vos "
                        "objectifs ni de vos ressources."
                    ),
                },
                {
                    "text": (
                        "« Aucun temps, je le ferai le soir sur mon compte personnel. »"
                    ),
                    "correct": False,
                    "feedback": (
                        "Vous pouvez vous exercer à la maison, mais le travail pour "
                        "l’organisation doit être planifié et approuvé."
                    ),
                },
            ],
        },
        {
            "type": "single_choice",
            "prompt": (
                "Vous ne voulez pas de vie personnelle sur Facebook, mais vous devez "
                "gérer la page de votre entreprise. Quelle est la bonne solution ?"
            ),
            "explanation": (
                "Leçon 3 : une page professionnelle est toujours gérée à partir d’un "
                "compte personnel, que vous pouvez garder presque vide et bien "
                "verrouillé."
            ),
            "points": 1,
            "choices": [
                {
                    "text": "Créer un profil personnel au nom de l’entreprise.",
                    "correct": False,
                    "feedback": "Facebook ferme ce genre de comptes.",
                },
                {
                    "text": (
                        "Utiliser votre compte personnel seulement pour administrer la "
                        "page, sans ajouter d’amis ni publier."
                    ),
                    "correct": True,
                    "feedback": (
                        "Exact : le compte personnel est obligatoire, mais rien ne "
                        "vous force à vous en servir autrement."
                    ),
                },
                {
                    "text": "Gérer la page sans aucun compte Facebook.",
                    "correct": False,
                    "feedback": (
                        "Impossible : une page s’administre à partir d’un compte "
                        "personnel."
                    ),
                },
                {
                    "text": "Utiliser le compte d’un collègue.",
                    "correct": False,
                    "feedback": (
                        "Prêter des identifiants est risqué; chaque administrateur "
                        "doit avoir son propre accès."
                    ),
                },
            ],
        },
        {
            "type": "true_false",
            "prompt": (
                "Tout le monde peut suivre une page Facebook professionnelle, sauf les "
                "personnes que vous avez bloquées."
            ),
            "explanation": (
                "Leçon 3 : contrairement au profil personnel, la page est conçue pour "
                "être vue et suivie par le public."
            ),
            "points": 1,
            "answer": True,
            "feedback_true": (
                "Exact : la page est publique, contrairement au profil personnel."
            ),
            "feedback_false": (
                "En fait, c’est vrai : la page est publique, contrairement au profil "
                "personnel, où vous choisissez vos amis."
            ),
        },
        {
            "type": "single_choice",
            "prompt": (
                "Un fournisseur avec qui vous travaillez souvent vous envoie une "
                "demande d’amitié sur votre profil Facebook personnel, que vous "
                "réservez à vos proches. Quelle réponse est la meilleure ?"
            ),
            "explanation": (
                "Leçon 4 : un refus courtois remercie, explique la règle en une phrase "
                "et dirige la personne vers un canal professionnel."
            ),
            "points": 1,
            "choices": [
                {
                    "text": (
                        "Ignorer la demande sans rien dire; il finira bien par "
                        "l’oublier."
                    ),
                    "correct": False,
                    "feedback": (
                        "Le silence peut être mal interprété et ne lui offre aucun "
                        "autre moyen de vous joindre."
                    ),
                },
                {
                    "text": (
                        "L’accepter pour ne pas le froisser, puis éviter de publier "
                        "quoi que ce soit de personnel."
                    ),
                    "correct": False,
                    "feedback": (
                        "Vous perdez alors le contrôle de votre profil personnel."
                    ),
                },
                {
                    "text": (
                        "Lui écrire en privé pour le remercier, lui expliquer que "
                        "votre profil est réservé à vos proches et lui donner vos "
                        "coordonnées professionnelles ou votre LinkedIn."
                    ),
                    "correct": True,
                    "feedback": (
                        "Oui : la règle est claire, la relation est préservée et il "
                        "sait où vous joindre."
                    ),
                },
                {
                    "text": (
                        "Lui répondre que vous ne mêlez jamais travail et amitié, sans "
                        "plus de précisions."
                    ),
                    "correct": False,
                    "feedback": (
                        "Trop sec : sans coordonnées professionnelles, le refus "
                        "ressemble à une porte fermée."
                    ),
                },
            ],
        },
        {
            "type": "single_choice",
            "prompt": (
                "Quelle façon de faire vous donnera le plus de visibilité dans un "
                "groupe LinkedIn ?"
            ),
            "explanation": (
                "Leçon 5 : LinkedIn récompense la contribution. Démontrer votre "
                "expertise vaut mieux que vendre à tout prix."
            ),
            "points": 1,
            "choices": [
                {
                    "text": (
                        "Publier votre offre de services chaque semaine dans le groupe."
                    ),
                    "correct": False,
                    "feedback": (
                        "La promotion répétée agace et nuit à votre réputation."
                    ),
                },
                {
                    "text": (
                        "Répondre aux questions des membres et ajouter des "
                        "commentaires qui font avancer la discussion."
                    ),
                    "correct": True,
                    "feedback": (
                        "Oui : des contributions utiles font de vous une personne à "
                        "consulter."
                    ),
                },
                {
                    "text": (
                        "Vous joindre au plus grand nombre de groupes possible sans "
                        "jamais y intervenir."
                    ),
                    "correct": False,
                    "feedback": (
                        "Être membre sans participer n’apporte presque aucune "
                        "visibilité."
                    ),
                },
                {
                    "text": (
                        "Inviter tous les membres du groupe avec le message par défaut."
                    ),
                    "correct": False,
                    "feedback": (
                        "Les invitations non personnalisées sont souvent ignorées."
                    ),
                },
            ],
        },
        {
            "type": "single_choice",
            "prompt": (
                "Vous voulez joindre la directrice d’une entreprise que vous ne "
                "connaissez pas. Quelle démarche est la plus prometteuse ?"
            ),
            "explanation": (
                "Leçon 5 : beaucoup de décideurs sont présents sur LinkedIn; une "
                "recherche ciblée et une relation commune rendent le premier contact "
                "plus naturel."
            ),
            "points": 1,
            "choices": [
                {
                    "text": "L’appeler à froid à son bureau.",
                    "correct": False,
                    "feedback": (
                        "C’est possible, mais le taux de réponse est généralement "
                        "faible."
                    ),
                },
                {
                    "text": (
                        "Vérifier sur LinkedIn si une de vos relations la connaît, "
                        "puis l’inviter avec une note personnalisée."
                    ),
                    "correct": True,
                    "feedback": (
                        "Exact : une relation commune augmente nettement vos chances "
                        "de réponse."
                    ),
                },
                {
                    "text": "Lui envoyer une demande d’amitié sur Facebook.",
                    "correct": False,
                    "feedback": (
                        "Un profil personnel n’est pas le bon canal pour un premier "
                        "contact d’affaires."
                    ),
                },
                {
                    "text": (
                        "Commenter toutes ses publications jusqu’à ce qu’elle vous "
                        "remarque."
                    ),
                    "correct": False,
                    "feedback": "L’insistance produit généralement l’effet inverse.",
                },
            ],
        },
        {
            "type": "multiple_response",
            "prompt": (
                "Lesquels de ces éléments ont leur place dans une charte d’utilisation "
                "des médias sociaux ? (Plusieurs réponses possibles.)"
            ),
            "explanation": (
                "Leçon 6 : la charte fixe le cadre (identité réelle, sujets à éviter, "
                "limites de la prise de parole); le suivi passe par des rappels "
                "pédagogiques, pas par des sanctions."
            ),
            "points": 2,
            "scoring": "partial",
            "choices": [
                {
                    "text": "L’interdiction d’utiliser un pseudonyme.",
                    "correct": True,
                    "feedback": (
                        "Oui : c’est une règle de base au moment de créer un compte."
                    ),
                },
                {
                    "text": (
                        "L’interdiction de publier des contenus politiques ou "
                        "polémiques nuisibles à l’image de l’organisation."
                    ),
                    "correct": True,
                    "feedback": "Oui : c’est l’un des points centraux d’une charte.",
                },
                {
                    "text": (
                        "Les limites de ce que le personnel peut dire au sujet de "
                        "l’organisation."
                    ),
                    "correct": True,
                    "feedback": "Oui : la charte précise jusqu’où chacun peut aller.",
                },
                {
                    "text": (
                        "L’obligation d’accepter tous ses collègues comme amis sur "
                        "Facebook."
                    ),
                    "correct": False,
                    "feedback": (
                        "Non : le profil personnel reste sous le contrôle de chacun."
                    ),
                },
                {
                    "text": "Une liste de sanctions pour chaque écart.",
                    "correct": False,
                    "feedback": "Non : le cours recommande des rappels sans sanction.",
                },
            ],
        },
        {
            "type": "short_text",
            "prompt": (
                "Quel document interne précise jusqu’où le personnel peut aller "
                "lorsqu’il parle de l’organisation sur les médias sociaux ? (Un ou "
                "quelques mots.)"
            ),
            "explanation": (
                "Leçon 6 : la charte d’utilisation des médias sociaux, parfois appelée "
                "politique d’utilisation, fixe le cadre commun."
            ),
            "points": 1,
            "accepted": [
                "charte",
                "la charte",
                "charte d’utilisation",
                "charte d'utilisation",
                "charte d’utilisation des médias sociaux",
                "charte d'utilisation des médias sociaux",
                "charte des médias sociaux",
                "politique d’utilisation",
                "politique d'utilisation",
                "politique d’utilisation des médias sociaux",
                "politique d'utilisation des médias sociaux",
            ],
            "ignore_case": True,
            "ignore_accents": True,
            "ignore_punctuation": True,
        },
        {
            "type": "true_false",
            "prompt": (
                "Lorsqu’un employé publie un contenu contraire à la charte, il vaut "
                "mieux le sanctionner pour donner l’exemple."
            ),
            "explanation": (
                "Leçon 6 : les rappels se font sans sanction, en expliquant la raison, "
                "pour ne pas décourager les ambassadeurs."
            ),
            "points": 1,
            "answer": False,
            "feedback_true": (
                "Non : une sanction décourage les ambassadeurs. On fait plutôt un "
                "rappel bienveillant, en privé."
            ),
            "feedback_false": (
                "Exact : un rappel pédagogique, sans sanction, corrige le tir sans "
                "décourager la personne."
            ),
        },
        {
            "type": "ordering",
            "prompt": (
                "Remettez dans l’ordre les étapes pour faire des employés de bons "
                "ambassadeurs."
            ),
            "explanation": (
                "Leçon 6 : l’initiative vient des communications, la direction "
                "l’approuve, la charte fixe le cadre, la formation rassure, puis "
                "l’accompagnement maintient l’élan."
            ),
            "points": 2,
            "scoring": "relative",
            "items": [
                (
                    "Le service des communications propose un plan de sensibilisation "
                    "et de formation à la direction."
                ),
                "La direction générale approuve la démarche et l’annonce.",
                (
                    "L’organisation rédige et diffuse une charte d’utilisation des "
                    "médias sociaux."
                ),
                (
                    "Le personnel suit une formation qui le rassure et lui montre les "
                    "bénéfices."
                ),
                (
                    "Les communications accompagnent les employés et font des rappels "
                    "bienveillants au besoin."
                ),
            ],
        },
        {
            "type": "matching",
            "prompt": "Associez chaque outil à la bonne pratique qui lui correspond.",
            "explanation": (
                "Leçons 3, 5 et 6 : chaque espace a ses propres règles, du profil "
                "privé à la page publique, jusqu’aux groupes et à la charte."
            ),
            "points": 2,
            "pairs": [
                [
                    "Profil Facebook personnel",
                    "Réserver l’audience de vos publications à vos amis",
                ],
                [
                    "Page Facebook professionnelle",
                    "Publier des contenus publics liés à votre métier",
                ],
                ["Invitation LinkedIn", "Ajouter une note personnalisée"],
                ["Groupe LinkedIn", "Répondre aux questions des membres"],
                [
                    "Charte d’utilisation",
                    "Interdire les pseudonymes et les contenus polémiques",
                ],
            ],
        },
        {
            "type": "essay",
            "prompt": (
                "<p>Un client avec qui vous travaillez depuis deux ans vous envoie une "
                "demande d’amitié sur votre compte Facebook personnel. Rédigez deux "
                "courts textes : d’abord le message d’accueil public de votre profil, "
                "qui explique à qui vous réservez ce compte ; ensuite le message "
                "personnel que vous envoyez à ce client pour refuser sa demande sans "
                "le froisser.</p>"
            ),
            "explanation": (
                "Leçon 4 : un message d’accueil public pose la règle pour tout le "
                "monde, et un mot personnel, courtois, qui propose un canal de "
                "travail, préserve la relation d’affaires."
            ),
            "points": "4",
            "model_answer": (
                "<p>Accueil : « Ce profil est réservé à ma famille et à mes amis "
                "proches. Pour me joindre au sujet du travail, retrouvez-moi sur "
                "LinkedIn ou écrivez à mon adresse professionnelle. »</p>"
                "<p>Message : « Bonjour Marc, merci pour votre invitation, elle me "
                "touche. Je garde Facebook pour mes proches seulement ; c’est une "
                "règle que j’applique à tout le monde. Je serai ravie de rester en "
                "contact sur LinkedIn ou par courriel au bureau : "
                "julie.tremblay@exemple.org. Au plaisir de poursuivre notre "
                "collaboration ! »</p>"
            ),
            "min_words": 40,
            "max_words": 160,
            "grader_instructions": (
                "<p>Lisez les deux textes ensemble. Le refus doit rester chaleureux "
                "et présenter la règle comme générale, jamais comme un jugement sur "
                "le client. Une adresse courriel de travail, un numéro du bureau ou "
                "un profil LinkedIn comptent comme coordonnées professionnelles. "
                "Retirez le point « vie privée » si le texte révèle des détails "
                "personnels (adresse, famille, horaires, vacances).</p>"
            ),
            "rubric": [
                {
                    "criterion": "Politesse",
                    "levels": [
                        {"label": "Sec ou blessant", "points": "0"},
                        {"label": "Correct mais impersonnel", "points": "0.5"},
                        {"label": "Chaleureux et courtois", "points": "1"},
                    ],
                },
                {
                    "criterion": "Donne un contact professionnel",
                    "levels": [
                        {"label": "Aucun autre moyen de contact", "points": "0"},
                        {"label": "Propose un canal de travail précis", "points": "1"},
                    ],
                },
                {
                    "criterion": "Évite les détails personnels",
                    "levels": [
                        {"label": "Révèle des détails privés", "points": "0"},
                        {"label": "Rien de privé n’est dévoilé", "points": "1"},
                    ],
                },
                {
                    "criterion": "Longueur",
                    "levels": [
                        {"label": "Trop court ou trop long", "points": "0"},
                        {"label": "Bref et complet", "points": "1"},
                    ],
                },
            ],
        },
    ],
}

KNOWLEDGE_CHECKS = {
    "parametres-de-confidentialite": {
        "title": "Vérification des connaissances : paramètres de confidentialité",
        "instructions": (
            "<p>Trois questions rapides pour vérifier ce que vous avez retenu de la "
            "leçon sur le profil, la page et les réglages de confidentialité.</p>"
        ),
        "pass_mark": 70,
        "questions": [
            {
                "type": "true_false",
                "prompt": (
                    "On peut gérer une page Facebook professionnelle sans avoir de "
                    "compte personnel."
                ),
                "explanation": (
                    "Une page s’administre toujours à partir d’un compte personnel; "
                    "vous pouvez toutefois garder ce compte presque vide."
                ),
                "points": 1,
                "answer": False,
                "feedback_true": (
                    "Non : un compte personnel est obligatoire pour administrer une "
                    "page."
                ),
                "feedback_false": (
                    "Exact : la page doit être rattachée à un compte personnel."
                ),
            },
            {
                "type": "single_choice",
                "prompt": (
                    "Quel réglage Facebook empêche les personnes qui ne sont pas vos "
                    "amies de voir vos prochaines publications ?"
                ),
                "explanation": (
                    "Dans Audience et visibilité > Publications, l’audience des "
                    "publications futures détermine qui les verra."
                ),
                "points": 1,
                "choices": [
                    {
                        "text": (
                            "Régler l’audience de vos publications futures sur Amis."
                        ),
                        "correct": True,
                        "feedback": (
                            "Exact : vos prochaines publications ne seront visibles "
                            "que par vos amis."
                        ),
                    },
                    {
                        "text": "Activer l’authentification à deux facteurs.",
                        "correct": False,
                        "feedback": (
                            "Ce réglage protège l’accès au compte, pas l’audience de "
                            "vos publications."
                        ),
                    },
                    {
                        "text": "Retirer votre photo de profil.",
                        "correct": False,
                        "feedback": (
                            "Cela ne change rien à l’audience de vos publications."
                        ),
                    },
                    {
                        "text": "Accepter toutes les demandes d’amitié.",
                        "correct": False,
                        "feedback": (
                            "C’est plutôt l’inverse : cela élargit votre audience."
                        ),
                    },
                ],
            },
            {
                "type": "matching",
                "prompt": "Associez chaque réglage à ce qu’il permet de faire.",
                "explanation": (
                    "Chaque section des paramètres répond à un besoin précis : "
                    "audience, identifications, profil public et sécurité."
                ),
                "points": 2,
                "pairs": [
                    [
                        "Publications (Facebook)",
                        "Choisir qui voit vos prochaines publications",
                    ],
                    [
                        "Profil et identification (Facebook)",
                        "Approuver les identifications avant qu’elles s’affichent",
                    ],
                    [
                        "Profil public (LinkedIn)",
                        "Choisir ce que voient les moteurs de recherche",
                    ],
                    [
                        "Connexion et sécurité (LinkedIn)",
                        "Activer la vérification en deux étapes",
                    ],
                ],
            },
        ],
    },
    "dire-non-a-une-demande-d-amitie": {
        "title": "Vérification des connaissances : dire non à une demande d’amitié",
        "instructions": (
            "<p>Trois questions rapides pour vérifier ce que vous avez retenu de la "
            "leçon sur le refus courtois d’une demande d’amitié.</p>"
        ),
        "pass_mark": 70,
        "questions": [
            {
                "type": "single_choice",
                "prompt": (
                    "À quoi sert le message d’accueil public sur votre profil "
                    "personnel ?"
                ),
                "explanation": (
                    "Le message d’accueil fixe la règle d’avance : un refus s’applique "
                    "alors à tout le monde et paraît moins personnel."
                ),
                "points": 1,
                "choices": [
                    {
                        "text": (
                            "À annoncer d’avance qui vous acceptez comme ami, pour que "
                            "les refus paraissent moins personnels."
                        ),
                        "correct": True,
                        "feedback": (
                            "Exact : la règle est connue avant même la demande."
                        ),
                    },
                    {
                        "text": "À faire la promotion de vos services.",
                        "correct": False,
                        "feedback": (
                            "Non : la promotion a sa place sur une page "
                            "professionnelle ou sur LinkedIn."
                        ),
                    },
                    {
                        "text": "À remplacer la page professionnelle de l’entreprise.",
                        "correct": False,
                        "feedback": (
                            "Non : le profil personnel et la page jouent des rôles "
                            "différents."
                        ),
                    },
                    {
                        "text": (
                            "À inviter tous vos contacts d’affaires à devenir vos amis."
                        ),
                        "correct": False,
                        "feedback": (
                            "C’est l’inverse : le message annonce que votre profil est "
                            "réservé à vos proches."
                        ),
                    },
                ],
            },
            {
                "type": "true_false",
                "prompt": (
                    "Refuser la demande d’amitié d’une cliente revient à refuser la "
                    "relation professionnelle."
                ),
                "explanation": (
                    "Un refus courtois dirige simplement la relation vers le bon "
                    "canal, grâce à vos coordonnées professionnelles."
                ),
                "points": 1,
                "answer": False,
                "feedback_true": (
                    "Non : vous offrez un autre canal, la relation se poursuit "
                    "ailleurs."
                ),
                "feedback_false": (
                    "Exact : la relation se poursuit par courriel, par téléphone ou "
                    "sur LinkedIn."
                ),
            },
            {
                "type": "ordering",
                "prompt": (
                    "Remettez dans l’ordre la démarche pour refuser une demande "
                    "d’amitié sans froisser."
                ),
                "explanation": (
                    "On fixe d’abord la règle en public; le message personnel "
                    "remercie, explique, puis propose un autre canal."
                ),
                "points": 2,
                "scoring": "position",
                "items": [
                    (
                        "Publier un message d’accueil public qui précise qui vous "
                        "acceptez."
                    ),
                    "Remercier la personne dans un message privé.",
                    "Expliquer votre règle en une phrase.",
                    "Lui donner vos coordonnées professionnelles ou votre LinkedIn.",
                ],
            },
        ],
    },
}
