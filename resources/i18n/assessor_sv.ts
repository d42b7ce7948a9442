<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>ActionItemModel</name>
    <message>
        <source>Action item</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Klart senast</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>edit action item</source>
        <translation>ändra åtgärd</translation>
    </message>
</context>
<context>
    <name>AgenciesPage</name>
    <message>
        <source>Filter by name, org. number or ministry</source>
        <translation>Filtrera på namn, org.nummer eller departement</translation>
    </message>
    <message>
        <source>Filter agencies</source>
        <translation>Filtrera myndigheter</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>Myndigheter</translation>
    </message>
    <message>
        <source>New agency…</source>
        <translation>Ny myndighet…</translation>
    </message>
    <message>
        <source>Choose an agency in the list, or create one with File &gt; New agency.</source>
        <translation>Välj en myndighet i listan, eller skapa en med Arkiv &gt; Ny myndighet.</translation>
    </message>
    <message numerus="yes">
        <source>%n agencies</source>
        <translation>
            <numerusform>%n myndighet</numerusform>
            <numerusform>%n myndigheter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n agencies</source>
        <translation>
            <numerusform>%1 av %n myndighet</numerusform>
            <numerusform>%1 av %n myndigheter</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>Ta bort möte</translation>
    </message>
    <message>
        <source>Delete this meeting with its notes, participants and action items? Edit &gt; Undo brings it back.</source>
        <translation>Ta bort mötet med dess anteckningar, deltagare och åtgärder? Redigera &gt; Ångra tar tillbaka det.</translation>
    </message>
    <message>
        <source>Meeting not deleted</source>
        <translation>Mötet togs inte bort</translation>
    </message>
    <message>
        <source>delete meeting</source>
        <translation>ta bort möte</translation>
    </message>
    <message>
        <source>← Back to the agency</source>
        <translation>← Tillbaka till myndigheten</translation>
    </message>
    <message>
        <source>Open or choose an assessment first.</source>
        <translation>Öppna eller välj en bedömning först.</translation>
    </message>
    <message>
        <source>Agency not created</source>
        <translation>Myndigheten skapades inte</translation>
    </message>
</context>
<context>
    <name>AgencyAssessments</name>
    <message>
        <source>Assessments of the agency</source>
        <translation>Myndighetens bedömningar</translation>
    </message>
    <message>
        <source>Ne&amp;w assessment…</source>
        <translation>Ny &amp;bedömning…</translation>
    </message>
    <message>
        <source>O&amp;pen</source>
        <translation>&amp;Öppna</translation>
    </message>
    <message>
        <source>Status of the assessment</source>
        <translation>Bedömningens status</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
</context>
<context>
    <name>AgencyDetail</name>
    <message>
        <source>The check digit of %1 is wrong: the last digit should be %2.</source>
        <translation>Kontrollsiffran i %1 är fel: sista siffran ska vara %2.</translation>
    </message>
    <message>
        <source>“%1” is not an organisation number; write ten digits as NNNNNN-NNNN.</source>
        <translation>”%1” är inget organisationsnummer; skriv tio siffror som NNNNNN-NNNN.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Uppgifter</translation>
    </message>
    <message>
        <source>Agency name</source>
        <translation>Myndighetens namn</translation>
    </message>
    <message>
        <source>Organisation number</source>
        <translation>Organisationsnummer</translation>
    </message>
    <message>
        <source>NNNNNN-NNNN</source>
        <translation>NNNNNN-NNNN</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Departement</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;Organisation number:</source>
        <translation>&amp;Organisationsnummer:</translation>
    </message>
    <message>
        <source>&amp;Ministry:</source>
        <translation>&amp;Departement:</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontaktpersoner</translation>
    </message>
    <message>
        <source>&amp;Add contact…</source>
        <translation>Lägg till &amp;kontaktperson…</translation>
    </message>
    <message>
        <source>Edi&amp;t…</source>
        <translation>&amp;Ändra…</translation>
    </message>
    <message>
        <source>New meet&amp;ing</source>
        <translation>Nytt &amp;möte</translation>
    </message>
    <message>
        <source>Meeting mo&amp;de…</source>
        <translation>Mötes&amp;läge…</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Ändra kontaktperson</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Ta bort kontaktperson</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Möten</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>Open meeting</source>
        <translation>Öppna mötet</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Ta bort…</translation>
    </message>
    <message>
        <source>Delete meeting…</source>
        <translation>Ta bort möte…</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Bedömningar</translation>
    </message>
    <message>
        <source>edit agency name</source>
        <translation>ändra myndighetens namn</translation>
    </message>
    <message>
        <source>edit organisation number</source>
        <translation>ändra organisationsnummer</translation>
    </message>
    <message>
        <source>edit ministry</source>
        <translation>ändra departement</translation>
    </message>
    <message>
        <source>The agency&apos;s name cannot be empty.</source>
        <translation>Myndighetens namn får inte vara tomt.</translation>
    </message>
    <message>
        <source>Contact not added</source>
        <translation>Kontaktpersonen lades inte till</translation>
    </message>
    <message>
        <source>Contact not changed</source>
        <translation>Kontaktpersonen ändrades inte</translation>
    </message>
    <message>
        <source>Remove %1 from this agency&apos;s contacts?</source>
        <translation>Ta bort %1 från myndighetens kontaktpersoner?</translation>
    </message>
    <message>
        <source>new meeting</source>
        <translation>nytt möte</translation>
    </message>
</context>
<context>
    <name>AgencyTableModel</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Org. number</source>
        <translation>Org.nummer</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Departement</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Möten</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Bedömningar</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Assessor cannot open the database</source>
        <translation>Assessor kan inte öppna databasen</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>Det finns ingen databas i %1.</translation>
    </message>
    <message>
        <source>%1 is already open in another Assessor window or command. Close that one first, then start Assessor again.</source>
        <translation>%1 är redan öppen i ett annat Assessor-fönster eller kommando. Stäng det först och starta sedan Assessor igen.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Assessor. Install the newer version to open it; this version will not change the file.</source>
        <translation>%1 skrevs av en nyare version av Assessor. Installera den nyare versionen för att öppna den; den här versionen ändrar inte filen.</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 kan inte användas: %2</translation>
    </message>
    <message>
        <source>%1 cannot be read or written: %2</source>
        <translation>%1 kan inte läsas eller skrivas: %2</translation>
    </message>
    <message>
        <source>Create a new database?</source>
        <translation>Skapa en ny databas?</translation>
    </message>
    <message>
        <source>There is no database at %1.

Create a new, empty one there?</source>
        <translation>Det finns ingen databas i %1.

Skapa en ny, tom databas där?</translation>
    </message>
</context>
<context>
    <name>AssessmentWorkspace</name>
    <message>
        <source>Assessment workspace</source>
        <translation>Arbetsyta för bedömningen</translation>
    </message>
    <message>
        <source>Meeting mo&amp;de…</source>
        <translation>Mötes&amp;läge…</translation>
    </message>
    <message>
        <source>Start meeting mode for this assessment</source>
        <translation>Starta mötesläge för den här bedömningen</translation>
    </message>
    <message>
        <source>Parts of the assessment</source>
        <translation>Bedömningens delar</translation>
    </message>
    <message>
        <source>&amp;Scoring</source>
        <translation>Bedö&amp;mning</translation>
    </message>
    <message>
        <source>F&amp;indings</source>
        <translation>&amp;Iakttagelser</translation>
    </message>
    <message>
        <source>Re&amp;commendations</source>
        <translation>R&amp;ekommendationer</translation>
    </message>
    <message>
        <source>Follo&amp;w-up</source>
        <translation>&amp;Uppföljning</translation>
    </message>
    <message>
        <source>Other m&amp;odels</source>
        <translation>Andra m&amp;odeller</translation>
    </message>
</context>
<context>
    <name>Assessments</name>
    <message>
        <source>Change status</source>
        <translation>ändra status</translation>
    </message>
</context>
<context>
    <name>AssessmentsModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvarade</translation>
    </message>
</context>
<context>
    <name>AttachmentDialog</name>
    <message>
        <source>Evidence file</source>
        <translation>Underlagsfil</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>&amp;Confidential (never in a report, an export or the archive unless asked for)</source>
        <translation>&amp;Sekretessbelagd (kommer aldrig med i rapporter, exporter eller arkivet om du inte ber om det)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>okänd</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Rubrik:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivning:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <source>Added:</source>
        <translation>Tillagd:</translation>
    </message>
    <message>
        <source>The title cannot be empty.</source>
        <translation>Rubriken får inte vara tom.</translation>
    </message>
</context>
<context>
    <name>ChecklistTableModel</name>
    <message>
        <source>Checklist</source>
        <translation>Checklista</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Områden</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Frågor</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>Innehållets kontrollsumma</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Bedömningar</translation>
    </message>
</context>
<context>
    <name>ChecklistsPage</name>
    <message>
        <source>&amp;Import checklist…</source>
        <translation>&amp;Importera checklista…</translation>
    </message>
    <message>
        <source>Import a checklist file (YAML) of Assessor&apos;s format or a CISO Assistant library</source>
        <translation>Importera en checklistfil (YAML) i Assessors format eller ett CISO Assistant-bibliotek</translation>
    </message>
    <message>
        <source>Imported checklists and versions</source>
        <translation>Importerade checklistor och versioner</translation>
    </message>
    <message>
        <source>Imported checklists</source>
        <translation>Importerade checklistor</translation>
    </message>
    <message>
        <source>Import messages</source>
        <translation>Meddelanden från importen</translation>
    </message>
    <message>
        <source>Dimensions, questions and level descriptors</source>
        <translation>Områden, frågor och nivåbeskrivningar</translation>
    </message>
    <message>
        <source>Dimension, question, level</source>
        <translation>Område, fråga, nivå</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Vikt</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Vägledning</translation>
    </message>
    <message>
        <source>Import checklist</source>
        <translation>Importera checklista</translation>
    </message>
    <message>
        <source>Checklists (*.yaml *.yml);;All files (*)</source>
        <translation>Checklistor (*.yaml *.yml);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importerar %1…</translation>
    </message>
    <message>
        <source>Import as a new version</source>
        <translation>Importera som en ny version</translation>
    </message>
    <message>
        <source>Import the new conversion as version %1?</source>
        <translation>Importera den nya konverteringen som version %1?</translation>
    </message>
    <message>
        <source>The file was not imported:</source>
        <translation>Filen importerades inte:</translation>
    </message>
    <message>
        <source>The file was not imported.</source>
        <translation>Filen importerades inte.</translation>
    </message>
    <message>
        <source>Imported %1 version %2.</source>
        <translation>Importerade %1 version %2.</translation>
    </message>
    <message>
        <source>%1 version %2 was already imported; nothing changed.</source>
        <translation>%1 version %2 var redan importerad; inget ändrades.</translation>
    </message>
    <message>
        <source>Not carried over from the file:</source>
        <translation>Fördes inte över från filen:</translation>
    </message>
    <message numerus="yes">
        <source>Kept the mapping set %1 (%n links).</source>
        <translation>
            <numerusform>Mappningen %1 sparades (%n koppling).</numerusform>
            <numerusform>Mappningen %1 sparades (%n kopplingar).</numerusform>
        </translation>
    </message>
    <message>
        <source>The mapping set %1 was already kept; nothing changed.</source>
        <translation>Mappningen %1 fanns redan; inget ändrades.</translation>
    </message>
    <message>
        <source>It reads assessments on %1 as %2 and back, in an assessment&apos;s Other models tab.</source>
        <translation>Den läser bedömningar mot %1 som %2 och tillbaka, under fliken Andra modeller i en bedömning.</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <source>Dimension</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Föregående</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Förändring</translation>
    </message>
</context>
<context>
    <name>ConflictsBox</name>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <source>Kept
(this laptop now)</source>
        <translation>Behållet
(den här datorn nu)</translation>
    </message>
    <message>
        <source>Written by, when</source>
        <translation>Skrivet av, när</translation>
    </message>
    <message>
        <source>The other value</source>
        <translation>Det andra värdet</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Show &amp;resolved</source>
        <translation>Vi&amp;sa lösta</translation>
    </message>
    <message>
        <source>&amp;Keep this one</source>
        <translation>&amp;Behåll detta</translation>
    </message>
    <message>
        <source>Keep the &amp;other</source>
        <translation>Behåll de&amp;t andra</translation>
    </message>
    <message>
        <source>Edi&amp;t…</source>
        <translation>Ä&amp;ndra…</translation>
    </message>
    <message>
        <source>&amp;Keep it deleted</source>
        <translation>&amp;Behåll den raderad</translation>
    </message>
    <message>
        <source>Rest&amp;ore</source>
        <translation>Å&amp;terställ</translation>
    </message>
    <message>
        <source>Write the value yourself and keep it</source>
        <translation>Skriv värdet själv och behåll det</translation>
    </message>
    <message>
        <source>(resolved)</source>
        <translation>(löst)</translation>
    </message>
    <message>
        <source>Edit the value</source>
        <translation>Ändra värdet</translation>
    </message>
    <message>
        <source>{field} of {thing} {name}:</source>
        <translation>{field} för {thing} {name}:</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>Ändra kontaktperson</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Ny kontaktperson</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;Job title:</source>
        <translation>&amp;Befattning:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-post:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Tele&amp;fon:</translation>
    </message>
    <message>
        <source>The contact&apos;s name cannot be empty.</source>
        <translation>Kontaktpersonens namn får inte vara tomt.</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%1 of %n applicable questions answered</source>
        <translation>
            <numerusform>%1 av %n tillämplig fråga besvarad</numerusform>
            <numerusform>%1 av %n tillämpliga frågor besvarade</numerusform>
        </translation>
    </message>
    <message>
        <source>not applicable: %1</source>
        <translation>ej tillämpliga: %1</translation>
    </message>
</context>
<context>
    <name>DimensionBars</name>
    <message>
        <source>Dimension scores</source>
        <translation>Resultat per område</translation>
    </message>
    <message>
        <source>%1: %2, target %3, %4 of %5 answered</source>
        <translation>%1: %2, mål %3, %4 av %5 besvarade</translation>
    </message>
</context>
<context>
    <name>DuplicatePairModel</name>
    <message>
        <source>Same organisation number</source>
        <translation>Samma organisationsnummer</translation>
    </message>
    <message>
        <source>Similar name ({percent} %)</source>
        <translation>Liknande namn ({percent} %)</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Myndighet</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Möjlig dubblett</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible duplicate agencies</source>
        <translation>Möjliga dubbletter av myndigheter</translation>
    </message>
    <message>
        <source>These agencies look like the same one entered twice, for example by two advisors. Merging moves the contacts, meetings and assessments of one to the other and deletes it; the merge syncs like any other change.</source>
        <translation>Dessa myndigheter ser ut att vara samma myndighet inlagd två gånger, till exempel av två rådgivare. När du slår ihop dem flyttas kontaktpersoner, möten och bedömningar från den ena till den andra, och den ena tas bort; sammanslagningen synkroniseras som alla andra ändringar.</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Möjliga dubbletter</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Jämför</translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation>Behåll denna</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Organisation number</source>
        <translation>Organisationsnummer</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Departement</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontaktpersoner</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Möten</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Bedömningar</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Slå ihop…</translation>
    </message>
    <message>
        <source>No likely duplicates.</source>
        <translation>Inga troliga dubbletter.</translation>
    </message>
    <message>
        <source>Merge agencies</source>
        <translation>Slå ihop myndigheter</translation>
    </message>
    <message>
        <source>Move everything of “{other}” to “{keep}” and delete “{other}”?</source>
        <translation>Flytta allt från ”{other}” till ”{keep}” och ta bort ”{other}”?</translation>
    </message>
    <message>
        <source>Nothing was merged: {reason}</source>
        <translation>Ingenting slogs ihop: {reason}</translation>
    </message>
    <message>
        <source>Merged “{other}” into “{keep}”: {contacts} contact(s), {meetings} meeting(s) and {assessments} assessment(s) moved ({rows} row(s) in all).</source>
        <translation>”{other}” har slagits ihop med ”{keep}”: {contacts} kontaktperson(er), {meetings} möte(n) och {assessments} bedömning(ar) flyttades ({rows} rad(er) totalt).</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Ångra %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Gör om %1</translation>
    </message>
</context>
<context>
    <name>EvidenceFilesBox</name>
    <message>
        <source>Evidence files (drop or paste here)</source>
        <translation>Underlagsfiler (släpp eller klistra in här)</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>Underlagsfiler</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Bifoga fil…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Spara en kopia…</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Uppgifter…</translation>
    </message>
    <message>
        <source>Title, description and whether it is confidential</source>
        <translation>Rubrik, beskrivning och om den är sekretessbelagd</translation>
    </message>
    <message>
        <source>%1 (confidential)</source>
        <translation>%1 (sekretessbelagd)</translation>
    </message>
    <message>
        <source>%1 (not on this laptop yet)</source>
        <translation>%1 (inte på den här datorn än)</translation>
    </message>
    <message>
        <source>Only the file&apos;s description has arrived: the file itself comes with a sync from a colleague who has it.</source>
        <translation>Bara beskrivningen av filen har kommit: själva filen kommer med en synkning från en kollega som har den.</translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation>Bifoga fil</translation>
    </message>
    <message>
        <source>Attach evidence files</source>
        <translation>Bifoga underlagsfiler</translation>
    </message>
    <message>
        <source>Pasted image %1.png</source>
        <translation>Inklistrad bild %1.png</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Spara en kopia</translation>
    </message>
    <message>
        <source>Detach file</source>
        <translation>Ta bort fil</translation>
    </message>
    <message>
        <source>Change file details</source>
        <translation>Ändra uppgifter om fil</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>Meeting</source>
        <translation>Möte</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
</context>
<context>
    <name>ExportReportDialog</name>
    <message>
        <source>Reading the assessment…</source>
        <translation>Läser bedömningen…</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Skriver filen…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Klart.</translation>
    </message>
    <message>
        <source>Export report – {agency}</source>
        <translation>Exportera rapport – {agency}</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportera rapport</translation>
    </message>
    <message>
        <source>The form public archives keep: fonts embedded, colours and metadata fixed.</source>
        <translation>Den form som offentliga arkiv bevarar: typsnitt inbäddade, färger och metadata fastställda.</translation>
    </message>
    <message>
        <source>Who receives the report</source>
        <translation>Vem som tar emot rapporten</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <source>Agency:</source>
        <translation>Myndighet:</translation>
    </message>
    <message>
        <source>&amp;Assessment:</source>
        <translation>&amp;Bedömning:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation>&amp;Mottagare:</translation>
    </message>
    <message>
        <source>Exported &amp;by:</source>
        <translation>Exporterad &amp;av:</translation>
    </message>
    <message>
        <source>Whole checklist</source>
        <translation>Hela checklistan</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>An appendix reads the assessment as this checklist through a mapping set</source>
        <translation>En bilaga läser bedömningen som den här checklistan genom en mappning</translation>
    </message>
    <message>
        <source>Also read &amp;as:</source>
        <translation>Läs även &amp;som:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportera</translation>
    </message>
    <message>
        <source>Open in &amp;viewer</source>
        <translation>&amp;Öppna i visare</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word-dokument (*.docx)</translation>
    </message>
    <message>
        <source>Save report as</source>
        <translation>Spara rapporten som</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>Skapar rapporten…</translation>
    </message>
    <message>
        <source>PDF (accessible, for delivery)</source>
        <translation>PDF (tillgänglig, för leverans)</translation>
    </message>
    <message>
        <source>Word document (DOCX, editable)</source>
        <translation>Word-dokument (DOCX, redigerbart)</translation>
    </message>
    <message>
        <source>Archival (PDF/A-2a)</source>
        <translation>För arkivering (PDF/A-2a)</translation>
    </message>
    <message>
        <source>Choose a file to write the report to.</source>
        <translation>Välj en fil att skriva rapporten till.</translation>
    </message>
    <message>
        <source>Saved {path} ({size} kB).</source>
        <translation>Sparade {path} ({size} kB).</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>Filen kunde inte skrivas: {error}</translation>
    </message>
    <message>
        <source>The report could not be made: {error}</source>
        <translation>Rapporten kunde inte skapas: {error}</translation>
    </message>
</context>
<context>
    <name>FindingsEditor</name>
    <message>
        <source>Findings</source>
        <translation>Iakttagelser</translation>
    </message>
    <message>
        <source>Kind of finding</source>
        <translation>Slag av iakttagelse</translation>
    </message>
    <message>
        <source>Title of the finding</source>
        <translation>Iakttagelsens rubrik</translation>
    </message>
    <message>
        <source>Text of the finding</source>
        <translation>Iakttagelsens text</translation>
    </message>
    <message>
        <source>Dimension of the finding</source>
        <translation>Iakttagelsens område</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(inget)</translation>
    </message>
    <message>
        <source>Question of the finding</source>
        <translation>Iakttagelsens fråga</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Slag:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>Ru&amp;brik:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xt:</translation>
    </message>
    <message>
        <source>Di&amp;mension:</source>
        <translation>Områ&amp;de:</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Fråga:</translation>
    </message>
    <message>
        <source>&amp;New finding</source>
        <translation>&amp;Ny iakttagelse</translation>
    </message>
    <message>
        <source>&amp;Add finding</source>
        <translation>Lägg till ia&amp;kttagelse</translation>
    </message>
    <message>
        <source>De&amp;lete finding</source>
        <translation>Ta bort iakttagelse</translation>
    </message>
    <message>
        <source>Add finding</source>
        <translation>lägg till iakttagelse</translation>
    </message>
    <message>
        <source>Edit finding</source>
        <translation>ändra iakttagelse</translation>
    </message>
    <message>
        <source>Delete finding</source>
        <translation>ta bort iakttagelse</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Kind</source>
        <translation>Slag</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Område</translation>
    </message>
</context>
<context>
    <name>FolderRow</name>
    <message>
        <source>Shared fo&amp;lder…</source>
        <translation>Delad ma&amp;pp…</translation>
    </message>
    <message>
        <source>A folder the whole team can reach (a network share or a synced cloud folder)</source>
        <translation>En mapp som hela teamet når (en nätverksresurs eller en synkad molnmapp)</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synka nu</translation>
    </message>
    <message>
        <source>Sync now with the shared folder</source>
        <translation>Synka nu med den delade mappen</translation>
    </message>
    <message>
        <source>Merge the team&apos;s packages from the folder and leave this laptop&apos;s there</source>
        <translation>Slå ihop teamets paket från mappen och lämna den här datorns paket där</translation>
    </message>
    <message>
        <source>No shared folder: the team exchanges files by hand.</source>
        <translation>Ingen delad mapp: teamet utbyter filer för hand.</translation>
    </message>
    <message>
        <source>Shared folder: {folder} (last synced {when})</source>
        <translation>Delad mapp: {folder} (senast synkad {when})</translation>
    </message>
    <message>
        <source>The team&apos;s shared folder</source>
        <translation>Teamets delade mapp</translation>
    </message>
    <message>
        <source>Syncing with {folder}…</source>
        <translation>Synkar med {folder}…</translation>
    </message>
    <message>
        <source>Synced with the folder: colleagues&apos; packages merged: {files}; added: {added}, changed: {changed}, deleted: {deleted}; new conflicts: {conflicts}.</source>
        <translation>Synkat med mappen: kollegors synkfiler sammanslagna: {files}; tillagda: {added}, ändrade: {changed}, borttagna: {deleted}; nya konflikter: {conflicts}.</translation>
    </message>
    <message>
        <source>Skipped {n} file(s) that could not be used: {names}.</source>
        <translation>Hoppade över {n} fil(er) som inte gick att använda: {names}.</translation>
    </message>
    <message>
        <source>Could not sync with the folder: {reason}. Your work is safe on this laptop.</source>
        <translation>Kunde inte synka med mappen: {reason}. Ditt arbete är kvar på den här datorn.</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <source>Previous recommendations</source>
        <translation>Tidigare rekommendationer</translation>
    </message>
    <message>
        <source>Carr&amp;y forward to this assessment</source>
        <translation>&amp;För över till den här bedömningen</translation>
    </message>
    <message>
        <source>Scores then and now</source>
        <translation>Resultat då och nu</translation>
    </message>
    <message>
        <source>&amp;Recommendations of the previous assessment</source>
        <translation>Re&amp;kommendationer från föregående bedömning</translation>
    </message>
    <message>
        <source>Score per dimension, &amp;previous and now</source>
        <translation>Resultat per område, &amp;tidigare och nu</translation>
    </message>
    <message>
        <source>This is the agency&apos;s first assessment: nothing to follow up yet.</source>
        <translation>Det här är myndighetens första bedömning: inget att följa upp ännu.</translation>
    </message>
    <message>
        <source>Previous assessment: %1</source>
        <translation>Föregående bedömning: %1</translation>
    </message>
    <message>
        <source>Carry forward</source>
        <translation>för över</translation>
    </message>
</context>
<context>
    <name>HeatMap</name>
    <message>
        <source>Heat map of the latest scores</source>
        <translation>Värmekarta över de senaste resultaten</translation>
    </message>
    <message>
        <source>Agencies in rows, dimensions in columns; each cell shows the score. The arrow keys move between cells, S sorts by the current column (again to reverse), Enter opens the agency. The same data is offered as a table beside the map.</source>
        <translation>Myndigheter i rader, områden i kolumner; varje cell visar resultatet. Piltangenterna flyttar mellan cellerna, S sorterar efter den aktuella kolumnen (igen för omvänd ordning), Enter öppnar myndigheten. Samma data finns också som tabell bredvid kartan.</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Myndighet</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>Sorted by %1</source>
        <translation>Sorterat efter %1</translation>
    </message>
    <message>
        <source>No agency has an assessment that matches the filter.</source>
        <translation>Ingen myndighet har en bedömning som matchar filtret.</translation>
    </message>
    <message>
        <source>%1: click to sort</source>
        <translation>%1: klicka för att sortera</translation>
    </message>
</context>
<context>
    <name>HeatTable</name>
    <message>
        <source>Latest scores as a table</source>
        <translation>Senaste resultaten som tabell</translation>
    </message>
    <message>
        <source>Agencies in rows, dimensions in columns. S sorts by the current column (again to reverse), Enter opens the agency.</source>
        <translation>Myndigheter i rader, områden i kolumner. S sorterar efter den aktuella kolumnen (igen för omvänd ordning), Enter öppnar myndigheten.</translation>
    </message>
    <message>
        <source>Show as a &amp;table</source>
        <translation>Visa som ta&amp;bell</translation>
    </message>
    <message>
        <source>Show the scores as a table</source>
        <translation>Visa resultaten som tabell</translation>
    </message>
</context>
<context>
    <name>HeatTableModel</name>
    <message>
        <source>no score</source>
        <translation>inget resultat</translation>
    </message>
    <message>
        <source>change %1</source>
        <translation>förändring %1</translation>
    </message>
</context>
<context>
    <name>HubRow</name>
    <message>
        <source>Tea&amp;m hub…</source>
        <translation>Tea&amp;mnav…</translation>
    </message>
    <message>
        <source>The team&apos;s PostgreSQL hub: postgresql://you@server/database or service=NAME</source>
        <translation>Teamets nav i PostgreSQL: postgresql://du@server/databas eller service=NAMN</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synka nu</translation>
    </message>
    <message>
        <source>Sync now with the team hub</source>
        <translation>Synka nu med teamnavet</translation>
    </message>
    <message>
        <source>Send the hub what it lacks and fetch what this laptop lacks</source>
        <translation>Skicka det navet saknar och hämta det den här datorn saknar</translation>
    </message>
    <message>
        <source>No team hub.</source>
        <translation>Inget teamnav.</translation>
    </message>
    <message>
        <source>Team hub: {hub} (last synced {when})</source>
        <translation>Teamnav: {hub} (senast synkat {when})</translation>
    </message>
    <message>
        <source>Team hub</source>
        <translation>Teamnav</translation>
    </message>
    <message>
        <source>The hub&apos;s address (no password: it is asked for when needed):</source>
        <translation>Navets adress (utan lösenord: det efterfrågas vid behov):</translation>
    </message>
    <message>
        <source>The hub asks for your password:</source>
        <translation>Navet vill ha ditt lösenord:</translation>
    </message>
    <message>
        <source>Syncing with {hub}…</source>
        <translation>Synkar med {hub}…</translation>
    </message>
    <message>
        <source>Synced with the hub: rows sent: {pushed}; added: {added}, changed: {changed}, deleted: {deleted}; new conflicts: {conflicts}.</source>
        <translation>Synkat med navet: skickade rader: {pushed}; tillagda: {added}, ändrade: {changed}, borttagna: {deleted}; nya konflikter: {conflicts}.</translation>
    </message>
    <message>
        <source>Not synced with the hub: {reason}. Your work is safe on this laptop and goes on offline.</source>
        <translation>Inte synkat med navet: {reason}. Ditt arbete är kvar på den här datorn och du kan fortsätta offline.</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Who uses this laptop</source>
        <translation>Vem använder den här datorn</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>Your e-mail address</source>
        <translation>Din e-postadress</translation>
    </message>
    <message>
        <source>Colleagues see your name beside the changes you make, in their conflicts and import history.</source>
        <translation>Kollegor ser ditt namn bredvid ändringarna du gör, i sina konflikter och sin importhistorik.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-post:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Drag to resize the panes, or press Alt+Shift and an arrow key in a pane beside it</source>
        <translation>Dra för att ändra storlek på delarna, eller tryck Alt+Skift och en piltangent i en del bredvid</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Assessor</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <source>Assessor main window</source>
        <translation>Assessors huvudfönster</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Delar</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Databasfil</translation>
    </message>
    <message>
        <source>This section could not be opened: %1</source>
        <translation>Den här delen kunde inte öppnas: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;New agency…</source>
        <translation>&amp;Ny myndighet…</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>&amp;Exportera rapport…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;vsluta</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Sök…</translation>
    </message>
    <message>
        <source>&amp;Who uses this laptop…</source>
        <translation>&amp;Vem använder den här datorn…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gå till</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;About Assessor</source>
        <translation>&amp;Om Assessor</translation>
    </message>
    <message>
        <source>Open or choose an assessment first.</source>
        <translation>Öppna eller välj en bedömning först.</translation>
    </message>
    <message>
        <source>About Assessor</source>
        <translation>Om Assessor</translation>
    </message>
    <message>
        <source>Assessor %1

Assess government agencies&apos; digital maturity: meetings, scoring, findings, recommendations and reports, offline, synced by file.</source>
        <translation>Assessor %1

Bedöm myndigheters digitala mognad: möten, bedömning, iakttagelser, rekommendationer och rapporter, utan nätverk, synkroniserat med fil.</translation>
    </message>
</context>
<context>
    <name>MappedModel</name>
    <message>
        <source>Dimension</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Mapped score</source>
        <translation>Mappad nivå</translation>
    </message>
    <message>
        <source>Questions read</source>
        <translation>Lästa frågor</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 av %2</translation>
    </message>
</context>
<context>
    <name>MappedView</name>
    <message>
        <source>Checklist to read the assessment as</source>
        <translation>Checklista att läsa bedömningen som</translation>
    </message>
    <message>
        <source>&amp;Read as:</source>
        <translation>Lä&amp;s som:</translation>
    </message>
    <message>
        <source>Mapped score per dimension</source>
        <translation>Mappad nivå per område</translation>
    </message>
    <message>
        <source>What the mapping could not read</source>
        <translation>Det som mappningen inte kunde läsa</translation>
    </message>
    <message>
        <source>No mapping set joins this checklist to another imported one. Import the other framework and a mapping set between the two with Import checklist… in Checklists to read this assessment as the other one.</source>
        <translation>Ingen mappning förbinder den här checklistan med en annan importerad. Importera det andra ramverket och en mappning mellan dem med Importera checklista… under Checklistor för att läsa bedömningen som det andra.</translation>
    </message>
    <message>
        <source>The answers of this assessment read as another checklist: each of its questions gets the mean of the mapped answers, moved onto its scale. A first estimate to reuse, not an assessment.</source>
        <translation>Bedömningens svar lästa som en annan checklista: varje fråga där får medelvärdet av de mappade svaren, flyttat till dess skala. En första uppskattning att återanvända, inte en bedömning.</translation>
    </message>
    <message>
        <source>Mapped overall index: %1</source>
        <translation>Mappat samlat index: %1</translation>
    </message>
    <message>
        <source>Questions no mapping reaches (%1):</source>
        <translation>Frågor som ingen mappning når (%1):</translation>
    </message>
    <message>
        <source>Questions mapped only to unanswered ones (%1):</source>
        <translation>Frågor mappade bara till obesvarade (%1):</translation>
    </message>
    <message>
        <source>Answers the mapping does not use (%1):</source>
        <translation>Svar som mappningen inte använder (%1):</translation>
    </message>
</context>
<context>
    <name>MappingSetsBox</name>
    <message>
        <source>Mapping sets between checklists</source>
        <translation>Mappningar mellan checklistor</translation>
    </message>
    <message>
        <source>Mapping set</source>
        <translation>Mappning</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>Från → till</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Kopplingar</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Kept mapping sets</source>
        <translation>Sparade mappningar</translation>
    </message>
    <message>
        <source>No mapping sets kept. Import a CISO Assistant mapping library with Import checklist… to read an assessment as another checklist.</source>
        <translation>Inga mappningar sparade. Importera ett mappningsbibliotek från CISO Assistant med Importera checklista… för att läsa en bedömning som en annan checklista.</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>Ta &amp;bort…</translation>
    </message>
    <message>
        <source>Remove the chosen mapping set</source>
        <translation>Ta bort den valda mappningen</translation>
    </message>
    <message>
        <source>Remove the chosen mapping set, for colleagues too once you sync</source>
        <translation>Ta bort den valda mappningen, även för kollegor när ni synkar</translation>
    </message>
    <message>
        <source>Remove mapping set</source>
        <translation>Ta bort mappning</translation>
    </message>
    <message>
        <source>Remove the mapping set %1? Assessments can no longer be read through it, here or, once you sync, on colleagues&apos; laptops. Edit &gt; Undo brings it back.</source>
        <translation>Ta bort mappningen %1? Bedömningar kan då inte längre läsas genom den, varken här eller, när ni synkar, på kollegornas datorer. Redigera &gt; Ångra tar tillbaka den.</translation>
    </message>
    <message>
        <source>Mapping set not removed</source>
        <translation>Mappningen togs inte bort</translation>
    </message>
    <message>
        <source>remove mapping set</source>
        <translation>ta bort mappning</translation>
    </message>
    <message>
        <source>Removed the mapping set %1.</source>
        <translation>Mappningen %1 togs bort.</translation>
    </message>
</context>
<context>
    <name>MeetingActions</name>
    <message>
        <source>Action items</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <source>Delete clears the due date of the chosen item</source>
        <translation>Delete tömmer datumet för klart senast på den valda åtgärden</translation>
    </message>
    <message>
        <source>Add a&amp;ction item</source>
        <translation>Lägg till å&amp;tgärd</translation>
    </message>
    <message>
        <source>Remove action item</source>
        <translation>Ta bort åtgärd</translation>
    </message>
    <message>
        <source>New action item</source>
        <translation>Ny åtgärd</translation>
    </message>
    <message>
        <source>add action item</source>
        <translation>lägg till åtgärd</translation>
    </message>
    <message>
        <source>remove action item</source>
        <translation>ta bort åtgärd</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <source>← Back to the agency</source>
        <translation>← Tillbaka till myndigheten</translation>
    </message>
    <message>
        <source>Meeting with %1</source>
        <translation>Möte med %1</translation>
    </message>
    <message>
        <source>Changes are saved as you type.</source>
        <translation>Ändringar sparas medan du skriver.</translation>
    </message>
    <message>
        <source>Delete meeting…</source>
        <translation>Ta bort möte…</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Möte</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Börjar</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Slutar</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Kind of meeting</source>
        <translation>Slag av möte</translation>
    </message>
    <message>
        <source>Confidential (notes kept out of reports)</source>
        <translation>Sekretessbelagt (anteckningarna kommer inte med i rapporter)</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Sekretessbelagt</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>R&amp;ubrik:</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Börjar:</translation>
    </message>
    <message>
        <source>En&amp;ds:</source>
        <translation>S&amp;lutar:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Plats:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Slag:</translation>
    </message>
    <message>
        <source>Ad&amp;visors:</source>
        <translation>Rådg&amp;ivare:</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Dagordning</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>&amp;Dagordning</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>A&amp;nteckningar</translation>
    </message>
    <message>
        <source>Dec&amp;isions</source>
        <translation>B&amp;eslut</translation>
    </message>
    <message>
        <source>Ti&amp;med notes</source>
        <translation>Tidsl&amp;ogg</translation>
    </message>
    <message>
        <source>Files from the meeting (drop or paste here)</source>
        <translation>Filer från mötet (släpp eller klistra in här)</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>Underlagsfiler</translation>
    </message>
    <message>
        <source>Fi&amp;les</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>Notes written in meeting mode</source>
        <translation>Anteckningar skrivna i mötesläget</translation>
    </message>
    <message>
        <source>Ti&amp;med notes (%1)</source>
        <translation>Tidsl&amp;ogg (%1)</translation>
    </message>
    <message>
        <source>Fi&amp;les (%1)</source>
        <translation>&amp;Filer (%1)</translation>
    </message>
    <message>
        <source>edit title</source>
        <translation>ändra rubrik</translation>
    </message>
    <message>
        <source>edit place</source>
        <translation>ändra plats</translation>
    </message>
    <message>
        <source>edit agenda</source>
        <translation>ändra dagordning</translation>
    </message>
    <message>
        <source>edit notes</source>
        <translation>ändra anteckningar</translation>
    </message>
    <message>
        <source>edit decisions</source>
        <translation>ändra beslut</translation>
    </message>
    <message>
        <source>The meeting ends before it starts.</source>
        <translation>Mötet slutar innan det börjar.</translation>
    </message>
    <message>
        <source>edit start time</source>
        <translation>ändra starttid</translation>
    </message>
    <message>
        <source>edit end time</source>
        <translation>ändra sluttid</translation>
    </message>
    <message>
        <source>change kind of meeting</source>
        <translation>ändra slag av möte</translation>
    </message>
    <message>
        <source>change confidential</source>
        <translation>ändra sekretess</translation>
    </message>
</context>
<context>
    <name>MeetingMode</name>
    <message>
        <source>Meeting mode</source>
        <translation>Mötesläge</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Möte</translation>
    </message>
    <message>
        <source>&amp;Start a new meeting</source>
        <translation>&amp;Starta ett nytt möte</translation>
    </message>
    <message>
        <source>&amp;Meeting:</source>
        <translation>&amp;Möte:</translation>
    </message>
    <message>
        <source>Contact to add as participant</source>
        <translation>Kontaktperson att lägga till som deltagare</translation>
    </message>
    <message>
        <source>Add &amp;participant</source>
        <translation>Lägg till &amp;deltagare</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>C&amp;ontact:</source>
        <translation>&amp;Kontaktperson:</translation>
    </message>
    <message>
        <source>Notes taken</source>
        <translation>Gjorda anteckningar</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Ny anteckning</translation>
    </message>
    <message>
        <source>Type a note; Ctrl+Enter adds it with the time</source>
        <translation>Skriv en anteckning; Ctrl+Enter lägger till den med tiden</translation>
    </message>
    <message>
        <source>Question the note supports</source>
        <translation>Fråga som anteckningen stöder</translation>
    </message>
    <message>
        <source>&amp;Add note</source>
        <translation>&amp;Lägg till anteckning</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Supports &amp;question:</source>
        <translation>Stöder &amp;fråga:</translation>
    </message>
    <message>
        <source>Files of the chosen note (drop or paste here)</source>
        <translation>Filer till vald anteckning (släpp eller klistra in här)</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>Deltagare:</translation>
    </message>
    <message>
        <source>Meeting mode: %1</source>
        <translation>Mötesläge: %1</translation>
    </message>
    <message>
        <source>Meeting mode – %1</source>
        <translation>Mötesläge – %1</translation>
    </message>
    <message>
        <source>(no question)</source>
        <translation>(ingen fråga)</translation>
    </message>
    <message>
        <source>The meeting belongs to no assessment: its notes cannot support a question.</source>
        <translation>Mötet hör inte till någon bedömning: dess anteckningar kan inte stödja en fråga.</translation>
    </message>
    <message>
        <source>Start a meeting</source>
        <translation>starta ett möte</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>lägg till deltagare</translation>
    </message>
    <message>
        <source>Start or choose a meeting first</source>
        <translation>Starta eller välj ett möte först</translation>
    </message>
    <message>
        <source>The note is empty</source>
        <translation>Anteckningen är tom</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>lägg till anteckning</translation>
    </message>
    <message>
        <source>Close meeting mode</source>
        <translation>Stäng mötesläget</translation>
    </message>
    <message>
        <source>The note you are typing has not been added. Close and discard it?</source>
        <translation>Anteckningen du skriver har inte lagts till. Stäng och kasta den?</translation>
    </message>
</context>
<context>
    <name>MeetingPeople</name>
    <message>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Advisors at the meeting</source>
        <translation>Rådgivare på mötet</translation>
    </message>
    <message>
        <source>Contact to add</source>
        <translation>Kontaktperson att lägga till</translation>
    </message>
    <message>
        <source>Add c&amp;ontact</source>
        <translation>Lägg till &amp;kontaktperson</translation>
    </message>
    <message>
        <source>Someone else: name</source>
        <translation>Någon annan: namn</translation>
    </message>
    <message>
        <source>Name of another participant</source>
        <translation>Namn på en annan deltagare</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <source>Add participant by name</source>
        <translation>Lägg till deltagare med namn</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Remove participant</source>
        <translation>Ta bort deltagare</translation>
    </message>
    <message>
        <source>add advisor</source>
        <translation>lägg till rådgivare</translation>
    </message>
    <message>
        <source>remove advisor</source>
        <translation>ta bort rådgivare</translation>
    </message>
    <message>
        <source>add participant</source>
        <translation>lägg till deltagare</translation>
    </message>
    <message>
        <source>remove participant</source>
        <translation>ta bort deltagare</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <source>Question</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivå</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>E/T</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>inte besvarad</translation>
    </message>
</context>
<context>
    <name>NewAgencyDialog</name>
    <message>
        <source>New agency</source>
        <translation>Ny myndighet</translation>
    </message>
    <message>
        <source>Agency name</source>
        <translation>Myndighetens namn</translation>
    </message>
    <message>
        <source>Organisation number</source>
        <translation>Organisationsnummer</translation>
    </message>
    <message>
        <source>NNNNNN-NNNN</source>
        <translation>NNNNNN-NNNN</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Departement</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;Organisation number:</source>
        <translation>&amp;Organisationsnummer:</translation>
    </message>
    <message>
        <source>&amp;Ministry:</source>
        <translation>&amp;Departement:</translation>
    </message>
    <message>
        <source>The agency&apos;s name cannot be empty.</source>
        <translation>Myndighetens namn får inte vara tomt.</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <source>New assessment</source>
        <translation>Ny bedömning</translation>
    </message>
    <message>
        <source>Checklist version</source>
        <translation>Checklistans version</translation>
    </message>
    <message>
        <source>Date of the assessment</source>
        <translation>Bedömningens datum</translation>
    </message>
    <message>
        <source>Title of the assessment</source>
        <translation>Bedömningens rubrik</translation>
    </message>
    <message>
        <source>Advisors</source>
        <translation>Rådgivare</translation>
    </message>
    <message>
        <source>&amp;Checklist:</source>
        <translation>&amp;Checklista:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>R&amp;ubrik:</translation>
    </message>
    <message>
        <source>&amp;Advisors:</source>
        <translation>&amp;Rådgivare:</translation>
    </message>
    <message>
        <source>Target &amp;levels:</source>
        <translation>&amp;Målnivåer:</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>&amp;Skapa</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>ingen målnivå</translation>
    </message>
    <message>
        <source>Target for %1</source>
        <translation>Målnivå för %1</translation>
    </message>
    <message>
        <source>Import a checklist first</source>
        <translation>Importera en checklista först</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <source>Written</source>
        <translation>Skriven</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Supports question</source>
        <translation>Stöder fråga</translation>
    </message>
</context>
<context>
    <name>OlderEncryption</name>
    <message>
        <source>This package was locked by an older version of Assessor. Opening it needs about {memory} of memory for a few seconds (packages from this version need {ours}). Open it?</source>
        <translation>Den här synkfilen låstes av en äldre version av Assessor. Att öppna den kräver ungefär {memory} minne i några sekunder (synkfiler från den här versionen behöver {ours}). Vill du öppna den?</translation>
    </message>
    <message>
        <source>Package from an older version</source>
        <translation>Synkfil från en äldre version</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Agencies</source>
        <translation>Myndigheter</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Portfölj</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>Checklistor</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synkronisering</translation>
    </message>
</context>
<context>
    <name>PortfolioModels</name>
    <message>
        <source>Gap</source>
        <translation>Gap</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>Myndigheter</translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation>Medelvärde</translation>
    </message>
    <message>
        <source>Can lend</source>
        <translation>Kan låna ut</translation>
    </message>
    <message>
        <source>Agencies with the gap</source>
        <translation>Myndigheter med gapet</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Myndighet</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <source>Cited</source>
        <translation>Citerad</translation>
    </message>
    <message>
        <source>Good practices</source>
        <translation>Goda exempel</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Departement</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Rekommendation</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Givna</translation>
    </message>
    <message>
        <source>Library uses</source>
        <translation>Användningar
i biblioteket</translation>
    </message>
</context>
<context>
    <name>PortfolioPage</name>
    <message>
        <source>Checklist</source>
        <translation>Checklista</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Departement</translation>
    </message>
    <message>
        <source>All ministries</source>
        <translation>Alla departement</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>Assessed from</source>
        <translation>Bedömd från</translation>
    </message>
    <message>
        <source>Assessed until</source>
        <translation>Bedömd till</translation>
    </message>
    <message>
        <source>Shared by at least this many agencies</source>
        <translation>Som minst så många myndigheter delar</translation>
    </message>
    <message>
        <source>&amp;Checklist:</source>
        <translation>&amp;Checklista:</translation>
    </message>
    <message>
        <source>&amp;Ministry:</source>
        <translation>&amp;Departement:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation>&amp;Från:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Till:</translation>
    </message>
    <message>
        <source>Shared by &amp;at least:</source>
        <translation>Delas av &amp;minst:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>alla</translation>
    </message>
    <message>
        <source>A gap is a score below this</source>
        <translation>Ett gap är ett resultat under detta</translation>
    </message>
    <message>
        <source>Ma&amp;pped models</source>
        <translation>Ma&amp;ppade modeller</translation>
    </message>
    <message>
        <source>Also agencies assessed on another checklist, read through a kept mapping set</source>
        <translation>Även myndigheter bedömda mot en annan checklista, lästa genom en sparad mappning</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Exportera rapport…</translation>
    </message>
    <message>
        <source>The portfolio report as a PDF: heat map, common gaps, suggested contacts</source>
        <translation>Portföljrapporten som PDF: värmekarta, gemensamma gap, föreslagna kontakter</translation>
    </message>
    <message>
        <source>Common gaps</source>
        <translation>Gemensamma gap</translation>
    </message>
    <message>
        <source>Agencies that can lend</source>
        <translation>Myndigheter som kan låna ut</translation>
    </message>
    <message>
        <source>Agencies with the gap</source>
        <translation>Myndigheter med gapet</translation>
    </message>
    <message>
        <source>Recommendations given for the gap</source>
        <translation>Rekommendationer som getts för gapet</translation>
    </message>
    <message>
        <source>Gaps by</source>
        <translation>Gap per</translation>
    </message>
    <message>
        <source>By dimension</source>
        <translation>Per område</translation>
    </message>
    <message>
        <source>By question</source>
        <translation>Per fråga</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>&amp;Visa:</translation>
    </message>
    <message>
        <source>Score &amp;below:</source>
        <translation>Poäng &amp;under:</translation>
    </message>
    <message>
        <source>Can lend</source>
        <translation>Kan låna ut</translation>
    </message>
    <message>
        <source>Could borrow</source>
        <translation>Kan låna</translation>
    </message>
    <message>
        <source>Agencies with the gap, lowest score first</source>
        <translation>Myndigheter med gapet, lägst resultat först</translation>
    </message>
    <message>
        <source>Recommendations given</source>
        <translation>Givna rekommendationer</translation>
    </message>
    <message>
        <source>Who can lend and who can borrow</source>
        <translation>Vilka som kan låna ut och vilka som kan låna</translation>
    </message>
    <message>
        <source>%1 (mapped)</source>
        <translation>%1 (mappad)</translation>
    </message>
    <message>
        <source>Assessed on %1, read through a mapping set</source>
        <translation>Bedömd mot %1, läst genom en mappning</translation>
    </message>
    <message>
        <source>No common gap with these limits.</source>
        <translation>Inget gemensamt gap med de här gränserna.</translation>
    </message>
    <message>
        <source>(dimension: %1)</source>
        <translation>(område: %1)</translation>
    </message>
    <message>
        <source>Can lend (%1)</source>
        <translation>Kan låna ut (%1)</translation>
    </message>
    <message>
        <source>Could borrow (%1)</source>
        <translation>Kan låna (%1)</translation>
    </message>
    <message>
        <source>Recommendations given in the dimension (%1)</source>
        <translation>Rekommendationer som getts inom området (%1)</translation>
    </message>
    <message>
        <source>portfolio-report</source>
        <translation>portfoljrapport</translation>
    </message>
    <message>
        <source>Export portfolio report</source>
        <translation>Exportera portföljrapport</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the portfolio report…</source>
        <translation>Skriver portföljrapporten…</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Skrev %1</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>Rapporten kunde inte skrivas: %1</translation>
    </message>
    <message>
        <source>Double-click or press Enter on an agency to open it.</source>
        <translation>Dubbelklicka eller tryck Enter på en myndighet för att öppna den.</translation>
    </message>
    <message>
        <source>Agencies strong in the gap&apos;s area; those with good practices there first</source>
        <translation>Myndigheter som är starka inom gapets område; de med goda exempel där först</translation>
    </message>
    <message numerus="yes">
        <source>%n agencies</source>
        <translation>
            <numerusform>%n myndighet</numerusform>
            <numerusform>%n myndigheter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n agencies below %2, %3 can lend</source>
        <translation>
            <numerusform>%1: %n myndighet under %2, %3 kan låna ut</numerusform>
            <numerusform>%1: %n myndigheter under %2, %3 kan låna ut</numerusform>
        </translation>
    </message>
    <message>
        <source>Overall index over time for %1: %2</source>
        <translation>Samlat index över tid för %1: %2</translation>
    </message>
</context>
<context>
    <name>PreviousRecommendationsModel</name>
    <message>
        <source>Recommendation</source>
        <translation>Rekommendation</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <source>Agency&apos;s response</source>
        <translation>Myndighetens svar</translation>
    </message>
</context>
<context>
    <name>QuestionPanel</name>
    <message>
        <source>The question and its answer</source>
        <translation>Frågan och dess svar</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Vägledning</translation>
    </message>
    <message>
        <source>Level (press a digit; N for not applicable)</source>
        <translation>Nivå (tryck en siffra; N för ej tillämplig)</translation>
    </message>
    <message>
        <source>Level %1, %2</source>
        <translation>Nivå %1, %2</translation>
    </message>
    <message>
        <source>N/A  Not applicable</source>
        <translation>E/T  Ej tillämplig</translation>
    </message>
    <message>
        <source>The question does not apply to this agency</source>
        <translation>Frågan gäller inte den här myndigheten</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Ej tillämplig</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>What you saw and heard, in your own words</source>
        <translation>Vad du såg och hörde, med dina egna ord</translation>
    </message>
    <message>
        <source>Co&amp;mment:</source>
        <translation>Kommen&amp;tar:</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Säkerhet i bedömningen</translation>
    </message>
    <message>
        <source>Confide&amp;nce:</source>
        <translation>S&amp;äkerhet:</translation>
    </message>
    <message>
        <source>Mark for &amp;review</source>
        <translation>Markera &amp;för granskning</translation>
    </message>
    <message>
        <source>Mark for review</source>
        <translation>Markera för granskning</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Underlag</translation>
    </message>
    <message>
        <source>Meeting to link as evidence</source>
        <translation>Möte att koppla som underlag</translation>
    </message>
    <message>
        <source>&amp;Link meeting</source>
        <translation>&amp;Koppla möte</translation>
    </message>
    <message>
        <source>Link the meeting as evidence</source>
        <translation>Koppla mötet som underlag</translation>
    </message>
    <message>
        <source>Remove lin&amp;k</source>
        <translation>Ta bort ko&amp;ppling</translation>
    </message>
    <message>
        <source>Mee&amp;ting:</source>
        <translation>M&amp;öte:</translation>
    </message>
    <message>
        <source>Linked evidence</source>
        <translation>Kopplat underlag</translation>
    </message>
    <message>
        <source>The meeting&apos;s notes</source>
        <translation>Mötets anteckningar</translation>
    </message>
    <message>
        <source>The chosen meeting&apos;s notes show here</source>
        <translation>Det valda mötets anteckningar visas här</translation>
    </message>
    <message>
        <source>Set level %1</source>
        <translation>sätt nivå %1</translation>
    </message>
    <message>
        <source>Clear level</source>
        <translation>töm nivå</translation>
    </message>
    <message>
        <source>Mark not applicable</source>
        <translation>markera ej tillämplig</translation>
    </message>
    <message>
        <source>Clear N/A</source>
        <translation>ta bort E/T</translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation>ändra kommentar</translation>
    </message>
    <message>
        <source>Set confidence</source>
        <translation>ange säkerhet</translation>
    </message>
    <message>
        <source>Clear mark for review</source>
        <translation>ta bort markering för granskning</translation>
    </message>
</context>
<context>
    <name>RadarChart</name>
    <message>
        <source>Radar chart of levels and targets</source>
        <translation>Radardiagram över nivåer och målnivåer</translation>
    </message>
    <message>
        <source>%1: %2, target %3</source>
        <translation>%1: %2, målnivå %3</translation>
    </message>
    <message>
        <source>A radar chart needs three dimensions or more</source>
        <translation>Ett radardiagram kräver tre områden eller fler</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Nuvarande</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Målnivå</translation>
    </message>
</context>
<context>
    <name>RecommendationsEditor</name>
    <message>
        <source>Recommendations</source>
        <translation>Rekommendationer</translation>
    </message>
    <message>
        <source>Title of the recommendation</source>
        <translation>Rekommendationens rubrik</translation>
    </message>
    <message>
        <source>Text of the recommendation</source>
        <translation>Rekommendationens text</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <source>The agency&apos;s response</source>
        <translation>Myndighetens svar</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>Tidshorisont</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Linked dimensions</source>
        <translation>Kopplade områden</translation>
    </message>
    <message>
        <source>Linked findings</source>
        <translation>Kopplade iakttagelser</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>Ru&amp;brik:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xt:</translation>
    </message>
    <message>
        <source>&amp;Rationale:</source>
        <translation>Moti&amp;vering:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Prioritet:</translation>
    </message>
    <message>
        <source>Hori&amp;zon:</source>
        <translation>Ti&amp;dshorisont:</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Agenc&amp;y&apos;s response:</source>
        <translation>M&amp;yndighetens svar:</translation>
    </message>
    <message>
        <source>Dimensions:</source>
        <translation>Områden:</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>Iakttagelser:</translation>
    </message>
    <message>
        <source>The recommendation</source>
        <translation>Rekommendationen</translation>
    </message>
    <message>
        <source>&amp;New recommendation</source>
        <translation>&amp;Ny rekommendation</translation>
    </message>
    <message>
        <source>&amp;Add recommendation</source>
        <translation>Lägg till re&amp;kommendation</translation>
    </message>
    <message>
        <source>From &amp;library…</source>
        <translation>&amp;Från biblioteket…</translation>
    </message>
    <message>
        <source>New recommendation from a library template</source>
        <translation>Ny rekommendation från en mall i biblioteket</translation>
    </message>
    <message>
        <source>Sa&amp;ve to library</source>
        <translation>Spara i biblio&amp;teket</translation>
    </message>
    <message>
        <source>Delete reco&amp;mmendation</source>
        <translation>Ta bort rekommendation</translation>
    </message>
    <message>
        <source>Add recommendation</source>
        <translation>lägg till rekommendation</translation>
    </message>
    <message>
        <source>Recommendation from the library</source>
        <translation>rekommendation från biblioteket</translation>
    </message>
    <message>
        <source>Edit recommendation</source>
        <translation>ändra rekommendation</translation>
    </message>
    <message>
        <source>Link dimension</source>
        <translation>koppla område</translation>
    </message>
    <message>
        <source>Link finding</source>
        <translation>koppla iakttagelse</translation>
    </message>
    <message>
        <source>Delete recommendation</source>
        <translation>ta bort rekommendation</translation>
    </message>
</context>
<context>
    <name>RecommendationsModel</name>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>Tidshorisont</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>RowTableModel</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Befattning</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Slag</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
</context>
<context>
    <name>ScaleLegend</name>
    <message>
        <source>Colour scale</source>
        <translation>Färgskala</translation>
    </message>
    <message>
        <source>Dark violet: level %1; yellow: level %2</source>
        <translation>Mörkviolett: nivå %1; gult: nivå %2</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Poäng</translation>
    </message>
</context>
<context>
    <name>ScoringView</name>
    <message>
        <source>Dimensions and questions</source>
        <translation>Områden och frågor</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>Profile scored</source>
        <translation>Profil som bedöms</translation>
    </message>
    <message>
        <source>Only the profile&apos;s questions are shown and count in the scores</source>
        <translation>Bara profilens frågor visas och räknas i poängen</translation>
    </message>
    <message>
        <source>Whole checklist</source>
        <translation>Hela checklistan</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>Profil %1</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>Söktext</translation>
    </message>
    <message>
        <source>Search agencies, meetings, notes, findings and recommendations</source>
        <translation>Sök bland myndigheter, möten, anteckningar, iakttagelser och rekommendationer</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Sökresultat</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n träff</numerusform>
            <numerusform>%n träffar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Kind</source>
        <translation>Slag</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>Hör till</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>Summary of the scores</source>
        <translation>Sammanfattning av resultaten</translation>
    </message>
    <message>
        <source>How was this com&amp;puted?</source>
        <translation>Hur har detta beräk&amp;nats?</translation>
    </message>
    <message>
        <source>How was this computed</source>
        <translation>Hur har detta beräknats</translation>
    </message>
    <message>
        <source>How the scores were computed</source>
        <translation>Så beräknades resultaten</translation>
    </message>
    <message>
        <source>Overall index: not yet scored</source>
        <translation>Samlat index: ännu inte bedömt</translation>
    </message>
    <message>
        <source>Overall index: %1 (%2 %)</source>
        <translation>Samlat index: %1 (%2 %)</translation>
    </message>
    <message>
        <source>Band: %1</source>
        <translation>Nivå: %1</translation>
    </message>
    <message>
        <source>Band: –</source>
        <translation>Nivå: –</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Exchange a package with a colleague to keep in step.</source>
        <translation>Utbyt en synkfil med en kollega för att hålla er samstämda.</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importerad</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Added / changed / deleted</source>
        <translation>Tillagda / ändrade / borttagna</translation>
    </message>
    <message>
        <source>Imported packages</source>
        <translation>Importerade synkfiler</translation>
    </message>
    <message>
        <source>Export for</source>
        <translation>Exportera för</translation>
    </message>
    <message>
        <source>Everything, or only what one colleague has not seen yet (a small file)</source>
        <translation>Allt, eller bara det en kollega inte har sett än (en liten fil)</translation>
    </message>
    <message>
        <source>Your name and e-mail, shown to colleagues</source>
        <translation>Ditt namn och din e-post, som kollegor ser</translation>
    </message>
    <message>
        <source>Assessor sync package (*.assessor);;All files (*)</source>
        <translation>Assessor-synkfil (*.assessor);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Agencies that may have been entered twice, and merging them</source>
        <translation>Myndigheter som kan ha lagts in två gånger, och att slå ihop dem</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>the team hub</source>
        <translation>teamnavet</translation>
    </message>
    <message>
        <source>laptop {id}</source>
        <translation>dator {id}</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Lösenfras:</translation>
    </message>
    <message>
        <source>E&amp;xport package…</source>
        <translation>&amp;Exportera synkfil…</translation>
    </message>
    <message>
        <source>Encrypt with a &amp;passphrase</source>
        <translation>Kryptera med en &amp;lösenfras</translation>
    </message>
    <message>
        <source>&amp;Who am I…</source>
        <translation>&amp;Vem är jag…</translation>
    </message>
    <message>
        <source>&amp;Import package…</source>
        <translation>&amp;Importera synkfil…</translation>
    </message>
    <message>
        <source>Possible &amp;duplicates…</source>
        <translation>Möjliga &amp;dubbletter…</translation>
    </message>
    <message>
        <source>Laptop {id}</source>
        <translation>Dator {id}</translation>
    </message>
    <message>
        <source>Export sync package</source>
        <translation>Exportera synkfil</translation>
    </message>
    <message>
        <source>assessor-sync</source>
        <translation>assessor-synk</translation>
    </message>
    <message>
        <source>Encrypt the package</source>
        <translation>Kryptera synkfilen</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <source>Wrote {file}: {rows} rows the colleague has not seen.</source>
        <translation>Skrev {file}: {rows} rader som kollegan inte har sett.</translation>
    </message>
    <message>
        <source>Wrote {file}: {rows} rows.</source>
        <translation>Skrev {file}: {rows} rader.</translation>
    </message>
    <message>
        <source>This laptop: {name}</source>
        <translation>Den här datorn: {name}</translation>
    </message>
    <message>
        <source>This laptop has no name yet: tell colleagues who you are.</source>
        <translation>Den här datorn har inget namn än: berätta för kollegor vem du är.</translation>
    </message>
    <message>
        <source>For everyone (all)</source>
        <translation>För alla (allt)</translation>
    </message>
    <message>
        <source>For {name} (what is new)</source>
        <translation>För {name} (det som är nytt)</translation>
    </message>
    <message>
        <source>Import sync package</source>
        <translation>Importera synkfil</translation>
    </message>
    <message>
        <source>The package is encrypted</source>
        <translation>Synkfilen är krypterad</translation>
    </message>
    <message>
        <source>Checking and importing…</source>
        <translation>Kontrollerar och importerar…</translation>
    </message>
    <message>
        <source>Nothing was changed: the package was not opened.</source>
        <translation>Inget ändrades: synkfilen öppnades inte.</translation>
    </message>
    <message>
        <source>Added: {added}, changed: {changed}, deleted: {deleted}; new conflicts: {conflicts}.</source>
        <translation>Tillagda: {added}, ändrade: {changed}, borttagna: {deleted}; nya konflikter: {conflicts}.</translation>
    </message>
    <message>
        <source>{n} change(s) stamped more than a day in the future were held back: check the sender&apos;s clock.</source>
        <translation>{n} ändringar med tidsstämpel mer än ett dygn framåt i tiden hölls tillbaka: kontrollera avsändarens klocka.</translation>
    </message>
    <message>
        <source>Nothing new in this package; nothing was changed.</source>
        <translation>Inget nytt i den här synkfilen; inget ändrades.</translation>
    </message>
    <message>
        <source>{n} pair(s) of agencies may be duplicates: see Possible duplicates…</source>
        <translation>{n} par av myndigheter kan vara dubbletter: se Möjliga dubbletter…</translation>
    </message>
    <message>
        <source>The team&apos;s passphrase</source>
        <translation>Teamets lösenfras</translation>
    </message>
    <message>
        <source>Nothing was changed: {reason}</source>
        <translation>Inget ändrades: {reason}</translation>
    </message>
</context>
<context>
    <name>TemplateLibrary</name>
    <message>
        <source>Recommendation library</source>
        <translation>Rekommendationsbibliotek</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Sök i biblioteket</translation>
    </message>
    <message>
        <source>Words in the title, text or tags</source>
        <translation>Ord i rubrik, text eller etiketter</translation>
    </message>
    <message>
        <source>Dimension filter</source>
        <translation>Filter på område</translation>
    </message>
    <message>
        <source>(any dimension)</source>
        <translation>(alla områden)</translation>
    </message>
    <message>
        <source>Tag filter</source>
        <translation>Filter på etikett</translation>
    </message>
    <message>
        <source>&amp;Words:</source>
        <translation>&amp;Ord:</translation>
    </message>
    <message>
        <source>&amp;Dimension:</source>
        <translation>O&amp;mråde:</translation>
    </message>
    <message>
        <source>T&amp;ag:</source>
        <translation>&amp;Etikett:</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Mallar</translation>
    </message>
    <message>
        <source>The template&apos;s text</source>
        <translation>Mallens text</translation>
    </message>
    <message>
        <source>&amp;Use template</source>
        <translation>&amp;Använd mallen</translation>
    </message>
    <message>
        <source>No template matches</source>
        <translation>Ingen mall matchar</translation>
    </message>
</context>
<context>
    <name>TemplatesModel</name>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiketter</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Användningar</translation>
    </message>
    <message>
        <source>At agencies</source>
        <translation>Hos myndigheter</translation>
    </message>
</context>
<context>
    <name>WorkspaceState</name>
    <message>
        <source>Reopen the delivered assessment?</source>
        <translation>Öppna den levererade bedömningen igen?</translation>
    </message>
    <message>
        <source>This assessment has been delivered: its report was handed over as it stands. Reopen it (status: In review) to change it? Set it to Delivered again and export a new report when you are done.</source>
        <translation>Bedömningen är levererad: rapporten lämnades över som den är nu. Vill du öppna den igen (status: Under granskning) för att ändra den? Sätt den till Levererad igen och exportera en ny rapport när du är klar.</translation>
    </message>
    <message>
        <source>Reopen assessment</source>
        <translation>öppna bedömningen igen</translation>
    </message>
    <message>
        <source>Choose profile</source>
        <translation>Välj profil</translation>
    </message>
    <message>
        <source>Add evidence</source>
        <translation>lägg till underlag</translation>
    </message>
    <message>
        <source>Remove evidence</source>
        <translation>ta bort underlag</translation>
    </message>
</context>
</TS>
