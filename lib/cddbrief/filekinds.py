"""The file kinds a meeting write-up is read from, as suffixes and in words: one list for the catalogue
(``store``), the readers' advice (``sources``) and the command line's help.

>>> FORMS
'.txt, .docx, .pdf, .html or .htm'
>>> "สรุปการประชุม.docx".endswith(SOURCE_SUFFIXES)
True
"""

SOURCE_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")
FORMS = ", ".join(SOURCE_SUFFIXES[:-1]) + " or " + SOURCE_SUFFIXES[-1]
