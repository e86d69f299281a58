"""Reports, department scores, dashboard figures and foresight: plain functions, no Qt.

The store hands out rows of case facts (desk_app.store.report_queries); these modules count
them. Every label is an English source text marked for translation (context "reports"); the
screens and exports translate it.
"""
