"""Demo course, English version: "Social media at work, safely".

Pure data, no Django imports. Item i of every list here is the translation of
item i in ``content_fr.py``; see that module for the structure.
"""

#: Drawings in ``demo/illustrations/``, loaded as Wagtail images by
#: ``demo.illustrations``; lesson bodies name them by slug. Alt texts stay
#: within 250 characters (the image block's limit).
ILLUSTRATIONS = {
    "profile-and-page": {
        "file": "profile-and-page.en.svg",
        "title": "Demo – Personal profile and professional Page",
        "alt": (
            "Diagram: on the left, Julie Tremblay’s personal profile, visible to her "
            "friends only; on the right, her public Page “Julie Tremblay, Notary”, "
            "which anyone can follow. An arrow shows that the profile manages the "
            "Page."
        ),
    },
    "privacy-menu-steps": {
        "file": "privacy-menu-steps.en.svg",
        "title": "Demo – Steps of a privacy menu",
        "alt": (
            "Diagram of the Settings & privacy menu in four steps: open Settings, run "
            "the Privacy Checkup, set future posts to Friends, then turn on tag "
            "review."
        ),
    },
    "welcome-message": {
        "file": "welcome-message.en.svg",
        "title": "Demo – Public welcome message on a profile",
        "alt": (
            "Top of a personal profile: in the Intro section, a featured post with "
            "the audience Public reads: “Welcome to my personal profile! I only "
            "accept people I know in my private life.”"
        ),
    },
}

COURSE = {
    "illustrations": ILLUSTRATIONS,
    "title": "Social media at work, safely",
    "slug": "social-media-at-work",
    "summary": (
        "Learn to use social media in a professional setting without putting your job, "
        "your privacy or your organisation's image at risk. Six practical lessons, "
        "from the action plan to the usage policy."
    ),
    "objectives": [
        "Present management with a precise action plan for using social media at work.",
        (
            "Estimate a realistic, regular amount of time to spend online based on "
            "your goals."
        ),
        (
            "Tell a personal profile from a professional Page, and set up privacy on "
            "your Facebook and LinkedIn accounts."
        ),
        (
            "Decline a friend request courteously while preserving the professional "
            "relationship."
        ),
        "Apply LinkedIn's rules of etiquette to build your network.",
        "Explain the role of a social media policy and of an ambassador programme.",
    ],
    "audience": (
        "Employees, managers and self-employed workers who want to use social media in "
        "their work, as well as communications teams who guide how staff speak online. "
        "No prior knowledge is required."
    ),
    "level": "beginner",
    "lessons": [
        {
            "title": "Convincing management and preparing an action plan",
            "slug": "convincing-management",
            "summary": (
                "Bring your managers a precise action plan and concrete evidence, then "
                "move forward in approved steps."
            ),
            "estimated_minutes": 12,
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Many managers still filter access to Facebook or LinkedIn "
                        "from work computers, convinced that these sites eat into "
                        "productivity. Even where nothing is blocked, people often "
                        "hesitate to attach the company's name to them, not knowing "
                        "what might happen. Deep down, your boss is mainly wondering "
                        "whether you can be trusted with these tools.</p>"
                        "<p>This lesson helps you turn a personal wish into a serious "
                        "proposal: a clear plan, evidence drawn from your daily work "
                        "and rules you commit to following.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "warning",
                        "title": "Take small steps, with your managers' approval",
                        "text": (
                            "<p>Employees have already lost their jobs for speaking on "
                            "social networks on behalf of their employer without "
                            "getting the green light first. Enthusiasm is no "
                            "substitute for permission: until management has approved "
                            "the initiative, publish nothing in the organisation's "
                            "name. Moving slowly can be frustrating, but it protects "
                            "your job and your credibility.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Building a precise action plan", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        '<p>A vague request along the lines of "it would be nice to '
                        'be on LinkedIn" is almost always turned down. Your managers '
                        "will want to know why you want these tools, what the "
                        "organisation stands to gain and how much time it will cost. "
                        "Prepare precise answers, with figures where possible, before "
                        "the meeting.</p>"
                    ),
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "Does your action plan hold up?",
                        "items": [
                            (
                                "The specific reasons you want to use social media are "
                                "written down in black and white."
                            ),
                            (
                                "Each goal is measurable, for example: find two new "
                                "suppliers within six months."
                            ),
                            (
                                "The time you will spend each day is stated in "
                                'minutes, not as a vague "a little".'
                            ),
                            "Your choice of platforms follows from your goals.",
                            (
                                "You have planned how, and how often, you will report "
                                "on results."
                            ),
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Proving that you will save time", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The argument about wasted time is best answered with "
                        "examples of time saved. There is no point citing the big "
                        "successes of famous brands: your boss will see them as out of "
                        "reach. Focus instead on small, ordinary wins such as "
                        "these:</p>"
                        "<ul>"
                        "<li>a specialised supplier nobody could find, recommended by "
                        "an online contact;</li>"
                        "<li>a call for tenders spotted before your competitors;</li>"
                        "<li>an expert's answer, received the same day, to a question "
                        "that would have taken hours of research.</li>"
                        "</ul>"
                        "<p>Jot these examples down over the weeks and slip them into "
                        "conversation when the moment is right. Persuasion is a long "
                        "game, and each credible example tips the balance a little "
                        "further.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Proposing your own ground rules", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Arrive with a social media usage policy already drafted. "
                        "The document lists what you will publish, what you will avoid "
                        "and who will approve sensitive messages: it is your written "
                        "commitment. Management will quickly see a further benefit, "
                        "since the same text could one day serve as a framework for "
                        "the whole team. You are giving them a means of control "
                        "instead of asking for a leap of faith.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Practise at home first",
                        "text": (
                            "<p>Get comfortable with the platforms personally, on your "
                            "own time, even before you get permission. The day the "
                            "answer is yes, you will be effective straight away. "
                            "Management that hesitated for a long time would not take "
                            "kindly to then paying for your learning curve: arrive "
                            "already at ease.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "When the answer is still no", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>You have tried everything without success? Ask yourself a "
                        "different question: what exactly is your management afraid "
                        "of? A manager may distrust what they have not mastered, "
                        "resist any change of routine or remember an incident that "
                        "happened online. Such fears do not vanish in a single "
                        "meeting. Once you find out which one is at play, you can "
                        "tailor your arguments to what is really blocking things, and "
                        "that is often what finally changes the picture.</p>"
                    ),
                },
                {
                    "type": "reflect",
                    "value": {
                        "prompt": (
                            "What do you think is your management's main fear about "
                            "social media? Which example from your daily work could "
                            "answer it?"
                        ),
                        "hint": (
                            "Think of a piece of information, a contact or an answer "
                            "you could have obtained faster through your network."
                        ),
                    },
                },
            ],
        },
        {
            "title": "How much time should you spend on it?",
            "slug": "how-much-time",
            "summary": (
                "Set your goals before your schedule, then aim for a regular presence "
                "rather than sheer volume."
            ),
            "estimated_minutes": 10,
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        '<p>"How much time should I spend on it each day?" It is one '
                        "of the questions that comes up most often in training. The "
                        "honest answer is that no figure fits everyone until you have "
                        "defined what you are trying to achieve. The time to invest "
                        "follows from your goals and from the human and financial "
                        "resources available to you, not the other way round.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_idea",
                        "title": "Goals first, schedule second",
                        "text": (
                            "<p>A schedule without a strategy is like a budget without "
                            "a project: nobody knows what it is for. First write down "
                            "what you want to achieve and how you will measure it; the "
                            "time required will follow almost on its own.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Regularity beats quantity", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Good news: the time bill is usually smaller than people "
                        "fear, especially if you start small and build up the pace "
                        "gradually. A short but steady presence pays off more than "
                        "long sessions followed by weeks of silence. What your network "
                        "notices most is reliability: someone who replies, comments "
                        "and shares every week inspires more trust than an account "
                        "that wakes up once a quarter.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Benchmarks to get started", "level": "h3"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>A few rough figures can guide your first steps; adjust "
                        "them to your sector:</p>"
                        "<ul>"
                        "<li><strong>About 20 minutes a day</strong> on LinkedIn is "
                        "enough to get off to a good start in keeping up your "
                        "presence.</li>"
                        "<li><strong>About three posts a week</strong> on a Facebook "
                        "Page is, for many organisations, a minimum for having some "
                        "effect. Answering customers and followers is not part of that "
                        "count: it comes on top.</li>"
                        "</ul>"
                        "<p>Treat these figures as markers, not obligations: a "
                        "restaurant posting its daily menu does not keep the same pace "
                        "as an accounting firm.</p>"
                    ),
                },
                {
                    "type": "quote",
                    "value": {
                        "quote": (
                            "A network is cultivated long before you need it, not on "
                            "the day you are counting on it."
                        ),
                        "attribution": "Networking principle",
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Time changes with experience", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>At first you will spend more time online: you are learning "
                        "the codes of each platform and building your network. Like "
                        "any new habit, it takes rigour and plenty of trial and error. "
                        "Over the months you will enter a maintenance phase and spend "
                        "fewer minutes on it, without ever stopping completely. Nor do "
                        "you need to read everything: follow the useful conversations "
                        "and let the rest go by.</p>"
                        "<p>The organisation can also match how it manages its "
                        "presence to its means: hand everything to the communications "
                        "department, share the work among several teams or bring in an "
                        "outside provider.</p>"
                    ),
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "Managing your time online",
                        "dos": [
                            (
                                "Set aside a fixed slot, for example 20 minutes at the "
                                "start of the day."
                            ),
                            "Begin with one or two platforms linked to your goals.",
                            "Prepare a few posts in advance to keep up the pace.",
                            (
                                "Review your schedule after a few months, once you are "
                                "in the maintenance phase."
                            ),
                        ],
                        "donts": [
                            "Post a lot for one week, then vanish for a month.",
                            "Open accounts everywhere before you have set your goals.",
                            "Try to read every conversation in your news feed.",
                            (
                                "Compare your pace with that of a company in a "
                                "completely different sector."
                            ),
                        ],
                    },
                },
                {
                    "type": "reflect",
                    "value": {
                        "prompt": (
                            "If you had 20 minutes a day, how would you divide them "
                            "between posting, commenting and replying?"
                        ),
                        "hint": (
                            "Start from a specific goal in your action plan and ask "
                            "yourself which activity brings you closest to it."
                        ),
                    },
                },
            ],
        },
        {
            "title": "Privacy settings: personal profile or professional Page",
            "slug": "privacy-settings",
            "summary": (
                "Tell a personal profile from a professional Page, then set up privacy "
                "on your Facebook and LinkedIn accounts step by step."
            ),
            "estimated_minutes": 15,
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Many people would like to use Facebook for work without "
                        "having a personal life there. That is understandable, but the "
                        "platform does not work that way: a professional Page is "
                        "always attached to at least one personal account, which is "
                        "used to manage it. And there is no point creating a fake "
                        "profile in the company's name to get round the rule: "
                        "Facebook's terms forbid it, and the platform regularly "
                        "removes such accounts.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": (
                            "Personal profile and professional Page: two separate tools"
                        ),
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The <strong>personal profile</strong> represents you as an "
                        "individual. You choose who sees what, and you decide whether "
                        "to accept each friend request. The <strong>professional "
                        "Page</strong>, on the other hand, is designed to be public: "
                        "anyone can follow it and see what is posted there, unless you "
                        "block a particular person. A Page can carry your name and "
                        'trade, for example "Julie Tremblay, Notary", or the name of '
                        "your company, and contain only posts related to your work.</p>"
                        "<p>The good news: having a personal account commits you to "
                        "nothing. You can use it solely to reach the Page, without "
                        "adding friends or posting anything at all. You stay in "
                        "charge.</p>"
                    ),
                },
                {
                    "type": "image",
                    "value": {
                        "image": "profile-and-page",
                        "alt_text": ILLUSTRATIONS["profile-and-page"]["alt"],
                        "caption": (
                            "The personal profile represents you; the professional "
                            "Page represents your work, and the profile is what "
                            "manages it."
                        ),
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_idea",
                        "title": "No Page without a personal account",
                        "text": (
                            "<p>To manage a Facebook Page, a personal account is "
                            'mandatory. So the real question is not "do I need an '
                            'account?" but "how do I set it up so that it protects '
                            'me?". Mastering the settings is the best answer to the '
                            "fear of your private life spilling over into your working "
                            "life.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Setting up privacy on Facebook", "level": "h2"},
                },
                {
                    "type": "walkthrough",
                    "value": {
                        "title": "Locking down your personal Facebook profile",
                        "platform": "Facebook",
                        "steps": [
                            {
                                "title": "Open the settings",
                                "text": (
                                    "<p>Click your profile picture at the top right, "
                                    "then choose <strong>Settings & privacy > "
                                    "Settings</strong>. Facebook sometimes moves its "
                                    "menus: if an option cannot be found, type its "
                                    "name into the settings search field.</p>"
                                ),
                                "screenshot": "privacy-menu-steps",
                                "screenshot_alt": ILLUSTRATIONS["privacy-menu-steps"][
                                    "alt"
                                ],
                            },
                            {
                                "title": "Run the Privacy Checkup",
                                "text": (
                                    "<p>Look for the <strong>Privacy Checkup</strong> "
                                    "tool. In a few screens it takes you through the "
                                    "essential settings: who sees your posts, how "
                                    "people can find you, and account security. It is "
                                    "the quickest way to do a first full review.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Choose the audience for your posts",
                                "text": (
                                    "<p>In the <strong>Audience and "
                                    "visibility</strong> section, open "
                                    "<strong>Posts</strong>. Set the audience for your "
                                    "future posts to <em>Friends</em> rather than "
                                    "<em>Public</em>. The option that limits the "
                                    "audience for old posts hides, in a single action, "
                                    "your older public posts from people who are not "
                                    "your friends.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Control who can find and contact you",
                                "text": (
                                    "<p>Still in <strong>Audience and "
                                    "visibility</strong>, the item about how people "
                                    "find and contact you lets you restrict friend "
                                    "requests to friends of friends, hide your friends "
                                    "list and limit look-ups by email address or phone "
                                    "number.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Review tags",
                                "text": (
                                    "<p>In <strong>Profile and tagging</strong>, turn "
                                    "on tag review: a photo in which someone tags you "
                                    "will only appear on your profile once you approve "
                                    "it. It is good protection against private photos "
                                    "ending up in front of your professional "
                                    "contacts.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Strengthen account security",
                                "text": (
                                    "<p>Security settings now live in Meta's "
                                    "<strong>Accounts Center</strong>, under "
                                    "<strong>Password and security</strong>. Turn on "
                                    "two-factor authentication: if your account "
                                    "manages a Page, a hack would hit your "
                                    "organisation too.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "See your profile as a stranger would",
                                "text": (
                                    '<p>To finish, open your profile, click the "…" '
                                    "menu and look for the <strong>View as</strong> "
                                    "option. Anything still visible at this stage is "
                                    "visible to any customer or colleague as well.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Setting up privacy on LinkedIn", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>LinkedIn is a professional network: your profile there is "
                        "meant to be found. The aim is therefore not to hide "
                        "everything, but to decide knowingly what is visible, to whom "
                        "and when.</p>"
                    ),
                },
                {
                    "type": "walkthrough",
                    "value": {
                        "title": "Adjusting your visibility on LinkedIn",
                        "platform": "LinkedIn",
                        "steps": [
                            {
                                "title": "Open the settings",
                                "text": (
                                    "<p>Click your photo (<strong>Me</strong>) in the "
                                    "top bar, then <strong>Settings & "
                                    "Privacy</strong>. Settings are grouped into "
                                    "sections in the left-hand menu; their names "
                                    "sometimes change from one version to the next.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Polish your public profile",
                                "text": (
                                    "<p>Under <strong>Visibility</strong>, choose the "
                                    "option for editing your public profile. There you "
                                    "decide which parts of your profile are shown to "
                                    "people not signed in to LinkedIn and to search "
                                    "engines. Leave at least your name, headline and "
                                    "experience visible if you want to be found.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Decide who sees your connections",
                                "text": (
                                    "<p>Still under <strong>Visibility</strong>, find "
                                    "the setting about connections and choose whether "
                                    "your contacts can browse your list of "
                                    "connections. Some people hide it to protect their "
                                    "clients.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Control change notifications",
                                "text": (
                                    "<p>Before overhauling your profile, turn off "
                                    "sharing profile updates with your network. Your "
                                    "contacts will not receive a notice for every "
                                    "change, which avoids misunderstandings, for "
                                    "example with your employer.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Filter invitations",
                                "text": (
                                    "<p>Look for the setting for invitations to "
                                    "connect; depending on the version, it sits in a "
                                    "section on communications or on data privacy. "
                                    "There you can restrict invitations to people who "
                                    "already know your email address, for example.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Choose the audience for each post",
                                "text": (
                                    "<p>When you write a post, click your name or the "
                                    "audience selector at the top of the window: you "
                                    "can post to anyone or to your connections "
                                    "only.</p>"
                                ),
                                "screenshot": None,
                                "screenshot_alt": "",
                            },
                            {
                                "title": "Secure your sign-in",
                                "text": (
                                    "<p>Under <strong>Sign in & security</strong>, "
                                    "turn on two-step verification and review the "
                                    "devices where your account is signed in.</p>"
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
                        "title": "Profile or Page: good habits",
                        "dos": [
                            (
                                "Create a professional Page for your public, "
                                "work-related posts."
                            ),
                            "Keep your personal profile for your friends and family.",
                            (
                                "Run the Privacy Checkup again after every major "
                                "change to the platform."
                            ),
                            (
                                "As administrator, keep the right to post on your Page "
                                "for yourself."
                            ),
                        ],
                        "donts": [
                            "Create a personal profile in your company's name.",
                            "Leave your personal posts set to Public by default.",
                            (
                                "Assume that settings you made two years ago are still "
                                "in place."
                            ),
                            (
                                "Lend your personal login details to a colleague "
                                "instead of giving them their own access to the Page."
                            ),
                        ],
                    },
                },
                {
                    "type": "reflect",
                    "value": {
                        "prompt": (
                            "What would a customer see today if they typed your name "
                            "into Facebook or a search engine?"
                        ),
                        "hint": (
                            'Try it with the "View as" option and with your public '
                            "LinkedIn profile, then note down what you want to change."
                        ),
                    },
                },
            ],
        },
        {
            "title": "Saying no to a friend request",
            "slug": "declining-a-friend-request",
            "summary": (
                "Announce publicly who you accept on your profile, then decline other "
                "requests courteously while offering another way to reach you."
            ),
            "estimated_minutes": 10,
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>A customer, a supplier or your new manager sends you a "
                        "friend request on your personal Facebook profile. You do not "
                        "want to accept it, but you are afraid of offending them. This "
                        "unease is so common that many people end up accepting "
                        "everyone, then censoring themselves on their own profile.</p>"
                        "<p>There is a better way, in two stages: set the rules in "
                        "advance, in public, then decline case by case with a "
                        "courteous personal message.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_idea",
                        "title": "You are not obliged to accept anyone",
                        "text": (
                            "<p>Your personal profile belongs to you. You alone decide "
                            "which requests to accept, and you never have to post "
                            "there at all. Politely declining a friend request does "
                            "not mean rejecting the professional relationship: you are "
                            "simply steering it to the right channel.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Step 1: announce your rules publicly",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Start with a short welcome text that any visitor can read, "
                        "stating which people you add as friends. Put it in the intro "
                        "section of your profile, or in a public post featured at the "
                        "top if that option is available to you. When the rule is "
                        "known in advance, a refusal feels far less personal, since it "
                        "applies to everyone in the same way.</p>"
                    ),
                },
                {
                    "type": "image",
                    "value": {
                        "image": "welcome-message",
                        "alt_text": ILLUSTRATIONS["welcome-message"]["alt"],
                        "caption": (
                            "Featured at the top of the profile, the welcome message "
                            "states the rule to every visitor."
                        ),
                    },
                },
                {
                    "type": "message_template",
                    "value": {
                        "title": "Public welcome message",
                        "context": (
                            "To post on your personal profile, with the audience set "
                            "to Public, so that every visitor sees it."
                        ),
                        "message": (
                            "Welcome to my personal profile!\n"
                            "I mostly share news about my family and close friends "
                            "here, so I only accept people I know in my private life.\n"
                            "For work, you can find me on LinkedIn or on the [company "
                            "name] Page. Looking forward to connecting there!"
                        ),
                    },
                },
                {
                    "type": "message_template",
                    "value": {
                        "title": "Short version for your bio",
                        "context": (
                            "The Facebook bio is limited to about a hundred "
                            "characters: this version fits."
                        ),
                        "message": (
                            "Personal profile: family and close friends. For work: "
                            "LinkedIn or [company Page]."
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Step 2: decline with a personal message",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>When a request arrives anyway, do not leave it hanging "
                        "indefinitely. Instead, write the person a short, warm private "
                        "message: thank them, explain your rule in one sentence and "
                        "give them your professional contact details so they can reach "
                        "you easily. You can then delete the request. The other person "
                        "understands that you value the relationship, just somewhere "
                        "other than this profile.</p>"
                    ),
                },
                {
                    "type": "message_template",
                    "value": {
                        "title": "Courteous refusal to a co-worker",
                        "context": (
                            "Informal private message to a contact you see often."
                        ),
                        "message": (
                            "Hi Martin,\n"
                            "Thanks for the friend request, I'm glad you thought of "
                            "me!\n"
                            "I've chosen to keep my Facebook account for family and "
                            "close friends, so I don't add work contacts there. It's "
                            "nothing personal.\n"
                            "I'd really like us to stay in touch, though: you can "
                            "email me at julie.tremblay@example.com, call me on 514 "
                            "555-0123 or invite me on LinkedIn.\n"
                            "Talk soon,\n"
                            "Julie"
                        ),
                    },
                },
                {
                    "type": "message_template",
                    "value": {
                        "title": "Courteous refusal to a client",
                        "context": "Same principle, in a more formal tone.",
                        "message": (
                            "Dear Ms Gagnon,\n"
                            "Thank you for your friend request on Facebook.\n"
                            "I keep this profile for my private life, which is why I "
                            "do not add professional contacts to it.\n"
                            "I nevertheless remain entirely at your disposal: you can "
                            "reach me on 514 555-0123, write to me at "
                            "julie.tremblay@example.com or follow our company's Page.\n"
                            "Kind regards,\n"
                            "Julie Tremblay"
                        ),
                    },
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "Declining without offending",
                        "dos": [
                            "Thank the person for their request.",
                            (
                                "Explain your general rule in one sentence, without "
                                "lengthy justification."
                            ),
                            (
                                "Offer another channel: email, phone, LinkedIn or the "
                                "company Page."
                            ),
                            "Apply the same rule to everyone, including your boss.",
                        ],
                        "donts": [
                            (
                                "Leave the request unanswered for months, hoping it "
                                "will be forgotten."
                            ),
                            (
                                "Accept reluctantly, then censor yourself on your own "
                                "profile."
                            ),
                            (
                                "Make up an excuse that the person might later see "
                                "through."
                            ),
                            "Pile up exceptions until your rule no longer makes sense.",
                        ],
                    },
                },
                {
                    "type": "reflect",
                    "value": {
                        "prompt": (
                            "What simple rule do you want to apply to your personal "
                            "profile? Which business contact has already put you in an "
                            "awkward position with a request?"
                        ),
                        "hint": (
                            "Put the rule into a single sentence: that is what will go "
                            "into your welcome message and your refusal messages."
                        ),
                    },
                },
            ],
        },
        {
            "title": "LinkedIn etiquette",
            "slug": "linkedin-etiquette",
            "summary": (
                "On LinkedIn, build relationships by personalising your invitations, "
                "contributing to discussions and demonstrating your expertise."
            ),
            "estimated_minutes": 12,
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>LinkedIn is like a huge networking event that never closes "
                        "its doors. The rules of good manners are the same as in "
                        "person: you introduce yourself, you listen, you help before "
                        "you ask. People who respect these codes gain contacts, "
                        "business opportunities and a solid reputation; those who "
                        "ignore them quickly come across as pushy salespeople.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Personalise every invitation", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>An invitation sent with the default text is like a "
                        "business card tossed at random across a room. Take a minute "
                        "instead to recall where you met or why you would like to "
                        "connect. The best time to do it: as soon as you get back from "
                        "a conference or a meeting, while the conversation is still "
                        "fresh in everyone's mind.</p>"
                    ),
                },
                {
                    "type": "message_template",
                    "value": {
                        "title": "Personalised invitation after an event",
                        "context": (
                            "Note attached to a LinkedIn invitation. Keep it short: "
                            "LinkedIn limits the length of the note and, for free "
                            "accounts, sometimes also the number of notes per month."
                        ),
                        "message": (
                            "Hello Sophie,\n"
                            "I really enjoyed our conversation about regional "
                            "logistics at the Québec City conference last Thursday. "
                            "I'd like us to stay in touch here.\n"
                            "Have a good week!\n"
                            "Marc"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Contribute rather than sell", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>On LinkedIn, you gain visibility by taking part, not by "
                        "broadcasting: in groups related to your field, ask good "
                        "questions, answer other people's and add comments that move "
                        "the discussion forward. A single genuinely useful comment can "
                        "make you better known than ten promotional posts.</p>"
                        "<p>A salesperson's reflex backfires here. A free tip, a "
                        "well-chosen article or a clear explanation says more about "
                        "your competence than any offer. That is how people come to "
                        "think of you first when a need arises, and that is often when "
                        "business gets done.</p>"
                    ),
                },
                {
                    "type": "do_dont",
                    "value": {
                        "title": "LinkedIn etiquette at a glance",
                        "dos": [
                            "Add a personal note to every invitation.",
                            "Answer questions asked in your groups.",
                            "Share useful resources, even when they are not your own.",
                            "Be transparent about who you are and what you offer.",
                            "Come back regularly, for example 20 minutes a day.",
                        ],
                        "donts": [
                            "Send a sales pitch as soon as an invitation is accepted.",
                            "Post the same promotion in every group.",
                            "Claim titles or skills you do not have.",
                            (
                                "Disappear for months, then come back only when you "
                                "need something."
                            ),
                            "Invite strangers in bulk with the default message.",
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Reaching decision-makers", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>LinkedIn is home to a large number of managers, directors, "
                        "vice-presidents and company presidents. Targeted searches let "
                        "you identify the ones who matter for your projects. Before "
                        "writing, look at the connections you share: being introduced "
                        "through a mutual acquaintance opens far more doors than a "
                        "message out of the blue. Try it for your next few first "
                        "contacts: you may miss cold calling much less than you "
                        "expect.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "key_idea",
                        "title": "A relationship, not a transaction",
                        "text": (
                            "<p>Sincerity shows: say who you are, what you do and what "
                            "you are looking for, without embellishing. Think medium "
                            "and long term; every exchange adds another stone to a "
                            "network that will serve you on the day you need it.</p>"
                        ),
                    },
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "Is your profile ready for visitors?",
                        "items": [
                            "Your headline says clearly what you do and for whom.",
                            "Your photo is recent and professional.",
                            "Your experience describes achievements, not just duties.",
                            "Your professional contact details are up to date.",
                            "You have posted or commented at least once this month.",
                        ],
                    },
                },
                {
                    "type": "reflect",
                    "value": {
                        "prompt": (
                            "Think of someone you met recently in a professional "
                            "setting. What would you write in your invitation note?"
                        ),
                        "hint": (
                            "Mention the place or the topic of your conversation, and "
                            "why you would like to stay in touch."
                        ),
                    },
                },
            ],
        },
        {
            "title": "The social media policy and employee ambassadors",
            "slug": "policy-and-ambassadors",
            "summary": (
                "Frame how staff speak online with a clear policy, training and "
                "supportive follow-up."
            ),
            "estimated_minutes": 12,
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Your employees did not wait for management's permission to "
                        "open Facebook or LinkedIn accounts. So the question is no "
                        "longer whether they will talk about their work there, but how "
                        "to equip them to do it well. With the right support, every "
                        "employee who passes on company news widens its reach and "
                        "strengthens its employer brand. Several large companies have "
                        "in fact set up structured ambassador programmes to benefit "
                        "from this multiplier effect.</p>"
                        "<p>Yet employees who work in neither marketing nor "
                        "communications are often reluctant to speak up. They are "
                        "afraid of expressing themselves badly, short of time, wary of "
                        "privacy issues, or simply do not see the point.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Start with senior management", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The communications department is best placed to launch the "
                        "project, since it understands how the networks work. Its "
                        "first role is to propose an awareness and training plan to "
                        "senior management. The momentum becomes real when top "
                        "management approves the initiative and writes it into its "
                        "official priorities. If the communications team doubts its "
                        "legitimacy to train colleagues, an outside trainer can take "
                        "over.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "What the policy covers", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Once management's backing is secured, a common framework "
                        "is needed. The social media usage policy draws the line "
                        "between what is encouraged, tolerated or ruled out when an "
                        "employee talks online about the organisation or their work. "
                        "It also serves as an awareness tool: reading it is already "
                        "the start of a habit of thinking before posting.</p>"
                    ),
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "The essentials of a social media policy",
                        "items": [
                            (
                                "The limits of what staff may say about the "
                                "organisation, its clients and its projects."
                            ),
                            (
                                "Basic rules for creating an account, including a ban "
                                "on using a pseudonym."
                            ),
                            (
                                "A ban on posting political or polemical content that "
                                "could harm the organisation's image."
                            ),
                            "The protection of confidential information.",
                            "Who to consult before posting when in doubt.",
                            (
                                "How reminders will be given if a post goes beyond the "
                                "limits."
                            ),
                        ],
                    },
                },
                {
                    "type": "quote",
                    "value": {
                        "quote": "When in doubt, ask before you post.",
                        "attribution": "Policy principle",
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Train and reassure", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>A policy is not enough if people are afraid. Everyone "
                        "knows the story of an unfortunate post that went badly wrong, "
                        "and many dread a holiday photo landing in front of their "
                        "boss. Hands-on training shows that privacy settings address "
                        "most of these fears. Stress, too, what everyone stands to "
                        "gain: a showcase for their career, useful content, a wider "
                        "network and tips for managing their time better. The "
                        "testimony of a colleague who is already convinced often "
                        "carries more weight than all of the trainer's arguments.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Support without sanctions", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>After the training, the communications department makes "
                        "sure that posts respect the policy. If a piece of content "
                        "goes beyond the limits, a quick reminder gets it removed. The "
                        "reminder comes without punishment: you explain the reason, "
                        "suggest a solution and encourage the person to keep taking "
                        "part. A discouraged ambassador simply stops posting, and the "
                        "whole organisation loses out.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "warning",
                        "title": "A reminder is not a sanction",
                        "text": (
                            "<p>A punitive tone does more harm than a clumsy post. "
                            "Correct in private, explain why and thank the person for "
                            "their commitment.</p>"
                        ),
                    },
                },
                {
                    "type": "message_template",
                    "value": {
                        "title": "Friendly reminder to a colleague",
                        "context": (
                            "Private message when a post that mentions the company "
                            "strays from the policy."
                        ),
                        "message": (
                            "Hi Karim,\n"
                            "Thanks for sharing our news so often, it really makes a "
                            "difference!\n"
                            "Your post yesterday, where you mention the company, takes "
                            "a position on the election. Our policy asks us to avoid "
                            "political topics when we talk about the company. Could "
                            "you remove it or take out the mention of the company?\n"
                            "If you like, we can look at a few topic ideas for next "
                            "week together.\n"
                            "Thanks again,\n"
                            "Émilie, Communications"
                        ),
                    },
                },
                {
                    "type": "reflect",
                    "value": {
                        "prompt": (
                            "If your organisation adopted a policy tomorrow, which "
                            "rule would seem most important to you? Which would be "
                            "hardest to enforce?"
                        ),
                        "hint": (
                            "Think both about protecting the organisation's image and "
                            "about the freedom employees need to stay motivated."
                        ),
                    },
                },
            ],
        },
    ],
}

FINAL_QUIZ = {
    "title": "Final exam: social media at work",
    "instructions": (
        "<p>This quiz covers all six lessons of the course. Read each question "
        "carefully: some have more than one correct answer. The pass mark is 70%. Each "
        "question comes with an explanation that points back to the relevant "
        "lesson.</p>"
    ),
    "pass_mark": 70,
    "questions": [
        {
            "type": "single_choice",
            "prompt": (
                "You want to use LinkedIn to find suppliers. What should you present "
                "to management first?"
            ),
            "explanation": (
                "Lesson 1: a vague request is almost always refused. An action plan "
                "that sets out your reasons, your goals and your daily time reassures "
                "management."
            ),
            "points": 1,
            "choices": [
                {
                    "text": (
                        "An action plan with precise goals and the time you will spend "
                        "on it each day."
                    ),
                    "correct": True,
                    "feedback": (
                        "Correct: a precise plan answers management's questions in "
                        "advance."
                    ),
                },
                {
                    "text": (
                        "A few posts already made in the company's name, to prove it "
                        "works."
                    ),
                    "correct": False,
                    "feedback": (
                        "Risky: posting in the organisation's name without approval "
                        "has already cost employees their jobs."
                    ),
                },
                {
                    "text": "A list of big brands that succeed on social media.",
                    "correct": False,
                    "feedback": (
                        "Such examples often seem out of reach; small everyday wins "
                        "are more convincing."
                    ),
                },
                {
                    "text": (
                        "A request for several weeks of training during working hours."
                    ),
                    "correct": False,
                    "feedback": (
                        "Better to practise at home first, so you are effective as "
                        "soon as permission comes."
                    ),
                },
            ],
        },
        {
            "type": "multiple_response",
            "prompt": (
                "Which arguments help convince hesitant management? (Select all that "
                "apply.)"
            ),
            "explanation": (
                "Lesson 1: time saved, small wins and a usage policy respond directly "
                "to the fear of losing time and control."
            ),
            "points": 2,
            "scoring": "all_or_nothing",
            "choices": [
                {
                    "text": "Concrete examples of time saved thanks to social media.",
                    "correct": True,
                    "feedback": (
                        "Yes: this is the best answer to the fear of wasted time."
                    ),
                },
                {
                    "text": (
                        "Small everyday wins, such as a resource found in a few "
                        "minutes."
                    ),
                    "correct": True,
                    "feedback": (
                        "Yes: these examples are credible because they are within "
                        "reach."
                    ),
                },
                {
                    "text": "A usage policy that you commit to following.",
                    "correct": True,
                    "feedback": "Yes: it gives management a means of control.",
                },
                {
                    "text": (
                        "The fact that friends at other companies already post without "
                        "permission."
                    ),
                    "correct": False,
                    "feedback": (
                        "No: this argument ignores management's fear and encourages "
                        "skipping steps."
                    ),
                },
                {
                    "text": (
                        "A request for unlimited access for all staff starting "
                        "tomorrow."
                    ),
                    "correct": False,
                    "feedback": "No: moving too fast feeds mistrust; go step by step.",
                },
            ],
        },
        {
            "type": "true_false",
            "prompt": (
                "To succeed on social media, posting a lot matters more than posting "
                "regularly."
            ),
            "explanation": (
                "Lesson 2: a short but steady presence pays off more than long "
                "sessions followed by silence."
            ),
            "points": 1,
            "answer": False,
            "feedback_true": "That is not the case: regularity beats quantity.",
            "feedback_false": "Correct: regularity beats quantity.",
        },
        {
            "type": "numeric",
            "prompt": (
                "How many minutes a day does the lesson suggest to get off to a good "
                "start in keeping up your presence on LinkedIn?"
            ),
            "explanation": (
                "Lesson 2: about 20 minutes a day is enough to start, provided you are "
                "regular."
            ),
            "points": 1,
            "answer": 20,
            "tolerance": 5,
            "unit": "minutes a day",
        },
        {
            "type": "numeric",
            "prompt": (
                "For many organisations, how many posts a week on a Facebook Page are "
                "a minimum for having some effect?"
            ),
            "explanation": (
                "Lesson 2: about three posts a week, not counting replies to "
                "customers; the right pace still depends on the sector."
            ),
            "points": 1,
            "answer": 3,
            "tolerance": 0,
            "unit": "posts a week",
        },
        {
            "type": "single_choice",
            "prompt": (
                "Your director asks how much time a day you will spend on social "
                "media. Which answer is most accurate?"
            ),
            "explanation": (
                "Lesson 2: time follows from goals and available resources; without a "
                "strategy, no figure makes sense."
            ),
            "points": 1,
            "choices": [
                {
                    "text": '"As little as possible, I\'ll see as I go."',
                    "correct": False,
                    "feedback": "Too vague: that is exactly what worries management.",
                },
                {
                    "text": (
                        '"It depends on our goals; here are the ones I propose and '
                        'the time each will take."'
                    ),
                    "correct": True,
                    "feedback": (
                        "Correct: you tie time to goals, with figures to back it up."
                    ),
                },
                {
                    "text": '"At least two hours a day, like the big brands."',
                    "correct": False,
                    "feedback": (
                        "A figure copied from elsewhere ignores your goals and "
                        "resources."
                    ),
                },
                {
                    "text": (
                        "\"No time at all, I'll do it in the evening on my personal "
                        'account."'
                    ),
                    "correct": False,
                    "feedback": (
                        "You can practise at home, but work for the organisation must "
                        "be planned and approved."
                    ),
                },
            ],
        },
        {
            "type": "single_choice",
            "prompt": (
                "You do not want a personal life on Facebook, but you have to manage "
                "your company's Page. What is the right solution?"
            ),
            "explanation": (
                "Lesson 3: a professional Page is always managed from a personal "
                "account, which you can keep almost empty and well locked down."
            ),
            "points": 1,
            "choices": [
                {
                    "text": "Create a personal profile in the company's name.",
                    "correct": False,
                    "feedback": "Facebook shuts down accounts of that kind.",
                },
                {
                    "text": (
                        "Use your personal account only to manage the Page, without "
                        "adding friends or posting."
                    ),
                    "correct": True,
                    "feedback": (
                        "Correct: the personal account is mandatory, but nothing "
                        "forces you to use it any other way."
                    ),
                },
                {
                    "text": "Manage the Page without any Facebook account.",
                    "correct": False,
                    "feedback": (
                        "Impossible: a Page is managed from a personal account."
                    ),
                },
                {
                    "text": "Use a colleague's account.",
                    "correct": False,
                    "feedback": (
                        "Lending login details is risky; each administrator should "
                        "have their own access."
                    ),
                },
            ],
        },
        {
            "type": "true_false",
            "prompt": (
                "Anyone can follow a professional Facebook Page, except people you "
                "have blocked."
            ),
            "explanation": (
                "Lesson 3: unlike the personal profile, the Page is designed to be "
                "seen and followed by the public."
            ),
            "points": 1,
            "answer": True,
            "feedback_true": (
                "Correct: the Page is public, unlike the personal profile."
            ),
            "feedback_false": (
                "Actually, it is true: the Page is public, unlike the personal "
                "profile, where you choose your friends."
            ),
        },
        {
            "type": "single_choice",
            "prompt": (
                "A supplier you work with often sends you a friend request on your "
                "personal Facebook profile, which you keep for people close to you. "
                "Which reply is best?"
            ),
            "explanation": (
                "Lesson 4: a courteous refusal says thank you, explains the rule in "
                "one sentence and points the person to a professional channel."
            ),
            "points": 1,
            "choices": [
                {
                    "text": (
                        "Ignore the request without a word; they will forget about it "
                        "eventually."
                    ),
                    "correct": False,
                    "feedback": (
                        "Silence can be misread and gives them no other way to reach "
                        "you."
                    ),
                },
                {
                    "text": (
                        "Accept it so as not to offend, then avoid posting anything "
                        "personal."
                    ),
                    "correct": False,
                    "feedback": "You then lose control of your personal profile.",
                },
                {
                    "text": (
                        "Write to them privately to thank them, explain that your "
                        "profile is for people close to you and give them your "
                        "professional contact details or your LinkedIn."
                    ),
                    "correct": True,
                    "feedback": (
                        "Yes: the rule is clear, the relationship is preserved and "
                        "they know where to reach you."
                    ),
                },
                {
                    "text": (
                        "Reply that you never mix work and friendship, with no further "
                        "detail."
                    ),
                    "correct": False,
                    "feedback": (
                        "Too curt: without professional contact details, the refusal "
                        "looks like a closed door."
                    ),
                },
            ],
        },
        {
            "type": "single_choice",
            "prompt": (
                "Which approach will give you the most visibility in a LinkedIn group?"
            ),
            "explanation": (
                "Lesson 5: LinkedIn rewards contribution. Demonstrating your expertise "
                "beats selling at all costs."
            ),
            "points": 1,
            "choices": [
                {
                    "text": "Post your service offer in the group every week.",
                    "correct": False,
                    "feedback": (
                        "Repeated promotion annoys people and harms your reputation."
                    ),
                },
                {
                    "text": (
                        "Answer members' questions and add comments that move the "
                        "discussion forward."
                    ),
                    "correct": True,
                    "feedback": (
                        "Yes: useful contributions make you someone people consult."
                    ),
                },
                {
                    "text": "Join as many groups as possible without ever taking part.",
                    "correct": False,
                    "feedback": (
                        "Membership without participation brings almost no visibility."
                    ),
                },
                {
                    "text": (
                        "Invite every member of the group with the default message."
                    ),
                    "correct": False,
                    "feedback": (
                        "Invitations that are not personalised are often ignored."
                    ),
                },
            ],
        },
        {
            "type": "single_choice",
            "prompt": (
                "You want to reach the director of a company you do not know. Which "
                "approach is most promising?"
            ),
            "explanation": (
                "Lesson 5: many decision-makers are on LinkedIn; a targeted search and "
                "a shared connection make the first contact more natural."
            ),
            "points": 1,
            "choices": [
                {
                    "text": "Cold-call her office.",
                    "correct": False,
                    "feedback": "Possible, but the response rate is generally low.",
                },
                {
                    "text": (
                        "Check on LinkedIn whether one of your connections knows her, "
                        "then invite her with a personalised note."
                    ),
                    "correct": True,
                    "feedback": (
                        "Correct: a shared connection markedly increases your chances "
                        "of a reply."
                    ),
                },
                {
                    "text": "Send her a friend request on Facebook.",
                    "correct": False,
                    "feedback": (
                        "A personal profile is not the right channel for a first "
                        "business contact."
                    ),
                },
                {
                    "text": "Comment on all her posts until she notices you.",
                    "correct": False,
                    "feedback": (
                        "Persistence of that kind usually has the opposite effect."
                    ),
                },
            ],
        },
        {
            "type": "multiple_response",
            "prompt": (
                "Which of these items belong in a social media usage policy? (Select "
                "all that apply.)"
            ),
            "explanation": (
                "Lesson 6: the policy sets the framework (real identity, topics to "
                "avoid, limits on what staff say); follow-up relies on educational "
                "reminders, not sanctions."
            ),
            "points": 2,
            "scoring": "partial",
            "choices": [
                {
                    "text": "A ban on using a pseudonym.",
                    "correct": True,
                    "feedback": "Yes: it is a basic rule when creating an account.",
                },
                {
                    "text": (
                        "A ban on posting political or polemical content that harms "
                        "the organisation's image."
                    ),
                    "correct": True,
                    "feedback": "Yes: it is one of the central points of a policy.",
                },
                {
                    "text": "The limits of what staff may say about the organisation.",
                    "correct": True,
                    "feedback": (
                        "Yes: the policy spells out how far each person may go."
                    ),
                },
                {
                    "text": (
                        "An obligation to accept all your colleagues as Facebook "
                        "friends."
                    ),
                    "correct": False,
                    "feedback": (
                        "No: each person stays in control of their personal profile."
                    ),
                },
                {
                    "text": "A list of sanctions for every slip.",
                    "correct": False,
                    "feedback": (
                        "No: the course recommends reminders without sanctions."
                    ),
                },
            ],
        },
        {
            "type": "short_text",
            "prompt": (
                "Which internal document sets out how far staff may go when they talk "
                "about the organisation on social media? (One or a few words.)"
            ),
            "explanation": (
                "Lesson 6: the social media usage policy, sometimes called a charter, "
                "sets the common framework."
            ),
            "points": 1,
            "accepted": [
                "policy",
                "the policy",
                "social media policy",
                "usage policy",
                "social media usage policy",
                "social media use policy",
                "acceptable use policy",
                "charter",
                "social media charter",
            ],
            "ignore_case": True,
            "ignore_accents": True,
            "ignore_punctuation": True,
        },
        {
            "type": "true_false",
            "prompt": (
                "When an employee posts content that breaches the policy, it is best "
                "to sanction them to set an example."
            ),
            "explanation": (
                "Lesson 6: reminders are given without sanctions, with the reason "
                "explained, so as not to discourage ambassadors."
            ),
            "points": 1,
            "answer": False,
            "feedback_true": (
                "No: a sanction discourages ambassadors. Give a friendly reminder in "
                "private instead."
            ),
            "feedback_false": (
                "Correct: an educational reminder, without sanctions, puts things "
                "right without discouraging the person."
            ),
        },
        {
            "type": "ordering",
            "prompt": (
                "Put the steps for turning employees into good ambassadors in order."
            ),
            "explanation": (
                "Lesson 6: the initiative comes from communications, management "
                "approves it, the policy sets the framework, training reassures, then "
                "ongoing support keeps the momentum."
            ),
            "points": 2,
            "scoring": "relative",
            "items": [
                (
                    "The communications department proposes an awareness and training "
                    "plan to management."
                ),
                "Senior management approves the initiative and announces it.",
                "The organisation drafts and circulates a social media usage policy.",
                "Staff attend training that reassures them and shows the benefits.",
                (
                    "Communications supports employees and gives friendly reminders "
                    "when needed."
                ),
            ],
        },
        {
            "type": "matching",
            "prompt": "Match each tool with the good practice that goes with it.",
            "explanation": (
                "Lessons 3, 5 and 6: each space has its own rules, from the private "
                "profile to the public Page, groups and the policy."
            ),
            "points": 2,
            "pairs": [
                [
                    "Personal Facebook profile",
                    "Limit the audience of your posts to friends",
                ],
                [
                    "Professional Facebook Page",
                    "Publish public content related to your trade",
                ],
                ["LinkedIn invitation", "Add a personalised note"],
                ["LinkedIn group", "Answer members' questions"],
                ["Usage policy", "Ban pseudonyms and polemical content"],
            ],
        },
        {
            "type": "essay",
            "prompt": (
                "<p>A client you have worked with for two years sends a friend request "
                "to your personal Facebook account. Write two short texts: first the "
                "public welcome message of your profile, saying who this account is "
                "for; then the personal message you send this client to decline the "
                "request without offending them.</p>"
            ),
            "explanation": (
                "Lesson 4: a public welcome message sets the rule for everyone, and a "
                "courteous personal note that offers a work channel keeps the business "
                "relationship intact."
            ),
            "points": "4",
            "model_answer": (
                "<p>Welcome: “This profile is for my family and close friends. For "
                "anything work-related, find me on LinkedIn or write to my work "
                "address.”</p>"
                "<p>Message: “Hello Mark, thank you for the invitation, I appreciate "
                "it. I keep Facebook for close friends and family only; it is a rule "
                "I apply to everyone. I would be glad to stay in touch on LinkedIn or "
                "by email at the office: julie.tremblay@example.org. I look forward "
                "to working together again!”</p>"
            ),
            "min_words": 40,
            "max_words": 160,
            "grader_instructions": (
                "<p>Read both texts together. The refusal must stay warm and present "
                "the rule as general, never as a judgement of the client. A work email "
                "address, an office phone number or a LinkedIn profile count as work "
                "contact details. Withhold the privacy point if the text reveals "
                "personal details (address, family, schedule, holidays).</p>"
            ),
            "rubric": [
                {
                    "criterion": "Politeness",
                    "levels": [
                        {"label": "Curt or hurtful", "points": "0"},
                        {"label": "Correct but impersonal", "points": "0.5"},
                        {"label": "Warm and courteous", "points": "1"},
                    ],
                },
                {
                    "criterion": "Gives a work contact",
                    "levels": [
                        {"label": "No other way to get in touch", "points": "0"},
                        {"label": "Offers a specific work channel", "points": "1"},
                    ],
                },
                {
                    "criterion": "Avoids personal details",
                    "levels": [
                        {"label": "Reveals private details", "points": "0"},
                        {"label": "Nothing private is disclosed", "points": "1"},
                    ],
                },
                {
                    "criterion": "Length",
                    "levels": [
                        {"label": "Too short or too long", "points": "0"},
                        {"label": "Brief and complete", "points": "1"},
                    ],
                },
            ],
        },
    ],
}

KNOWLEDGE_CHECKS = {
    "privacy-settings": {
        "title": "Knowledge check: privacy settings",
        "instructions": (
            "<p>Three quick questions to check what you took away from the lesson on "
            "profiles, Pages and privacy settings.</p>"
        ),
        "pass_mark": 70,
        "questions": [
            {
                "type": "true_false",
                "prompt": (
                    "You can manage a professional Facebook Page without having a "
                    "personal account."
                ),
                "explanation": (
                    "A Page is always managed from a personal account; you can, "
                    "however, keep that account almost empty."
                ),
                "points": 1,
                "answer": False,
                "feedback_true": "No: a personal account is required to manage a Page.",
                "feedback_false": (
                    "Correct: the Page must be attached to a personal account."
                ),
            },
            {
                "type": "single_choice",
                "prompt": (
                    "Which Facebook setting stops people who are not your friends from "
                    "seeing your next posts?"
                ),
                "explanation": (
                    "In Audience and visibility > Posts, the audience for future posts "
                    "determines who will see them."
                ),
                "points": 1,
                "choices": [
                    {
                        "text": "Set the audience for your future posts to Friends.",
                        "correct": True,
                        "feedback": (
                            "Correct: your next posts will be visible to your friends "
                            "only."
                        ),
                    },
                    {
                        "text": "Turn on two-factor authentication.",
                        "correct": False,
                        "feedback": (
                            "That setting protects access to the account, not the "
                            "audience of your posts."
                        ),
                    },
                    {
                        "text": "Remove your profile picture.",
                        "correct": False,
                        "feedback": "That changes nothing about who sees your posts.",
                    },
                    {
                        "text": "Accept every friend request.",
                        "correct": False,
                        "feedback": "Quite the opposite: that widens your audience.",
                    },
                ],
            },
            {
                "type": "matching",
                "prompt": "Match each setting with what it lets you do.",
                "explanation": (
                    "Each section of the settings meets a specific need: audience, "
                    "tags, public profile and security."
                ),
                "points": 2,
                "pairs": [
                    ["Posts (Facebook)", "Choose who sees your next posts"],
                    [
                        "Profile and tagging (Facebook)",
                        "Approve tags before they appear",
                    ],
                    ["Public profile (LinkedIn)", "Choose what search engines see"],
                    ["Sign in & security (LinkedIn)", "Turn on two-step verification"],
                ],
            },
        ],
    },
    "declining-a-friend-request": {
        "title": "Knowledge check: saying no to a friend request",
        "instructions": (
            "<p>Three quick questions to check what you took away from the lesson on "
            "declining a friend request courteously.</p>"
        ),
        "pass_mark": 70,
        "questions": [
            {
                "type": "single_choice",
                "prompt": (
                    "What is the public welcome message on your personal profile for?"
                ),
                "explanation": (
                    "The welcome message sets the rule in advance: a refusal then "
                    "applies to everyone and feels less personal."
                ),
                "points": 1,
                "choices": [
                    {
                        "text": (
                            "To announce in advance whom you accept as a friend, so "
                            "that refusals feel less personal."
                        ),
                        "correct": True,
                        "feedback": (
                            "Correct: the rule is known before the request is even "
                            "sent."
                        ),
                    },
                    {
                        "text": "To promote your services.",
                        "correct": False,
                        "feedback": (
                            "No: promotion belongs on a professional Page or on "
                            "LinkedIn."
                        ),
                    },
                    {
                        "text": "To replace the company's professional Page.",
                        "correct": False,
                        "feedback": (
                            "No: the personal profile and the Page play different "
                            "roles."
                        ),
                    },
                    {
                        "text": (
                            "To invite all your business contacts to become your "
                            "friends."
                        ),
                        "correct": False,
                        "feedback": (
                            "Quite the opposite: the message announces that your "
                            "profile is for people close to you."
                        ),
                    },
                ],
            },
            {
                "type": "true_false",
                "prompt": (
                    "Declining a client's friend request amounts to rejecting the "
                    "professional relationship."
                ),
                "explanation": (
                    "A courteous refusal simply steers the relationship to the right "
                    "channel, thanks to your professional contact details."
                ),
                "points": 1,
                "answer": False,
                "feedback_true": (
                    "No: you offer another channel, and the relationship carries on "
                    "elsewhere."
                ),
                "feedback_false": (
                    "Correct: the relationship carries on by email, by phone or on "
                    "LinkedIn."
                ),
            },
            {
                "type": "ordering",
                "prompt": (
                    "Put the steps for declining a friend request without offending in "
                    "order."
                ),
                "explanation": (
                    "First set the rule in public; the personal message then says "
                    "thank you, explains and offers another channel."
                ),
                "points": 2,
                "scoring": "position",
                "items": [
                    "Post a public welcome message stating whom you accept.",
                    "Thank the person in a private message.",
                    "Explain your rule in one sentence.",
                    "Give them your professional contact details or your LinkedIn.",
                ],
            },
        ],
    },
}
