<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>CaseRepository</name>
    <message>
        <source>There is no case %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number %1 is already in your caseload. Check the number, or open the existing case.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseloadQuery</name>
    <message>
        <source>read the caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the letters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseloadViews</name>
    <message>
        <source>All open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hearing or deadline in the next 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open over 26 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child not seen in 6 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChronologyQuery</name>
    <message>
        <source>read the children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order followed your recommendation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order did not follow your recommendation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did not take place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the case notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone call note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct work note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Court note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Management oversight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Introduction letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goodbye letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoGenerator</name>
    <message>
        <source>The number of demo cases must be between 0 and 100,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store already holds cases. A demo caseload is only made in a new, empty store, so it can never mix with real work.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Lantern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Welcome to Lantern.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;There is no caseload on this laptop yet. You can start with a demo caseload of invented families to see how Lantern works, or with an empty one.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your store will be kept at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a &amp;demo caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HearingRepository</name>
    <message>
        <source>The hearing is dated before the case was issued (%1). Check the date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IcsExport</name>
    <message>
        <source>The last day (%1) is before the first day (%2). Check the dates.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Care order (s31)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision order (s31)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child arrangements (s8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section 7 report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule 16.4 guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child Impact Report (pathfinder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mother</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Father</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step-parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foster carer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other relative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case management hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issues resolution hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fact-finding hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispute resolution appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Introduction letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goodbye letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under 8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8 to 12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>13 and over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact centre visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child not seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Court</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Management oversight</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterDrafter</name>
    <message>
        <source>The letter template has a mistake: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name (Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone number (Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your email address (Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your office (Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feedback address (Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The court</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the hearing is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the judge decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the judge decided it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you recommended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why you recommended it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the child said they wanted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterPdf</name>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter could not be made into a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterRepository</name>
    <message>
        <source>This letter is finalised and cannot change. To correct it, draft a new letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This letter is already finalised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This letter cannot be finalised yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a child of this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters are written in English or Welsh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalise the letter before recording that it was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the day the letter was sent (today or earlier).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how the letter was sent: by post, by hand or by email.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterSafety</name>
    <message>
        <source>Fill in what is still marked in brackets: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter still has template braces {{ }} in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter contains an address flagged confidential (%1&apos;s). Take it out before finalising.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an adult&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter names someone the child must not be told about (%1). Take the name out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an adult on this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the letter against the notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of the letter is copied from a case note. Notes are records for the court: write to the child in your own words instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterTemplates</name>
    <message>
        <source>The letter template %1 is missing from this build of Lantern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no template for this letter.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>d MMM yyyy, HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteRepository</name>
    <message>
        <source>This case no longer exists, so a note cannot be added to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter when the contact happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact cannot be in the future: a note records what happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note can only be about children of its own case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the child or children this note is about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read your drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This note is already finalised. Add an amendment instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is empty. Write what happened before finalising.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the decision on the child&apos;s plan before finalising this management oversight note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the note is being amended: the reason is kept with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This note is still a draft: change it directly, no amendment is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the amended note before saving the amendment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteSearch</name>
    <message>
        <source>search the notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanningRules</name>
    <message>
        <source>Overlaps another visit (%1, %2 to %3), travel included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside your working hours (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have a hearing that day (%1 at %2, %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the report&apos;s filing deadline (%1): what you learn will be too late for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A school visit in the evening: the school will be closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PracticeMeasures</name>
    <message>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases allocated to you that are not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children in your open cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open over %1 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases issued more than %1 weeks ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Management reviews due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases whose management review of the child&apos;s plan is overdue or due in the next %1 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hearings this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases with a hearing from today to %1 days ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports due this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases with a filing deadline from today to %1 days ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet available: no visit has been recorded in Lantern yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet available: no letter has been recorded in Lantern yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children with engagement recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children in open cases with at least one visit marked done (in person, video or phone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children seen in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children in open cases seen in person at least once (a done visit that was not by video or phone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children with an introduction letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children in open cases with an introduction letter finalised or sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed cases with goodbye letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed cases where every child has a goodbye letter finalised or sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over %1 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2 weeks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Readability</name>
    <message>
        <source>No text yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading age about %1; %2 is %3. This is likely too hard: try shorter sentences and everyday words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading age about %1; %2 is %3: about right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordRepository</name>
    <message>
        <source>This record no longer exists: it may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read records</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Repositories</name>
    <message>
        <source>Choose the case this belongs to: the case given does not exist or was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the case number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the court.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date the case was issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The issue date cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter what the court ordered before closing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say whether the order followed your recommendation before closing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The closing date must be on or after the issue date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the child&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the child&apos;s date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth makes this person an adult. Check the year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters can be written in English or Welsh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the person&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link this person only to children of the same case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date and time of the hearing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filing deadline must be between 0 and 365 days before the hearing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>read your settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>%1 is a folder, not a Lantern store. Choose a file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Lantern store: it is not a SQLite database. Nothing in it was changed. Choose your Lantern store, or move this file aside so Lantern can create a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store %1 is read-only, so Lantern cannot save your work in it. Make the file and its folder writable, or copy it to a folder you can write to, then open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no Lantern store at %1. Check the path, or create a store first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern cannot create a store at %1: the folder cannot be written to. Choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store %1 is busy: another program kept it locked. Nothing was lost; try again in a moment, and close any other copy of Lantern using this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store %1 is read-only, so Lantern cannot save your work in it. Make the file and its folder writable, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store %1 is damaged and Lantern will not change it. Keep the file as it is and restore your latest backup, or ask support to recover it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Lantern store: it is not a SQLite database. Nothing in it was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern cannot open the store %1. Check that the file and its folder exist and can be written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding %1 is full, so nothing was saved. Free some space and try again; what you typed is still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern could not %1 in the store %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the list of tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store %1 was written by a newer version of Lantern (schema %2; this version knows up to %3). It has not been opened or changed. Update Lantern to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>configure the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switch the store to write-ahead logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store %1 could not be switched to safe writing (write-ahead log). Make sure the file and its folder are writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back up the store before updating it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start updating the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the store&apos;s tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store has no table %1; it needs updating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a field of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record no longer exists: it may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record the change for sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new record needs an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record with this id already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save a new record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was finalised and cannot be changed. Add an amendment or a new record instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save a change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was finalised and cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save your work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 record points to a missing %2 record.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeliness</name>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over 26 weeks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitRepository</name>
    <message>
        <source>Choose the child or children this visit is with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A child chosen for this visit is not a child of this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter when the visit starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visit must end after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A visit cannot last more than 12 hours. Check the end time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travel before the visit must be between 0 and 240 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travel after the visit must be between 0 and 240 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the child was not seen: it matters to the court and to the child&apos;s record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visit has not started yet, so it cannot be marked as done or not seen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkingHours</name>
    <message>
        <source>Monday to Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working hours need at least one day, and a start before the end.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern-cli</name>
    <message numerus="yes">
        <source>%n visit(s) written to %1.</source>
        <translation>
            <numerusform>%n visit written to %1.</numerusform>
            <numerusform>%n visits written to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fill a store with a fictional demo caseload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a store&apos;s health without changing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render a draft letter to a child as a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write your visits to an iCalendar (.ics) file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::AdultDialog</name>
    <message>
        <source>Edit person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In words, e.g. Maternal grandmother</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matters to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No children have been added to this case yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;veal to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal the confidential address to edit it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revealing a confidential address is recorded in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address is &amp;confidential: never shown to the other party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Victim of &amp;domestic abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alleged &amp;perpetrator of abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child must not &amp;know about this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything that keeps the child or others safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;lationship:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matters to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe&amp;ty notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidential address — hidden</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::CaseDialog</name>
    <message>
        <source>Edit case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. ZZ26C00123</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Exampleton Family Court</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Domestic abuse is a feature of this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domestic abuse is a feature of this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next management review is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next management review date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the case has taken longer than expected, if it has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Case number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;urt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Proceedings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issued on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Allocated to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next management &amp;review:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;eason for any delay:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::CaseFileView</name>
    <message>
        <source>d MMMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address confidential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Victim of domestic abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alleged perpetrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child must not know about this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cl&amp;ose case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan a visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan a visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case file sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Adults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hea&amp;rings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chro&amp;nology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd child…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ed&amp;it child…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd adult…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ed&amp;it adult…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hearings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd hearing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ed&amp;it hearing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are in England and Wales. A report deadline is counted back from its hearing, so it moves when the hearing moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chronology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything on the case, newest first. Planned hearings and visits are at the top, in blue. Note text is not shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Children (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Adults (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hea&amp;rings (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · Issued %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weeks open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PLO: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domestic abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;outcome…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Court</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proceedings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes: domestic abuse is a feature of this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next management review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long it ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time and what is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weeks open (to closing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weeks open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reached: closed before %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be reached on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1-week mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next report due</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (in %n day(s))</source>
        <translation>
            <numerusform>%1 (in %n day)</numerusform>
            <numerusform>%1 (in %n days)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the court ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, the order followed your recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, the order did not follow your recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Followed your recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (age %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No children added yet. Add them on the Children tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Age %2</source>
        <comment>name, then age</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No children on this case yet. Use Add child to add them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (born %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pronouns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters written in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welsh (Cymraeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heritage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lives with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What matters to them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adults around %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No adults linked to this child yet. Add them on the Adults tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 · safety flags</source>
        <comment>name, then role</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <comment>name, then role</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No adults on this case yet. Use Add adult to add the people who matter to the children.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matters to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidential address, revealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidential: never share with the other party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidential address — hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidential address, hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revea&amp;l</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal confidential address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the address. Each reveal is recorded in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <comment>no report due</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s) before)</source>
        <translation>
            <numerusform>%1 (%n day before)</numerusform>
            <numerusform>%1 (%n days before)</numerusform>
        </translation>
    </message>
    <message>
        <source>This hearing has taken place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hearings listed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still to come</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::CaseloadModel</name>
    <message>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Court</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proceedings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weeks open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filing deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domestic abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidential address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No intro letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: seen %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not yet seen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::CaseloadView</name>
    <message>
        <source>Saved view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose which cases to list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to filter by child, case number or court</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the saved view again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Showing the %n case(s) behind “%1”.</source>
        <translation>
            <numerusform>Showing the %n case behind “%1”.</numerusform>
            <numerusform>Showing the %n cases behind “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) shown</source>
        <translation>
            <numerusform>%n case shown</numerusform>
            <numerusform>%n cases shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lantern::ChildDialog</name>
    <message>
        <source>Edit child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full legal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name they like to be called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>she/her</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>he/him</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>they/them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. English, Welsh, Polish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welsh (Cymraeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Mother and maternal grandmother</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What matters to them, in their own words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Legal name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferred name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;nouns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters &amp;written in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Heritage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;aith:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;chool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lives w&amp;ith:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What &amp;matters to them:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::CloseCaseDialog</name>
    <message>
        <source>&amp;Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome of case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Child arrangements order: lives with mother, spends time with father every other weekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, the order followed my recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, the order did not follow my recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did the order follow your recommendation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the court &amp;ordered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Closing date:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::DashboardView</name>
    <message>
        <source>Your practice this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a figure or a bar to see the cases behind it. Hover for how it is counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases by weeks open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart of open cases by weeks open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::DiaryView</name>
    <message>
        <source>◀ &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This &amp;week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ext ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan a &amp;visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport to calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous week (Page Up in the diary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next week (Page Down in the diary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your visits as a calendar file (.ics) for your phone or work calendar: initials and the kind of visit only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Today and tomorrow&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda for today and tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing planned today or tomorrow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export visits to a calendar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your visits were saved to %1. They show the children&apos;s initials and the kind of visit only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::FigureTile</name>
    <message>
        <source>Not yet available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::HearingDialog</name>
    <message>
        <source>Edit hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d MMMM yyyy, HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Exampleton Civil Justice Centre, court 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No report due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filing deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Judge, time estimate, who should attend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hearing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date and time (UK):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Report due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report due, days before the hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report is due on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::LetterEditor</name>
    <message>
        <source>Pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finalise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record as &amp;sent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before this letter can be finalised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welsh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal with the points listed above first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent on %1 by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalised on %1: it can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft: saved as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalise this letter?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A finalised letter is kept exactly as it is, with its PDF, and cannot change. A correction would be a new letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not finalised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter as printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sent on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::LettersPane</name>
    <message>
        <source>Introduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goodbye</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft &amp;introduction letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft &amp;goodbye letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a letter, or draft letters for every child of the case: each is written for that child&apos;s age and language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters not drafted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::MainWindow</name>
    <message>
        <source>Lantern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan a visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export visits to calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close case file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New note in this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;My week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Diary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;details for letters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Working hours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Lantern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseload not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases: %1 · Children: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved notes not reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reopened %n note(s) you were writing; nothing was lost.</source>
        <translation>
            <numerusform>Reopened %n note you were writing; nothing was lost.</numerusform>
            <numerusform>Reopened %n notes you were writing; nothing was lost.</numerusform>
        </translation>
    </message>
    <message>
        <source>About Lantern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Lantern %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Caseload, notes, visits and letters for family court advisers, working offline.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::NewNoteDialog</name>
    <message>
        <source>New case note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the contact happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When it happened:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start writing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::NoteEditor</name>
    <message>
        <source>&amp;Decision on the child&apos;s plan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why are you amending this note?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finalise note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Italic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>•</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write what happened, soon after the contact. It is saved as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision on the child&apos;s plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: plan agreed; final hearing as listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: added what the child said at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock this note as the record (Ctrl+Shift+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalise note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amend note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: %1 Your text is still here and will be saved again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save amendment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalised · amended %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalised %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amendment %1, %2 by %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amending: the original stays in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your text could not be saved, so the note was not finalised. It is still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalise this note?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A finalised note is the record and cannot be edited; later changes are amendments. Finalise it now?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::NotesPane</name>
    <message>
        <source>&amp;New note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a new case note (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a note on the left, or write a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amendment in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Finalised, amended %n time(s)</source>
        <translation>
            <numerusform>Finalised, amended %n time</numerusform>
            <numerusform>Finalised, amended %n times</numerusform>
        </translation>
    </message>
    <message>
        <source>Finalised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d MMM yyyy, HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing written yet)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::ProfileDialog</name>
    <message>
        <source>Your details for letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters to children are signed with these details (as their Children&apos;s Guardian in public law, their Family Court Adviser in private law). The feedback address is printed with a QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Feedback address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feedback address must be a web address starting with https://</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::RecordDialog</name>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::SearchDialog</name>
    <message>
        <source>&amp;Between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search every note: words, names, places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only notes between two dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, case %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) found</source>
        <translation>
            <numerusform>%n note found</numerusform>
            <numerusform>%n notes found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lantern::VisitDialog</name>
    <message>
        <source>&amp;Find a time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan a visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. home, school, family centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ddd d MMMM yyyy, HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travel before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travel after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before, and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. foster carer, interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the child was not seen, or why the visit was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Case:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hildren:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Starts (UK):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free times:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Travel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Who else:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Check before saving&lt;/b&gt; (you can still save):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free time before %1. Try a shorter visit, or plan it anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the case this visit is for.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::WeekView</name>
    <message>
        <source>Week diary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::WorkingHoursDialog</name>
    <message>
        <source>Working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The diary shades time outside these hours, and planning a visit outside them gives a warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day &amp;starts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day &amp;ends:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Lantern: caseload, notes, visits and letters for family court advisers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the store in FILE instead of the default one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a demo caseload without asking when the store is new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo caseload not created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lantern::SyncStatusLine</name>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle</source>
        <translation>
            <numerusform>%n conflict to settle</numerusform>
            <numerusform>%n conflicts to settle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) kept aside</source>
        <translation>
            <numerusform>%n change kept aside</numerusform>
            <numerusform>%n changes kept aside</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lantern::SyncPanel</name>
    <message numerus="yes">
        <source>%n change(s) sent</source>
        <translation>
            <numerusform>%n change sent</numerusform>
            <numerusform>%n changes sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) received</source>
        <translation>
            <numerusform>%n record received</numerusform>
            <numerusform>%n records received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused</source>
        <translation>
            <numerusform>%n change refused</numerusform>
            <numerusform>%n changes refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new conflict(s)</source>
        <translation>
            <numerusform>%n new conflict</numerusform>
            <numerusform>%n new conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle: the same detail was changed in two places.</source>
        <translation>
            <numerusform>%n conflict to settle: the same detail was changed in two places.</numerusform>
            <numerusform>%n conflicts to settle: the same detail was changed in two places.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting to be sent (%n change(s))</source>
        <translation>
            <numerusform>Waiting to be sent (%n change)</numerusform>
            <numerusform>Waiting to be sent (%n changes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n time(s)</source>
        <translation>
            <numerusform>%1, %n time</numerusform>
            <numerusform>%1, %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more change(s), sent after these.</source>
        <translation>
            <numerusform>…and %n more change, sent after these.</numerusform>
            <numerusform>…and %n more changes, sent after these.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lantern::sync::SyncWorker</name>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many attempts. Try again in %n second.</numerusform>
            <numerusform>Too many attempts. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) have not reached the server yet. Sync now, and sign out once they have gone, so nothing is lost.</source>
        <translation>
            <numerusform>%n change has not reached the server yet. Sync now, and sign out once it has gone, so nothing is lost.</numerusform>
            <numerusform>%n changes have not reached the server yet. Sync now, and sign out once they have gone, so nothing is lost.</numerusform>
        </translation>
    </message>
</context>
</TS>
