<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Community Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>development build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where this desk keeps its files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no program to show folders. The folder is:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1 characters, not only digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the password to the person; they choose their own at their first sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>The administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The administrator adds the other workers&apos; accounts and changes the desk&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk already has accounts: sign in with one of them once it is set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1 characters, not only digits. Choose one that others cannot guess, and keep it safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Access audit — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk (nobody signed in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export xlsx…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every entry the filters match (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (cases: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries are kept at least %1 days and cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case &amp;number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the audit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) shown</source>
        <translation>
            <numerusform>%n record shown</numerusform>
            <numerusform>%n records shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) written to %1</source>
        <translation>
            <numerusform>%n record written to %1</numerusform>
            <numerusform>%n records written to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>; scroll down for older ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk does not have case %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the access audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the xlsx…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Community Desk backups (*%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk was backed up to
%1

Size: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up the desk…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallMeetingDialog</name>
    <message>
        <source>Call a council meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departments summoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts to look at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Back to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under special supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>raised %n more time(s)</source>
        <translation>
            <numerusform>raised %n more time</numerusform>
            <numerusform>raised %n more times</numerusform>
        </translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(due soon)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>split from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue or due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registered %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case matches these filters: %1. Clear filters to see every case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>≥ %n case(s), counting…</source>
        <translation>
            <numerusform>≥ %n case, counting…</numerusform>
            <numerusform>≥ %n cases, counting…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <source>Search: case number, phone or its last 4 digits, words of the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council-meeting resolutions overdue or due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesDialog</name>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as a model case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is this a model case?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategoryPicker</name>
    <message>
        <source>Type to search: 噪音, zy, noise, 0101…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password was reset by an administrator: choose your own before you continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseResolutionDialog</name>
    <message>
        <source>Resolution done</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Also resolve the meeting&apos;s %n open case(s) with this answer</source>
        <translation>
            <numerusform>Also resolve the meeting&apos;s open case with this answer</numerusform>
            <numerusform>Also resolve the meeting&apos;s %n open cases with this answer</numerusform>
        </translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Community Desk — unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community Desk ran into an unexpected error and could not finish what it was doing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details were written to the log file below. If it happens again, send that file to whoever supports this desk. You can continue working, but save what you are doing first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more errors since; they are in the log too.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>Last %n week(s)</source>
        <translation>
            <numerusform>Last %n week</numerusform>
            <numerusform>Last %n weeks</numerusform>
        </translation>
    </message>
    <message>
        <source>Communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per week, by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per week, by community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing timeliness and completion over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department scores (last four weeks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected, next 4 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same 4 weeks last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected to rise (预计上升) in the next four weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requests in these weeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing timeliness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hot-spot map: requests of the weeks shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method: the same weeks of earlier years (±2 weeks) times the recent trend; flagged when at least 3 requests and 1.5 times the last four weeks are expected. Replayed on the past year: %1 flags, %2 came true (%3%); rises happened in %4% of all category-community-weeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foresight needs at least a year of history.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>This desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the desk, give it the code the centre assigned, and choose the community or street it serves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk &amp;code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community or &amp;street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Pengwan Community Service Centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk was set up before, but it has no administrator yet; only the administrator is left to create.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk code begins every case number this desk issues, and it cannot be changed later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskSession</name>
    <message>
        <source>Not restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was restored. The data it replaced is kept in %1. Community Desk will now close; please start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This recovery key does not open the database. Check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the desk&apos;s database…
Upgrading or encrypting a large database can take a few minutes. Please wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community Desk is already open on this computer for this data. Its window was brought to the front; use that one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DutyRoster</name>
    <message>
        <source>Deputy&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put on duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol with the central platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the centre for a one-time code for this desk (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the centre&apos;s address (https://…) and the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacting the centre…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrolPage</name>
    <message>
        <source>The central platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An enrolled desk sends its cases to the centre and receives the centre&apos;s assignments. Until it is enrolled, it works alone on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enrol with the central platform now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Work offline for now (enrol later from the Desk menu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time &amp;code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk has been set up and works offline. Correct the address or the code and try again, or continue offline and enrol later from the Desk menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish creates the administrator account “%4” for the desk “%1” (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish creates the desk “%1” (%2) in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish creates the desk “%1” (%2) in %3 and the administrator account “%4”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the centre&apos;s address, beginning with https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http:// would send the desk&apos;s token and the residents&apos; data unencrypted: enter the centre&apos;s https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the one-time code the centre gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacting the centre…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindingToCaseDialog</name>
    <message>
        <source>Turn the finding into a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowupBridge</name>
    <message>
        <source>Community Desk — watch list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cases newly need action.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowupPanel</name>
    <message>
        <source>Daily automatic reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-site supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leader %1, due %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone reminder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-site supervision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List for supervision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send back down…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim (lead it myself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First-handling owner: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>co-department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline moved from %1 to %2 by a newer holiday calendar (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken over there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent back down with instructions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed supervision: leader %1, due %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed by leader %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned, waiting to be dispatched again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned by two departments: waiting for the centre&apos;s adjudication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whom did you call, and what was agreed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was found on site?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List for supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible leader:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date (YYYY-MM-DD):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the due date as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send back down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand the case over to:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>Resident agrees to publication (shown without personal data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(grid not known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear everything typed in this form? It cannot be brought back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request was being typed when Community Desk last stopped. Put it back in the form?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested: %1 → %4 (%2, %3) — press F2 to accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% sure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sure: %1? Press F2 to choose (the catch-all %2 is last)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two problems? %1 — a supervisor can split the case after saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be saved as %1 cases: %2 (click to keep one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two problems? %1 — click to save them as separate cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed at once with the answer you record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a category to see the department and the deadline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Together with: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due by %1 (to be signed for within 24 hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Possible duplicates (%n)</source>
        <translation>
            <numerusform>Possible duplicate (%n)</numerusform>
            <numerusform>Possible duplicates (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted on the existing case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was added to case %1; no new case was opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two problems in one request, split at intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as one case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>&amp;Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile or landline, e.g. 13812345678 or 0755-12345678</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, 18 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the resident says, in their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled on the spot (answered at the window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer given to the resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and print receipt (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count it on the selected case instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases with the same phone, or the same category in this community, in the last 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None found so far. They are looked for as you type the phone and choose the category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel / kind / urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community / grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome to Community Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no desk yet. A few questions set it up; nothing is saved until the last page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the language of the interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can change it later under Settings → Preferences.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LazyPage</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Community Desk — sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk was locked because it was idle. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your account on this desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo workspace, password %1 for every account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (enrols the desk with the centre, users, settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk is locked. Sign in again to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch &amp;user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as another person (Alt+U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as another person. The work of the person who locked the desk is kept until they sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opinion room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid patrols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register a request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overdue and due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enrol with the central platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events &amp;refused by the centre…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a bac&amp;kup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access &amp;audit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Community Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk works offline. Enrol it with the central platform first (Desk → Enrol with the central platform).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk works offline: it is not enrolled with the central platform yet. Only an %1 may enrol it: sign in as one and choose Desk → Enrol with the central platform. (In the demo workspace: user admin, password demo1234.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk works offline: it is not enrolled with the central platform yet. Only an %1 may enrol it (Desk → Enrol with the central platform); ask yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 min off the centre&apos;s: please set it right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingDetail</name>
    <message>
        <source>● in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ escalated to a higher meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department summoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes: what was said and agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save minutes and attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photo of the sign-in sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add resolution…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass up to the next level…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deputies present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Party members present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residents present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance and minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2, convened by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was changed on two desks at once; kept: %2, also written: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo of the sign-in sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeping the photo…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Blow the whistle: call a meeting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a topic…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hot topics (from the cases, and added by hand)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolutions overdue or due within 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message>
        <source>— meeting called: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recurring problem, in a few words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpinionRoomPage</name>
    <message>
        <source>Receptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duty roster</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatrolsPage</name>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a patrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the patrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patrols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos of the finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Photo… (%n chosen)</source>
        <translation>
            <numerusform>Photo… (%n chosen)</numerusform>
            <numerusform>Photos… (%n chosen)</numerusform>
        </translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under way</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Record progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Settled at the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk telephone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the code with your phone, or open %1 and enter the lookup code, to follow your request and evaluate it when it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lookup code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To ask about progress, call %1 or come to the window with this case number, or give the last four digits of your phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To ask about progress, call the centre or come to the window with this case number, or give the last four digits of your phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt of request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker (signature):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceptionsPage</name>
    <message>
        <source>Log the reception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deputy&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the residents raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deputy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Add finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn into a case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%n finding(s) waiting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This finding is already a case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered as case %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryKey</name>
    <message>
        <source>Community Desk — recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key opens the desk&apos;s database and every backup of it, on any computer. Keep it locked away, apart from the computer; whoever holds it can read the residents&apos; data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no credential store that Community Desk can use, so the database key is kept in a file only your user account can read. The residents&apos; data is then only as safe as this account: give it a strong password and do not share it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the desk&apos;s recovery key. The residents&apos; data is encrypted; if this computer is lost or its key is damaged, only this key opens the database and its backups on another computer. It is shown only now: print it or write it down, and keep it locked away from the computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print the recovery key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key and will keep it safe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>The desk&apos;s data is now encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPrompt</name>
    <message>
        <source>Enter the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>The recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it somewhere safe: it is the only way back to the data if the key on this computer is lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RejectionsDialog</name>
    <message>
        <source>Events refused by the centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the centre refused it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record again now (after fixing the clock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is dropped silently: decide what to do with each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is it discarded?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderLetter</name>
    <message>
        <source>Reminder letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 day(s) over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The following requests dispatched to your department are overdue or about to fall due. Please sign for them, handle them and answer within the time limits, and report back to this centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderLetterDialog</name>
    <message>
        <source>Reminder letter — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This department has no overdue or due-soon cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save reminder letter as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded on %1 case(s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Weekly report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export xlsx…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a period and make the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a row to see the cases behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the xlsx…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person must change it at their next sign-in. A locked account is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResolutionDialog</name>
    <message>
        <source>Agree a resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner (department or person)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup file. It is checked first; nothing changes until you confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the backup holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I understand that the desk&apos;s current data will be replaced by this backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That recovery key is not the one of this backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is whole and can be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (database %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup is of another desk (%1), not of this one (%2). Restoring it makes this computer that desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring replaces all of this desk&apos;s current data — cases, accounts and attachments — with the backup&apos;s, as it was on %1. Anything recorded since then and not yet sent to the centre will no longer be in the desk. The current data is not deleted: it is moved to a folder named “restore-undo-…” in %2. The desk closes its database while restoring.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoreSettingsDialog</name>
    <message>
        <source>Department score settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of signing timeliness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excellent from (score)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good from (score)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the desk when idle for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync with the centre every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn when not evaluated after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed on the receipt, e.g. 0755-25551234</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. https://centre.example.cn (blank: no QR code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator may change this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk telephone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre&apos;s address for residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>The desk could not be set up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up Community Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue &amp;offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create the desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacting the centre…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-handling department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replying department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result given to the resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it goes back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the community cannot settle it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message to the department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number to merge into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for voiding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not asked yet —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it was asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the resident said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the resident&apos;s answer in each of the four before recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case will be closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsatisfied with the effect or the feedback: the case goes back to the department to be redone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsatisfied again after redoing: the case goes back and is put under special supervision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose a category)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category of problem %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Working offline (not enrolled with the centre)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused by the centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk&apos;s software is too old for the centre: please upgrade it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre&apos;s software is too old for this desk: the centre must be upgraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection (check the network and the address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the centre&apos;s certificate is not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address leads round in circles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre cannot be reached at {url}: {cause}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre cannot be reached: {cause}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre&apos;s address {url} uses plain http://, which sends the desk&apos;s key and residents&apos; data unencrypted. Use its https:// address (plain http:// is allowed only to this computer itself).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{url} is not the web address of a centre (it should start with https://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to the centre could not be made ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre&apos;s certificate could not be verified: this computer does not trust it. If the centre uses your network&apos;s own certificate authority, install that authority&apos;s certificate in this computer&apos;s trust store; if not, the address may not be the centre&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre&apos;s answer was cut off on the way; it will be fetched again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre&apos;s answer was cut off or unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre answered only part of a batch; it will be sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre&apos;s answer to a push has no results; it will be sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre&apos;s answer is not understood ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre keeps asking this desk to download everything again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page from the centre is not understood ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre sent a record this desk cannot read ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A photo from the centre arrived damaged; it will be fetched again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre&apos;s catalogue arrived incomplete; the desk keeps the one it has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre&apos;s catalogue was not taken ({detail}); the desk keeps the one it has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre&apos;s holiday calendar was not taken ({detail}); the desk keeps the one it has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre was restored again while this desk caught up; the next sync goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This enrolment code is not known. Check it with the centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This enrolment code has already been used. Ask the centre for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This enrolment code has expired. Ask the centre for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk code {code} is already enrolled at the centre. Ask the centre what to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre does not accept this desk&apos;s code or name (a code looks like YT-HS-01).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the enrolment code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrolment code holds characters that are not text: type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre does not know this desk any more: enrol it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre has withdrawn this desk&apos;s access. Ask the centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre asked for this desk&apos;s key: enrol the desk again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre answered with an error (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre found the record invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside the area this desk serves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded by someone who is not of this desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s clock was fast: the record is dated in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre holds a different record with the same identity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchPage</name>
    <message>
        <source>All departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import holiday calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch list: what needs action first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (returned %2 times)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items disputed most often: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items need action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items need action; the first %2 are shown (filter to see the others)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated because: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leader: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-department: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the State Council&apos;s holiday notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1. %2 open cases were recomputed; %3 deadlines moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday calendar not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recomputing deadlines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to follow up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a department (or a case of it) first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>Opened a resident&apos;s full phone and ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searched by phone or ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed a user&apos;s role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset a user&apos;s password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed own password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong password at sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account locked after failed sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched user at the lock screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed the desk&apos;s settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded events the centre refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent refused events again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed the database key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the access audit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>domain</name>
    <message>
        <source>Not allowed while the case is “{status}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded before the case was registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case was already registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by a department the case was not dispatched to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is already at this level or above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case cannot be merged into itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned by a department the case was not dispatched to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case already belongs to this worker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the level the case was escalated to can take it over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case can only be sent down to a lower level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desk code is upper-case letters and digits in parts joined by “-”, such as YT-HJ-01.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {file}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line 1: the columns must be {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: not UTF-8 text (save the file as UTF-8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: {count} fields, expected {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: not a readable CSV file ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: there must be exactly one catch_all unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: no item is handled by the catch-all unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event has no “{field}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected field “{field}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown event type “{type}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event type “{type}” does not belong to “{entity}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event&apos;s identifiers are not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event&apos;s “{field}” is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event&apos;s organisation code “{org}” is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event is too large (more than {limit} KB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a newer version of Community Desk to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid clock stamp: {stamp}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how the request came in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the kind of request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the urgency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the request in a few words (at least 3 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description is too long ({length} characters; at most 5000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a category from the catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This category is retired; choose a current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the community.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This grid does not belong to the chosen community.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title is too long (at most 100 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The location is not on the map (latitude ±90, longitude ±180).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is too long (at most 200 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the resident&apos;s name, or tick “anonymous”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long (at most 50 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a phone number so the resident can be called back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{field}” must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{field}” is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{field}” is too long ({length} characters; at most {limit}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{field}” contains a character that is not text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{field}” is not valid: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{field}” must be one of {allowed}, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{field}” must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{field}” must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{field}” must lie between {low} and {high}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{field}” is not a valid identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{field}” must be a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{field}” must have {low} to {high} entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event&apos;s payload must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{field}” is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{limit}” is not a time limit (use same_day, 24h, 3d or 5wd).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number is made of digits (spaces, dashes and brackets are allowed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mobile number has 11 digits; this one has {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mobile number starts with 13 to 19; please check the second digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A landline is an area code (such as 0755) and a number of 7 or 8 digits that does not start with 0 or 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a phone number: use 11 digits for a mobile, or area code and number for a landline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an old 15-digit ID number; please ask for the 18-digit one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ID number has 18 characters; this one has {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ID number is 17 digits and a last digit or X.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first two digits ({code}) are not a province code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digits 7 to 14 must be a date of birth; {text} is not a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth {born} is not possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last character should be {expected}, not {actual}: a digit was probably mistyped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the calendar file {file}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not a UTF-8 text file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line 1: the header must be “date,kind,name”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: expected “YYYY-MM-DD,holiday|workday,name”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: the kind must be holiday or workday, not “{kind}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: {day} is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} lists no days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down the answer given at the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown department {code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split into at least two cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe problem {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a category for problem {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not a Community Desk backup, or it is damaged: it cannot be read as a backup file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be put in place ({error}). Your data was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk&apos;s database is not encrypted, so it cannot take an encrypted backup. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup {file} is damaged: {member} does not match its checksum. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not a Community Desk backup: its manifest is missing parts or unreadable. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} was made by another program ({app}), not by Community Desk. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} was made by a newer version of Community Desk (backup format {format}). Please install the newer version; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} was made by a newer version of Community Desk (schema {revision}). Please install the newer version; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not a Community Desk backup: it lists a file with a forbidden name ({member}). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment {file} has a name that a backup cannot hold (a backslash or a colon). Rename it and back up again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the database {file}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {file} could not be backed up: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {file} is damaged ({error}); no backup was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not a Community Desk database; no backup was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database to back up at {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup {file} could not be written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} was made with another key (another desk, or this desk before it was set up again). Enter the recovery key printed when that desk was set up. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not a Community Desk backup: it has no manifest. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup {file} is incomplete: {member} is missing. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup {file} contains {member}, which its manifest does not list. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database in the backup {file} is damaged ({error}). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database in the backup {file} does not match its manifest. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup {file} could not be unpacked for checking ({error}). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore failed ({error}) and the previous data could not all be put back. It is kept in {folder}; do not delete that folder, and ask for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be opened with this desk&apos;s key: the key is wrong or missing, or the file is not a Community Desk database. If the key was lost, start Community Desk and enter the recovery key. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not a Community Desk database (or it is damaged). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be opened: {error}. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} could not be encrypted ({error}). It was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is a database of another program. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} was written by a newer version of Community Desk (schema {revision}). Please install the newer version; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the community or street this desk belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the desk a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database already belongs to a desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password needs at least {count} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password of digits only is too easy to guess: add letters or other characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user name is 2 to 40 lower-case letters, digits, “_” or “.”, starting with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the person&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name “{name}” is taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk already has accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for {minutes} more minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That account does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the last administrator: make another administrator first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new password that differs from the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no case numbered {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the resident about “{dimension}” too: each of the four needs the resident&apos;s own answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rejection has already been dealt with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the event is discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A meeting cannot be closed without minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meeting was already called.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded before the meeting was called.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meeting is closed; its record can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meeting is closed; it can no longer agree resolutions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This resolution was already recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such resolution.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This resolution is already done or passed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A meeting can only be passed up to a higher level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meeting is already closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded before the topic was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This topic was already added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was already started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded before the record was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This finding was already noted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such finding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This finding already became a case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is too large ({size} MB; at most 10 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not a photo (PNG, JPEG, GIF or WebP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo {file} is damaged or does not belong to this desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such meeting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every resolution needs an owner: a department or a person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A district meeting cannot be passed further up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The duty must end after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the grid of the patrol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address for residents looks like https://centre.example.cn (no spaces, no “?”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residents&apos; phones must reach the centre over https://; plain http:// is only for this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a recovery key of Community Desk: check every group of four characters and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is damaged or was altered after it was made: its encrypted content does not check out. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key of the database {file} is not on this computer (the credential store or the key file was lost or reset). Enter the recovery key printed when the desk was set up. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how the department was reminded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the leader responsible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a leader at a street or district desk can claim a case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter lists no cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not look cases up by phone or ID number: search by case number, name or words.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>events</name>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch / re-dispatch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record reply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record evaluation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned for redoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return for redoing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put under special supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special supervision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged into another case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split into several cases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned by the department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duty adjudicated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed for supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent back down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed by a leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting record changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case linked to the meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution passed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting passed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic added by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duty cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reception logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reception record changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding noted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding turned into a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patrol started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patrol finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patrol ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>field</name>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-handling departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deputy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of deputy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality of feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case to merge into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number to merge into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case numbers it was split into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt look-up code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed to a public listing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number it was split from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it was asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled on the spot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time of the meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed of handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed over to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>followup</name>
    <message>
        <source>The {years} public holidays have not been imported yet; counted as Monday to Friday.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <source>{d} d {h} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue by {span}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{span} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 staff</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Community Desk needs a display to open its window, and this session has none (DISPLAY is not set).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community Desk cannot reach the display %1 that this session names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start it from the desktop, or without a screen run it under a virtual display:
    xvfb-run -a community-desk --demo
(Debian/Ubuntu: scripts/system-deps.sh qt window installs xvfb.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>Give --format xlsx or pdf (or an --out file ending in .xlsx or .pdf).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no desk yet: set it up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to the folder {folder}. Choose another place; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write {file}: {error}. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The district map {file} cannot be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The district map {file} is not a GeoJSON FeatureCollection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{period}” is not a period: write a week as 2026-W48 or a month as 2026-11.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing timeliness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-time completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction (incl. basically satisfied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fully satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases registered in the period, as they stand when the report is made; voided, merged and split cases are left out of the rates. Signing timeliness: signed within 24 hours of dispatch, of those signed or past 24 hours. Completion: resolved or closed, of all valid cases. On-time completion: completed by the deadline, of those completed or already overdue. Satisfaction: satisfied or basically satisfied (the worst of the four marks), of those evaluated. Return rate: returned at least once, of those completed or returned. Handling time: working days from registration to resolution, weekends and holidays left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requests were registered in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score = 100 × ({w_sign} × signing timeliness + {w_done} × completion + {w_sat} × satisfaction) ÷ the sum of the weights of the rates that have cases. Grades: excellent from {excellent}, good from {good}, otherwise fair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights must be zero or more, and not all zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grade thresholds must lie between 0 and 100, with “good” not above “excellent”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{scope} · {name} {year}, issue {number} ({first} – {last})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A year before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of which voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of which merged as duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of which split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settled at the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised again (repeats)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average handling time (working days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public holidays in this period: {days}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hot topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hot spots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grids with at least 3 requests and 1.5 times the average grid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyword alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word or item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged when a word or item has at least 3 requests, more than both the previous period and the same period a year before, and at least 1.5 times the larger of them plus one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected to rise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected, next 4 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same 4 weeks a year before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method: the mean of the same weeks (±2) in earlier years, times the recent trend; flagged when at least 3 requests and 1.5 times the last four weeks are expected in the next four.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replayed week by week over the year before: {flags} flags, {hits} came true ({rate}); rises happened in {base} of all category-community-weeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked by a supervisor, or proposed: closed within one working day with every mark satisfied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed: closed in {days} working days, satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All requests of the period</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>suggest</name>
    <message>
        <source>matched the catalogue words {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>like the earlier request “{example}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close to how the catalogue describes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>like a request this desk filed here: “{example}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
    <message>
        <source>Window worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deputy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request for help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People&apos;s congress deputy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Party congress delegate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPPCC member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Praise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deputy reception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid patrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed for within 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A co-department has not signed within 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned by the department, to dispatch again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for manual dispatch past the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated to this level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under special supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the district notice list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned for redoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting resolution overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting resolution due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved but not evaluated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed by a leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline estimated (holidays not imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved, awaiting evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for its registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed of handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality of feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
