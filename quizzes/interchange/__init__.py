"""Question files in and out: GIFT and Moodle XML over the neutral format.

``registry.formats`` lists the formats; each converts file ⇄ ``ParsedQuestion``
/ ``ExportItem`` (``base``). ``reading`` turns an upload into a checked
preview; the services in ``quizzes.services.interchange`` save it.
"""
