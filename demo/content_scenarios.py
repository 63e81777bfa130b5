"""The demo's three branching scenarios, French first, English second.

Written in our own words from the seed topics: a client's friend request on a
personal Facebook profile, a colleague's polemical post about the
organisation, a LinkedIn invitation without a note from a decision-maker.
Each situation is ``(key, label, speaker, text, choices, debrief)``; a choice
is ``(text, leads_to, consequence, points)``; a situation with a debrief and
no choice is an ending. Keys are the same in both languages.
"""

FRIEND_REQUEST = {
    "slug": "demande-ami-client",
    "fr": {
        "title": "Un client vous demande en ami sur Facebook",
        "introduction": "Vous suivez le dossier de Mme Tremblay depuis des mois. "
        "Ce soir, elle vous envoie une demande d'ami sur votre profil Facebook "
        "personnel. Que faites-vous ?",
        "situations": [
            (
                "start",
                "La demande d'ami",
                "Mme Tremblay, cliente",
                "La notification s'affiche : « Line Tremblay vous a envoyé une demande "
                "d'ami ». Votre profil montre vos enfants, vos vacances et vos "
                "opinions.",
                [
                    (
                        "Accepter : refuser serait impoli.",
                        "accepted",
                        "Mme Tremblay a maintenant accès à vos photos et à vos "
                        "publications.",
                        -2,
                    ),
                    (
                        "Ne rien faire et laisser la demande en attente.",
                        "silence",
                        "La demande reste en suspens. Rien n'est réglé pour autant.",
                        0,
                    ),
                    (
                        "Refuser et lui écrire un mot poli avec vos coordonnées "
                        "professionnelles.",
                        "polite",
                        "Vous lui expliquez que ce profil est réservé à vos proches "
                        "et où vous "
                        "joindre au travail.",
                        2,
                    ),
                ],
                "",
            ),
            (
                "accepted",
                "Elle voit tout",
                "Mme Tremblay, cliente",
                "Le lendemain, elle commente vos photos de vacances puis, à 22 h, vous "
                "écrit sur Messenger : « Où en est mon dossier ? »",
                [
                    (
                        "Lui répondre sur Messenger avec les détails du dossier.",
                        "bad_end",
                        "Des renseignements sur son dossier circulent maintenant dans "
                        "une "
                        "messagerie personnelle.",
                        -2,
                    ),
                    (
                        "Répondre que vous la rappellerez demain au bureau, puis "
                        "revoir vos "
                        "paramètres de confidentialité.",
                        "settings",
                        "Vous ramenez l'échange vers le canal professionnel.",
                        1,
                    ),
                ],
                "",
            ),
            (
                "silence",
                "Une relance",
                "Mme Tremblay, cliente",
                "Une semaine plus tard, au téléphone, elle vous demande si vous avez "
                "vu "
                "sa demande d'ami.",
                [
                    (
                        "Expliquer votre règle : ce profil est pour vos proches ; "
                        "elle peut "
                        "suivre la page de l'organisation et votre profil LinkedIn.",
                        "good_end",
                        "Elle comprend : c'est une règle, pas un rejet.",
                        2,
                    ),
                    (
                        "Dire que vous allez l'accepter tout de suite, pour éviter le "
                        "malaise.",
                        "accepted",
                        "Le malaise est évité… pour l'instant.",
                        -1,
                    ),
                ],
                "",
            ),
            (
                "polite",
                "Sa réponse",
                "Mme Tremblay, cliente",
                "Elle répond, un peu déçue : « Je comprends. Est-ce que je peux vous "
                "suivre ailleurs ? »",
                [
                    (
                        "Lui indiquer la page de l'organisation et votre profil "
                        "LinkedIn.",
                        "good_end",
                        "Elle s'abonne à la page de l'organisation.",
                        2,
                    ),
                    (
                        "Lui donner votre numéro de cellulaire personnel.",
                        "bad_end",
                        "Les appels arrivent maintenant le soir et la fin de semaine.",
                        -2,
                    ),
                ],
                "",
            ),
            (
                "settings",
                "Vos paramètres",
                "",
                "Dans les paramètres de Facebook, vous pouvez limiter ce qu'une "
                "personne voit et ajouter une mention publique sur votre profil.",
                [
                    (
                        "Ajouter une mention publique (« profil réservé à mes proches "
                        "») et "
                        "limiter ce que voient vos contacts de travail.",
                        "mixed_end",
                        "Vos publications passées sont mieux protégées.",
                        1,
                    ),
                    (
                        "Tout laisser tel quel.",
                        "bad_end",
                        "Rien ne change : vie privée et travail restent mêlés.",
                        -1,
                    ),
                ],
                "",
            ),
            (
                "good_end",
                "Une frontière claire",
                "",
                "Votre profil personnel reste "
                "personnel, et Mme Tremblay sait comment vous joindre.",
                [],
                "Refuser une demande n'est pas impoli quand on l'explique. Un mot "
                "courtois, une règle claire et vos coordonnées professionnelles "
                "protègent votre vie privée et la relation avec le client.",
            ),
            (
                "mixed_end",
                "Un compromis",
                "",
                "La cliente reste dans vos amis, mais "
                "vous avez limité ce qu'elle voit.",
                [],
                "Les paramètres de confidentialité réparent une partie du problème. "
                "Mieux vaut décider avant d'accepter : c'est plus simple de dire non "
                "que de retirer quelqu'un plus tard.",
            ),
            (
                "bad_end",
                "Des frontières brouillées",
                "",
                "Le travail déborde sur "
                "votre vie privée, et des informations du dossier circulent hors des "
                "canaux prévus.",
                [],
                "Un client qui a accès à votre profil personnel voit plus que "
                "nécessaire, et les échanges sur son dossier doivent passer par les "
                "canaux de l'organisation. Gardez une règle simple et dites-la.",
            ),
        ],
    },
    "en": {
        "title": "A client sends you a friend request on Facebook",
        "introduction": "You have handled Ms Tremblay's file for months. This "
        "evening she sends a friend request to your personal Facebook profile. "
        "What do you do?",
        "situations": [
            (
                "start",
                "The friend request",
                "Ms Tremblay, client",
                "The notification pops up: “Line Tremblay sent you a friend request”. "
                "Your profile shows your children, your holidays and your opinions.",
                [
                    (
                        "Accept: saying no would be rude.",
                        "accepted",
                        "Ms Tremblay can now see your photos and your posts.",
                        -2,
                    ),
                    (
                        "Do nothing and leave the request pending.",
                        "silence",
                        "The request waits. Nothing is settled, though.",
                        0,
                    ),
                    (
                        "Decline and send her a polite note with your work contact "
                        "details.",
                        "polite",
                        "You explain that this profile is for family and friends, and "
                        "where "
                        "to reach you at work.",
                        2,
                    ),
                ],
                "",
            ),
            (
                "accepted",
                "She sees everything",
                "Ms Tremblay, client",
                "The next day she comments on your holiday photos, then at 10 p.m. "
                "messages you: “How is my file coming along?”",
                [
                    (
                        "Reply on Messenger with the details of her file.",
                        "bad_end",
                        "Details of her file now sit in a personal messaging app.",
                        -2,
                    ),
                    (
                        "Reply that you will call her tomorrow from the office, then "
                        "review "
                        "your privacy settings.",
                        "settings",
                        "You bring the conversation back to the work channel.",
                        1,
                    ),
                ],
                "",
            ),
            (
                "silence",
                "A reminder",
                "Ms Tremblay, client",
                "A week later, on the phone, she asks whether you saw her friend "
                "request.",
                [
                    (
                        "Explain your rule: the profile is for family and friends; "
                        "she can "
                        "follow the organisation's page and your LinkedIn profile.",
                        "good_end",
                        "She understands: it is a rule, not a rejection.",
                        2,
                    ),
                    (
                        "Say you will accept it right away, to avoid awkwardness.",
                        "accepted",
                        "The awkwardness is avoided… for now.",
                        -1,
                    ),
                ],
                "",
            ),
            (
                "polite",
                "Her answer",
                "Ms Tremblay, client",
                "She replies, a little disappointed: “I understand. Can I follow you "
                "somewhere else?”",
                [
                    (
                        "Point her to the organisation's page and your LinkedIn "
                        "profile.",
                        "good_end",
                        "She follows the organisation's page.",
                        2,
                    ),
                    (
                        "Give her your personal mobile number.",
                        "bad_end",
                        "Calls now come in the evening and at weekends.",
                        -2,
                    ),
                ],
                "",
            ),
            (
                "settings",
                "Your settings",
                "",
                "Facebook's settings let you limit what one person sees and add a "
                "public note to your profile.",
                [
                    (
                        "Add a public note (“this profile is for family and friends”) "
                        "and "
                        "limit what work contacts see.",
                        "mixed_end",
                        "Your past posts are better protected.",
                        1,
                    ),
                    (
                        "Leave everything as it is.",
                        "bad_end",
                        "Nothing changes: private life and work stay mixed.",
                        -1,
                    ),
                ],
                "",
            ),
            (
                "good_end",
                "A clear boundary",
                "",
                "Your personal profile stays "
                "personal, and Ms Tremblay knows how to reach you.",
                [],
                "Declining a request is not rude when you explain it. A courteous "
                "note, a clear rule and your work contact details protect both your "
                "privacy and the client relationship.",
            ),
            (
                "mixed_end",
                "A compromise",
                "",
                "The client stays among your friends, "
                "but you have limited what she sees.",
                [],
                "Privacy settings repair part of the problem. It is better to decide "
                "before accepting: saying no is easier than removing someone later.",
            ),
            (
                "bad_end",
                "Blurred boundaries",
                "",
                "Work spills into your private "
                "life, and details of the file travel outside the proper channels.",
                [],
                "A client with access to your personal profile sees more than they "
                "need, and conversations about a file belong in the organisation's "
                "channels. Keep a simple rule and say it.",
            ),
        ],
    },
}

POLEMICAL_POST = {
    "slug": "publication-polemique-collegue",
    "fr": {
        "title": "Un collègue publie un billet polémique sur l'organisation",
        "introduction": "Julien, un collègue, critique publiquement sur Facebook "
        "une décision de la direction. Plusieurs de vos contacts réagissent déjà.",
        "situations": [
            (
                "start",
                "Le billet",
                "Julien, collègue",
                "« Encore une décision prise en vase clos : fermer le point de service "
                "du quartier, bravo ! » Le billet identifie l'organisation et compte "
                "déjà quarante réactions.",
                [
                    (
                        "Commenter pour l'appuyer : il a raison sur le fond.",
                        "pile_on",
                        "Votre commentaire, signé de votre nom, ajoute de l'huile sur "
                        "le "
                        "feu.",
                        -2,
                    ),
                    (
                        "Répondre publiquement pour défendre l'organisation.",
                        "debate",
                        "Vous voilà dans le débat, comme si vous parliez au nom de "
                        "l'organisation.",
                        -1,
                    ),
                    (
                        "Ne pas réagir en public et écrire à Julien en privé.",
                        "private",
                        "Le billet ne gagne pas en visibilité grâce à vous.",
                        2,
                    ),
                ],
                "",
            ),
            (
                "pile_on",
                "La discussion s'enflamme",
                "",
                "Un journaliste local vous écrit : « Vous travaillez là ; pouvez-vous "
                "confirmer que la fermeture est décidée ? »",
                [
                    (
                        "Retirer votre commentaire et prévenir l'équipe des "
                        "communications.",
                        "repair",
                        "Les communications prennent le relais.",
                        1,
                    ),
                    (
                        "Lui répondre ce que vous savez.",
                        "bad_end",
                        "Votre réponse est citée dans l'article du lendemain.",
                        -2,
                    ),
                ],
                "",
            ),
            (
                "debate",
                "Porte-parole malgré vous",
                "Une citoyenne",
                "Une citoyenne vous demande en commentaire combien de personnes "
                "utilisaient ce point de service.",
                [
                    (
                        "La diriger vers les canaux officiels et vous retirer de la "
                        "discussion.",
                        "repair",
                        "Vous évitez de parler au nom de l'organisation.",
                        1,
                    ),
                    (
                        "Lui donner les chiffres d'un document interne.",
                        "bad_end",
                        "Des données internes sont maintenant publiques.",
                        -3,
                    ),
                ],
                "",
            ),
            (
                "private",
                "Une conversation privée",
                "Julien, collègue",
                "Julien vous répond : « Je suis fâché ; personne ne nous a "
                "consultés. »",
                [
                    (
                        "L'écouter, puis lui proposer de retirer le billet et de "
                        "porter ses "
                        "préoccupations par les voies internes, avec vous s'il le "
                        "veut.",
                        "good_end",
                        "Julien retire le billet le soir même.",
                        2,
                    ),
                    (
                        "Lui dire que vous allez le signaler aux ressources humaines.",
                        "cold",
                        "Julien se ferme ; le billet reste en ligne.",
                        -1,
                    ),
                ],
                "",
            ),
            (
                "repair",
                "Réparer",
                "Équipe des communications",
                "Les communications vous remercient et vous rappellent la politique "
                "sur l'usage des médias sociaux.",
                [
                    (
                        "Relire la politique et attendre la réponse officielle pour la "
                        "partager.",
                        "mixed_end",
                        "Vous partagez la réponse officielle quand elle paraît.",
                        1,
                    )
                ],
                "",
            ),
            (
                "cold",
                "Un froid",
                "Julien, collègue",
                "Le lendemain, Julien vous évite à la pause.",
                [
                    (
                        "Vous excuser du ton, lui expliquer votre inquiétude et lui "
                        "suggérer les voies internes.",
                        "good_end",
                        "La conversation reprend sur de meilleures bases.",
                        1,
                    ),
                    ("Laisser tomber.", "mixed_end", "Le malaise reste.", 0),
                ],
                "",
            ),
            (
                "good_end",
                "Le débat revient à l'interne",
                "",
                "Le billet est retiré et les préoccupations de Julien sont portées "
                "aux bonnes personnes.",
                [],
                "Réagir en public donne de la visibilité à une crise. Une "
                "conversation privée et respectueuse, suivie des voies internes, "
                "protège votre collègue, l'organisation et vous-même.",
            ),
            (
                "mixed_end",
                "La crise est contenue",
                "",
                "La discussion s'est calmée, mais pas sans traces.",
                [],
                "Les communications savent gérer une crise : prévenez-les tôt et "
                "laissez-les répondre. Évitez de commenter à chaud, dans un sens "
                "comme dans l'autre.",
            ),
            (
                "bad_end",
                "Dans le journal",
                "",
                "Vos mots, ou des données internes, se retrouvent dans les médias.",
                [],
                "Un employé qui commente en public est lu comme une voix de "
                "l'organisation. Ne confirmez rien, ne partagez aucune donnée "
                "interne : dirigez vers les porte-parole.",
            ),
        ],
    },
    "en": {
        "title": "A colleague's polemical post about the organisation",
        "introduction": "Julien, a colleague, publicly criticises a management "
        "decision on Facebook. Several of your contacts are already reacting.",
        "situations": [
            (
                "start",
                "The post",
                "Julien, colleague",
                "“Another decision made behind closed doors: closing the "
                "neighbourhood service point, well done!” The post tags the "
                "organisation and already has forty reactions.",
                [
                    (
                        "Comment in support: he is right on the substance.",
                        "pile_on",
                        "Your comment, under your name, adds fuel to the fire.",
                        -2,
                    ),
                    (
                        "Reply publicly to defend the organisation.",
                        "debate",
                        "You are now in the debate, as if you spoke for the "
                        "organisation.",
                        -1,
                    ),
                    (
                        "Do not react in public; write to Julien privately.",
                        "private",
                        "The post gains no visibility through you.",
                        2,
                    ),
                ],
                "",
            ),
            (
                "pile_on",
                "The thread heats up",
                "",
                "A local journalist writes to you: “You work there; can you confirm "
                "the closure is decided?”",
                [
                    (
                        "Delete your comment and alert the communications team.",
                        "repair",
                        "Communications take over.",
                        1,
                    ),
                    (
                        "Tell the journalist what you know.",
                        "bad_end",
                        "Your answer is quoted in the next day's article.",
                        -2,
                    ),
                ],
                "",
            ),
            (
                "debate",
                "Spokesperson despite yourself",
                "A resident",
                "A resident asks you in a comment how many people used that service "
                "point.",
                [
                    (
                        "Point her to the official channels and leave the discussion.",
                        "repair",
                        "You avoid speaking for the organisation.",
                        1,
                    ),
                    (
                        "Give her the figures from an internal document.",
                        "bad_end",
                        "Internal data is now public.",
                        -3,
                    ),
                ],
                "",
            ),
            (
                "private",
                "A private conversation",
                "Julien, colleague",
                "Julien answers: “I am angry; nobody asked us.”",
                [
                    (
                        "Listen, then suggest he takes the post down and raises his "
                        "concerns through internal channels, with you if he wishes.",
                        "good_end",
                        "Julien takes the post down that evening.",
                        2,
                    ),
                    (
                        "Tell him you will report him to human resources.",
                        "cold",
                        "Julien shuts down; the post stays online.",
                        -1,
                    ),
                ],
                "",
            ),
            (
                "repair",
                "Repairing",
                "Communications team",
                "Communications thank you and remind you of the social media policy.",
                [
                    (
                        "Reread the policy and wait for the official answer before "
                        "sharing "
                        "it.",
                        "mixed_end",
                        "You share the official answer when it comes out.",
                        1,
                    )
                ],
                "",
            ),
            (
                "cold",
                "A chill",
                "Julien, colleague",
                "The next day, Julien avoids you at the break.",
                [
                    (
                        "Apologise for your tone, explain your concern and suggest the "
                        "internal channels.",
                        "good_end",
                        "The conversation starts again on a better footing.",
                        1,
                    ),
                    ("Let it go.", "mixed_end", "The unease stays.", 0),
                ],
                "",
            ),
            (
                "good_end",
                "The debate moves back inside",
                "",
                "The post is down and Julien's concerns reach the right people.",
                [],
                "Reacting in public gives a crisis visibility. A private, respectful "
                "conversation, then the internal channels, protect your colleague, "
                "the organisation and yourself.",
            ),
            (
                "mixed_end",
                "The crisis is contained",
                "",
                "The discussion has calmed down, though not without traces.",
                [],
                "Communications know how to handle a crisis: tell them early and let "
                "them answer. Avoid commenting in the heat of the moment, either way.",
            ),
            (
                "bad_end",
                "In the newspaper",
                "",
                "Your words, or internal data, end up in the media.",
                [],
                "An employee commenting in public is read as a voice of the "
                "organisation. Confirm nothing, share no internal data: point to the "
                "spokespeople.",
            ),
        ],
    },
}

LINKEDIN_INVITATION = {
    "slug": "invitation-linkedin-decideuse",
    "fr": {
        "title": "Une décideuse vous invite sur LinkedIn, sans message",
        "introduction": "Nadia Roy dirige les achats d'une entreprise que vous "
        "aimeriez compter parmi vos clients. Elle vous envoie une invitation "
        "LinkedIn, sans un mot.",
        "situations": [
            (
                "start",
                "L'invitation",
                "Nadia Roy, directrice des achats",
                "« Nadia Roy souhaite se connecter avec vous. » Aucun message "
                "n'accompagne l'invitation.",
                [
                    (
                        "Accepter et lui envoyer aussitôt votre brochure.",
                        "pitch",
                        "Votre premier message est une vente.",
                        -2,
                    ),
                    (
                        "Consulter son profil avant d'accepter.",
                        "checked",
                        "Vous apprenez ce qui l'intéresse.",
                        1,
                    ),
                    (
                        "L'ignorer : sans message, elle n'est sûrement pas intéressée.",
                        "ignored",
                        "L'invitation reste sans réponse.",
                        -1,
                    ),
                ],
                "",
            ),
            (
                "checked",
                "Son profil",
                "",
                "La semaine dernière, elle a publié sur la fiabilité des "
                "fournisseurs locaux. Vous faites partie d'un même groupe "
                "professionnel.",
                [
                    (
                        "Accepter et la remercier en deux lignes, en mentionnant sa "
                        "publication, sans rien vendre.",
                        "thanks",
                        "Votre message est court, personnel et utile.",
                        2,
                    ),
                    (
                        "Accepter sans rien dire.",
                        "quiet",
                        "Vous voilà connectés, sans plus.",
                        0,
                    ),
                ],
                "",
            ),
            (
                "pitch",
                "Pas de réponse",
                "",
                "Deux semaines passent. Elle n'a pas répondu à votre brochure.",
                [
                    (
                        "Relancer avec votre liste de prix.",
                        "bad_end",
                        "Elle retire la connexion.",
                        -2,
                    ),
                    (
                        "Prendre du recul et commenter utilement ses publications au "
                        "fil "
                        "des semaines.",
                        "quiet",
                        "Vous vous faites connaître autrement.",
                        1,
                    ),
                ],
                "",
            ),
            (
                "ignored",
                "Une seconde chance",
                "Une collègue",
                "Une collègue vous apprend que Mme Roy cherche justement des "
                "fournisseurs comme vous.",
                [
                    (
                        "Accepter l'invitation et lui écrire un mot personnalisé.",
                        "thanks",
                        "Vous rattrapez le temps perdu.",
                        1,
                    ),
                    (
                        "Attendre qu'elle vous écrive.",
                        "bad_end",
                        "Elle choisit un autre fournisseur.",
                        -1,
                    ),
                ],
                "",
            ),
            (
                "quiet",
                "Entretenir le lien",
                "",
                "Quelques semaines plus tard, vous lisez un article qui répond à une "
                "question qu'elle posait dans le groupe.",
                [
                    (
                        "Le lui partager avec une phrase sur ce qui pourrait l'aider.",
                        "good_end",
                        "Elle vous remercie et propose d'en parler.",
                        2,
                    ),
                    (
                        "Lui demander tout de suite un rendez-vous.",
                        "mixed_end",
                        "Elle répond poliment qu'elle n'a pas le temps.",
                        0,
                    ),
                ],
                "",
            ),
            (
                "thanks",
                "Elle répond",
                "Nadia Roy, directrice des achats",
                "« Merci ! Je connais mal votre entreprise ; que faites-vous "
                "exactement ? »",
                [
                    (
                        "Répondre en trois phrases et proposer un appel de quinze "
                        "minutes "
                        "quand cela lui convient.",
                        "good_end",
                        "Elle accepte l'appel.",
                        2,
                    ),
                    (
                        "Envoyer une longue présentation et trois pièces jointes.",
                        "mixed_end",
                        "Elle ne lit pas tout.",
                        -1,
                    ),
                ],
                "",
            ),
            (
                "good_end",
                "Une relation qui démarre",
                "",
                "Vous avez gagné l'attention de Mme Roy sans la presser.",
                [],
                "Une invitation sans message reste une porte ouverte. Renseignez-vous, "
                "remerciez, apportez quelque chose d'utile : la vente viendra de la "
                "relation, pas du premier message.",
            ),
            (
                "mixed_end",
                "Un lien fragile",
                "",
                "Le contact est établi, mais votre message n'a pas porté.",
                [],
                "Trop, trop vite : un message court et utile ouvre plus de portes "
                "qu'une présentation complète.",
            ),
            (
                "bad_end",
                "Une occasion manquée",
                "",
                "Mme Roy s'est tournée ailleurs.",
                [],
                "Ignorer une invitation ou répondre par de la publicité ferme la "
                "porte. Prenez le temps de personnaliser votre réponse.",
            ),
        ],
    },
    "en": {
        "title": "A decision-maker invites you on LinkedIn, without a note",
        "introduction": "Nadia Roy heads purchasing at a company you would like as "
        "a client. She sends you a LinkedIn invitation, without a word.",
        "situations": [
            (
                "start",
                "The invitation",
                "Nadia Roy, head of purchasing",
                "“Nadia Roy wants to connect with you.” No note comes with the "
                "invitation.",
                [
                    (
                        "Accept and send her your brochure straight away.",
                        "pitch",
                        "Your first message is a sales pitch.",
                        -2,
                    ),
                    (
                        "Look at her profile before accepting.",
                        "checked",
                        "You learn what matters to her.",
                        1,
                    ),
                    (
                        "Ignore it: without a note, she is surely not interested.",
                        "ignored",
                        "The invitation goes unanswered.",
                        -1,
                    ),
                ],
                "",
            ),
            (
                "checked",
                "Her profile",
                "",
                "Last week she posted about the reliability of local suppliers. You "
                "belong to the same professional group.",
                [
                    (
                        "Accept and thank her in two lines, mentioning her post, "
                        "selling "
                        "nothing.",
                        "thanks",
                        "Your message is short, personal and useful.",
                        2,
                    ),
                    (
                        "Accept without a word.",
                        "quiet",
                        "You are connected, no more.",
                        0,
                    ),
                ],
                "",
            ),
            (
                "pitch",
                "No answer",
                "",
                "Two weeks go by. She has not answered your brochure.",
                [
                    (
                        "Follow up with your price list.",
                        "bad_end",
                        "She removes the connection.",
                        -2,
                    ),
                    (
                        "Step back and comment usefully on her posts over the weeks.",
                        "quiet",
                        "You make yourself known another way.",
                        1,
                    ),
                ],
                "",
            ),
            (
                "ignored",
                "A second chance",
                "A colleague",
                "A colleague tells you Ms Roy is looking for suppliers just like you.",
                [
                    (
                        "Accept the invitation and write her a personal note.",
                        "thanks",
                        "You make up for lost time.",
                        1,
                    ),
                    (
                        "Wait for her to write.",
                        "bad_end",
                        "She picks another supplier.",
                        -1,
                    ),
                ],
                "",
            ),
            (
                "quiet",
                "Keeping in touch",
                "",
                "A few weeks later you read an article that answers a question she "
                "asked in the group.",
                [
                    (
                        "Share it with her, with a line on how it might help.",
                        "good_end",
                        "She thanks you and suggests talking.",
                        2,
                    ),
                    (
                        "Ask her for a meeting right away.",
                        "mixed_end",
                        "She answers politely that she has no time.",
                        0,
                    ),
                ],
                "",
            ),
            (
                "thanks",
                "She replies",
                "Nadia Roy, head of purchasing",
                "“Thank you! I hardly know your company; what exactly do you do?”",
                [
                    (
                        "Answer in three sentences and offer a fifteen-minute call "
                        "when it "
                        "suits her.",
                        "good_end",
                        "She accepts the call.",
                        2,
                    ),
                    (
                        "Send a long presentation and three attachments.",
                        "mixed_end",
                        "She does not read it all.",
                        -1,
                    ),
                ],
                "",
            ),
            (
                "good_end",
                "A relationship begins",
                "",
                "You have won Ms Roy's attention without pushing.",
                [],
                "An invitation without a note is still an open door. Find out, thank, "
                "bring something useful: the sale will come from the relationship, "
                "not from the first message.",
            ),
            (
                "mixed_end",
                "A fragile link",
                "",
                "You are connected, but your message did not land.",
                [],
                "Too much, too soon: a short, useful message opens more doors than a "
                "full presentation.",
            ),
            (
                "bad_end",
                "A missed chance",
                "",
                "Ms Roy has gone elsewhere.",
                [],
                "Ignoring an invitation or answering with advertising closes the "
                "door. Take the time to personalise your answer.",
            ),
        ],
    },
}

SCENARIOS = [FRIEND_REQUEST, POLEMICAL_POST, LINKEDIN_INVITATION]
# The lesson (French slug) whose knowledge check is the friend-request scenario.
LESSON_SCENARIO = ("dire-non-a-une-demande-d-amitie", FRIEND_REQUEST["slug"])
