<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AgenciesPage</name>
    <message numerus="yes">
        <source>%n agencies</source>
        <translation>
            <numerusform>%n agency</numerusform>
            <numerusform>%n agencies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n agencies</source>
        <translation>
            <numerusform>%1 of %n agency</numerusform>
            <numerusform>%1 of %n agencies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecklistsPage</name>
    <message numerus="yes">
        <source>Kept the mapping set %1 (%n links).</source>
        <translation>
            <numerusform>Kept the mapping set %1 (%n link).</numerusform>
            <numerusform>Kept the mapping set %1 (%n links).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%1 of %n applicable questions answered</source>
        <translation>
            <numerusform>%1 of %n applicable question answered</numerusform>
            <numerusform>%1 of %n applicable questions answered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PortfolioPage</name>
    <message numerus="yes">
        <source>%n agencies</source>
        <translation>
            <numerusform>%n agency</numerusform>
            <numerusform>%n agencies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n agencies below %2, %3 can lend</source>
        <translation>
            <numerusform>%1: %n agency below %2, %3 can lend</numerusform>
            <numerusform>%1: %n agencies below %2, %3 can lend</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
</TS>
