"""The constructions of ``_promises`` and what undoes them, one table per construction: Dutch
constructions of government prose in variants (not sentences of the real set), each run through
the whole pipeline in a signed letter or in a minister's turn of a debate. Positives and negatives
sit side by side, so a rule that grows too wide or too narrow fails here.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from kamerlens.extract import _promises, extract
from kamerlens.models import Commitment, Record

_HEAD = (
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 maart 2025\n\n"
    "Betreft: voortgang\n\nGeachte voorzitter,\n\nHierbij informeer ik u over de voortgang.\n\n"
)
_SIGNED = "\n\nDe Minister van Infrastructuur en Waterstaat,\n\nB. Jansen\n"


def letter(body: str) -> Record:
    return extract((_HEAD + body + _SIGNED).encode(), name="brief.txt")


def _of(record: Record, sentence: str) -> Commitment | None:
    for c in record.commitments:
        if " ".join(c.text.split()).startswith(sentence[:40]):
            return c
    return None


# (sentence, promised?) per construction, in a letter
LETTER = {
    # plans and expectations in their other words; a passive sent to the Kamer
    "plans_other_words": [
        ("Het is de bedoeling om in 2024 een wetsvoorstel in te dienen.", True),
        ("De bedoeling is dat gemeenten de regeling uitvoeren.", False),
        ("Ik beoog het wetsvoorstel in 2024 in te dienen.", True),
        ("Het kabinet beoogt de regeling per 1 januari 2025 in te voeren.", True),
        ("Het kabinet beoogt met deze maatregel de uitstoot te verminderen.", False),
        ("De inzet van het kabinet is om een vergelijkbaar onderzoek te laten uitvoeren.", True),
        ("Mijn inzet is om het wetsvoorstel dit najaar naar uw Kamer te sturen.", True),
        ("De inzet van het kabinet is om in 2030 klimaatneutraal te zijn.", False),
        ("De inzet van de gemeente is om de wijk te vernieuwen.", False),
        ("De Nederlandse inzet is gericht op een sobere begroting.", False),
        ("Met deze maatregel beoogt het kabinet de uitstoot te verminderen.", False),
        ("Naar verwachting kan ik uw Kamer in het najaar informeren.", True),
        ("Ik kan uw Kamer naar verwachting in het najaar informeren.", True),
        ("Ik kan uw Kamer informeren.", False),
        ("De resultaten worden in het voorjaar aan uw Kamer gezonden.", True),
        ("Het rapport is op 3 mei aan de Kamer gezonden.", False),
        ("Dit najaar informeer ik uw Kamer over de voortgang.", True),
        # sharing with the Kamer after an expectation; sharing with others is no promise to it
        ("De resultaten verwacht ik in het najaar met uw Kamer te delen.", True),
        ("Ik verwacht de bevindingen begin 2026 met u te kunnen delen.", True),
        ("Wij verwachten de kennis in het najaar met gemeenten te delen.", False),
        ("Ik deel de zorgen van uw Kamer over de wachttijden.", False),
        ("We zullen zien of de nieuwe regeling effect heeft.", False),
        ("Ik zal zien of ik de regeling kan verlengen.", True),
    ],
    # "al" (already) and a growing trend describe work under way; "al die" is "all those"
    "already": [
        ("In toenemende mate organiseren we al handelsmissies op het gebied van waterstof.", False),
        ("Dit jaar organiseren we al drie handelsmissies.", False),
        ("We versterken al jaren de samenwerking met India.", False),
        ("We organiseren al in 2024 een handelsmissie naar India.", True),
        ("Na de zomer zullen we al die reacties verwerken in een wetsvoorstel.", True),
    ],
    # the writer of an older letter or answer in the third person; its plan in "het voornemen"
    "undersigned": [
        ("Ondergetekende zal de Kamer hierover nader berichten.", True),
        ("De ondergetekenden zijn voornemens het wetsvoorstel in te dienen.", True),
        ("Ondergetekende heeft de Kamer op 3 mei geïnformeerd.", False),
        ("Het ligt in het voornemen de regeling te wijzigen.", True),
        ("Het lag in het voornemen de regeling te wijzigen.", False),
    ],
    # going into a point is the letter's own outline, unless a later document carries it
    "outline": [
        ("In deze brief zal ik eerst ingaan op de achtergrond.", False),
        ("Vervolgens zal ik ingaan op de kosten.", False),
        ("In het vervolg van deze brief zal ik eerst ingaan op de achtergrond.", False),
        ("In de voortgangsbrief zal ik ingaan op de resultaten.", True),
        ("Ik zal in de volgende voortgangsrapportage ingaan op de resultaten.", True),
        ("Voor de zomer zal ik nader ingaan op de resultaten.", True),
        ("Ik zal uw Kamer de plannen toelichten.", True),
    ],
    # "willen" with a change against a baseline year states a target, not an act
    "willen_target": [
        ("We willen de emissies in 2030 met 49% verminderen ten opzichte van 1990.", False),
        ("We willen het gebruik van primaire grondstoffen in 2030 halveren ten opzichte van "
         "2016.", False),
        ("Wij willen het aantal verkeersdoden in 2030 halveren vergeleken met 2020.", False),
        ("We willen de uitstoot in 2030 met 55% terugdringen ten opzichte van 1990 en ik zal uw "
         "Kamer voor de zomer informeren over de maatregelen.", True),
        ("We willen voor de zomer van 2026 een wetsvoorstel bij uw Kamer indienen.", True),
        ("Het kabinet zal de subsidie in 2026 met 10% verhogen.", True),
        ("We vragen grootverbruikers het drinkwatergebruik met 20% te reduceren.", True),
    ],
    # a scheduled fact is the government's only when it delivers the thing
    "scheduled": [
        ("De kabinetsreactie op het advies volgt in juni 2026.", True),
        ("In het najaar van 2026 verschijnt de evaluatie van de regeling.", True),
        ("Het wetsvoorstel volgt voor de zomer van 2026.", True),
        ("Het kabinetsstandpunt volgt in juni 2026.", True),
        ("De verkiezingen vinden plaats op 29 oktober 2025.", False),
        ("De uitspraak van de rechter volgt in juni 2026.", False),
        ("Het eindrapport van de parlementaire enquêtecommissie volgt in september 2026.", False),
        ("De Europese Raad vindt plaats op 26 en 27 juni 2025.", False),
    ],
    # ... and nobody else owns it: "van" an actor, "door" an agent, a meeting "met" a party
    "scheduled_owner": [
        ("De evaluatie van de regeling volgt in juni 2026.", True),
        ("Het plan van aanpak volgt in september 2026.", True),
        ("De evaluatie van de Omgevingswet verschijnt in het najaar van 2026.", True),
        ("De evaluatie door mijn ministerie volgt in juni 2026.", True),
        ("Eind december 2025 vindt een eerste overleg plaats.", True),
        ("De reactie van de provincie Utrecht volgt in juni 2026.", False),
        ("Het plan van de netbeheerder verschijnt in september 2026.", False),
        ("De brief van de burgemeesters volgt in maart 2026.", False),
        ("Het plan van aanpak van de provincie volgt in juni 2026.", False),
        ("Het besluit van de Raad van State volgt in juni 2026.", False),
        ("De evaluatie door het Planbureau voor de Leefomgeving volgt in juni 2026.", False),
        ("Het onderzoek door de inspectie vindt plaats in het najaar van 2026.", False),
        ("Het overleg met de waterschappen vindt plaats op 3 juni 2026.", False),
        ("Het gesprek tussen de netbeheerders vindt plaats in juni 2026.", False),
        ("Het overleg van de ministers van de EU vindt plaats op 1 juli 2026.", False),
    ],
    "er_komt": [
        ("Er komt een onderzoek naar de gevolgen van de regeling.", True),
        ("Er komt een voorstel van de Europese Commissie.", False),
        ("Er komt in maart 2026 een besluit van de gemeenteraad.", False),
        ("Er komt een evaluatie door het WODC.", False),
        ("Er komt een wetsvoorstel dat de termijnen verkort.", True),
        ("Er komen nieuwe subsidieregelingen voor kleine gemeenten.", True),
        ("Volgens het CPB komt er een recessie.", False),
        ("Volgens onze verwachting komt er volgend jaar een recessie.", False),
        ("Er komen 300 aanvragen per week binnen bij het UWV.", False),
        ("Er komt een moment dat de voorraad op is.", False),
    ],
    # verbs of talk that are acts with an object or a time ahead
    "talk_acts": [
        ("Het kabinet zal voor 1 juli reageren op het advies van de Raad van State.", True),
        ("Het kabinet zal in de zomer reageren op het rapport.", True),
        ("We gaan in 2026 beginnen met de bouw van de sluis.", True),
        ("Ik zal de provincie vragen om de vergunning opnieuw te bezien.", True),
        ("Ik wil benadrukken dat de veiligheid voorop staat.", False),
        ("Wij willen hier volstaan met te verwijzen naar de nota.", False),
    ],
    # a generic third party as the subject; a comma ends the gap
    "third": [
        ("Zoals de Kamer weet, gaan we de regeling in 2026 aanpassen.", True),
        ("Samen met de provincies zal ik de aanpak in 2026 uitwerken.", True),
        ("De komende jaren zal het kabinet de regeling verder uitbreiden.", True),
        ("Het kabinet en de netbeheerder zullen de aansluitingen in 2026 uitbreiden.", False),
        ("Daarna zal de netbeheerder het kabinet informeren over de wachtlijst.", False),
        # the minister's department is the government; another body's is not
        ("Mijn departement zal de regeling in 2026 aanpassen.", True),
        ("Het departement gaat de regeling voor de zomer evalueren.", True),
        ("Het departement van de provincie zal de regeling in 2026 aanpassen.", False),
        # the ministers together, by their collective name
        ("De bewindspersonen zullen de Kamer voor de zomer informeren over de aanpak.", True),
        ("De bewindspersonen van de lidstaten zullen in juni 2026 in Brussel bijeenkomen.", False),
    ],
    # "gaan" with an aside between it and what follows
    "gaan_aside": [
        ("Daarom ga ik, zoals ook blijkt uit mijn antwoord op vraag 4, de komende tijd in gesprek"
         " met de orde van advocaten.", True),
        ("Daarom ga ik, zoals gezegd, niet in gesprek met de sector.", False),
        ("Ik wil, samen met de provincies, de komende jaren de natuur herstellen.", True),
        ("Ik wil, zoals gezegd, dat de gemeenten meer doen.", False),
        ("Ook wil ik, als het gaat om de kosten van de zorg, weten wat er speelt.", False),
        ("Ik ben, na overleg met de sector, voornemens de regeling te verlengen.", True),
        ("Ik ben, zoals u weet, niet voornemens de regeling te verlengen.", False),
        ("Ik kom bij uw Kamer terug met een voorstel.", True),
    ],
    # the plan named without its owner: the writer's
    "plan_unowned": [
        ("Het voornemen is om de regeling in 2026 te evalueren.", True),
        ("Het is het voornemen om de subsidie per 1 januari 2027 te verhogen.", True),
        ("Het voornemen van de gemeente is om de weg te verbreden.", False),
        ("Dit is het voornemen van de provincie om de dijk te versterken.", False),
        ("Het voornemen was om de regeling in 2024 te evalueren.", False),
        ("Het voornemen is niet om de regeling te evalueren.", False),
        ("Het streven is de nieuwe regeling eind 2026 gereed te hebben.", False),
        ("Volgens de gemeente is het voornemen om de weg in 2026 te verbreden.", False),
        ("De gemeente heeft laten weten dat het voornemen is om de weg te verbreden.", False),
    ],
    # a government subject in the third person with a verb of change: an announced act; a
    # verb of a position or of ongoing work is none
    "policy_present_gov": [
        ("Het kabinet verhoogt de klimaatfinanciering tot 2 miljard euro.", True),
        ("IenW herijkt de bestaande aanpak van bodemverontreiniging.", True),
        ("Om dat te bereiken past het Rijk de beoordelingssystematiek voor lozingen aan.", True),
        ("Daarnaast verdubbelt het kabinet de bijdrage aan het fonds.", True),
        ("Het kabinet ondersteunt het voorstel van de Commissie.", False),
        ("Het kabinet staat positief tegenover het voorstel.", False),
        ("Het kabinet legt extra nadruk op valorisatie.", False),
        ("Het kabinet zet in op een ambitieuze uitkomst.", False),
        ("Het kabinet heeft de bijdrage in 2022 verhoogd.", False),
        ("De gemeente verhoogt de tarieven.", False),
        ("Rijk en gemeenten ontwikkelen hiervoor een gezamenlijk instrument.", True),
        ("Voor de regie ontwikkelen het Rijk, provincies en gemeenten een nieuw instrument.", True),
        ("Provincies en gemeenten ontwikkelen een gezamenlijk instrument.", False),
        ("Voor de ondergrond brengen EZK, IenW en IPO samen de ontwikkelingen in beeld.", True),
        ("IenW en EZK ontwikkelen een nieuw instrument voor de ondergrond.", True),
        ("EZK en IenW ondersteunen de sector bij de overgang.", False),
    ],
    # "hierbij" is "herewith" next to a verb of the letter's own act, else "in doing so"
    "hierbij": [
        ("We overleggen hierbij met de sectoren welke maatregelen nodig zijn.", True),
        ("Hierbij bied ik u het programma aan.", False),
        ("Ik bied u hierbij het programma aan.", False),
        ("Hierbij informeer ik u over de voortgang.", False),
        ("Hierbij zal ik u in het voorjaar informeren over de voortgang.", True),
        ("Hierbij worden ook nadere afspraken gemaakt over de verdeling van het water.", True),
    ],
    # what a government document to come will hold; not a document of others
    "content_future": [
        ("Het herziene actieplan dat in het najaar verwacht wordt, zal de maatregelen beschrijven.",
         True),
        ("De strategie zal op integrale wijze aandacht besteden aan gezondheid en klimaat.", True),
        ("Het voorstel van de Commissie zal regels over de opslag bevatten.", False),
        ("De verordening zal regels bevatten over de opslag.", False),
    ],
    # a document of its own in the making, not the work itself
    "drafting": [
        ("Daarom werkt het kabinet aan een nationale grondstoffenstrategie.", True),
        ("We werken aan een nieuw wetsvoorstel voor de huurbescherming.", True),
        ("Het kabinet werkt aan de uitvoering van het plan.", False),
        ("Het kabinet werkt momenteel aan een wetsvoorstel.", False),
    ],
    # the act named by its means: "Dit doen we door ... te"
    "means_present": [
        ("Dit doen we door maatregelen uit te werken voor het beheer van landbouwgronden.", True),
        ("Dat doen we door in gesprek te blijven met de sector.", False),
        ("Dit deden we door maatregelen uit te werken.", False),
    ],
    # the present tense of an act: its particle or object must be there, and a means that opens
    # the sentence makes it an effect
    "policy_present_forms": [
        ("We stellen randvoorwaarden aan het afgraven van grond.", True),
        ("We vragen grootverbruikers het drinkwatergebruik met 20% te reduceren.", True),
        ("We vragen veel van de bodem.", False),
        ("We gaan bodemverstoring door ontgraving tegen.", True),
        ("We gaan door met het programma.", False),
        ("We gaan daar gewoon mee door en ronden het af.", False),
        ("We monitoren de bestaande regels voor buitendijks bouwen.", False),
        ("Door te werken vanuit de eigen kracht versterken we het profiel van Nederland.", False),
        ("Door het beleid te richten op reductie, kiest het kabinet een haalbaar doel.", False),
        ("We versterken de sector door de subsidie te verhogen.", True),
    ],
    # a future passive of policy action is ahead by its tense; "er komen" with a year between
    "policy_passive_future": [
        ("Bij de tussenevaluatie zal worden beoordeeld of de maatregelen voldoende zijn.", True),
        ("Vanwege de diversiteit zullen deze reserveringen verder uitgewerkt worden.", True),
        ("Het advies zou worden beoordeeld door de Raad van State.", False),
        ("Aanvullend zal met andere overheden nader worden verkend hoe dit dossier verder kan "
         "worden gebracht.", True),
        ("De regeling kan worden aangepast.", False),
        ("Op basis van het programma komen er vanaf 2023 nieuwe projecten voor de rivieren.", True),
        ("Er komen in 2030 meer droge zomers.", False),
    ],
    # deciding in a passive; agreements with their subject after the verb; "voorzien" with a time
    "passive_decisions": [
        ("Op basis hiervan zal worden besloten of aanpassing van het besluit nodig is.", True),
        ("Er wordt in 2026 een besluit genomen over de verdeling tussen de regio's.", True),
        ("In het kader van het programma worden bestuurlijke afspraken met de provincies gemaakt.",
         True),
        ("Het kader wordt samen met de medeoverheden verder ontwikkeld.", True),
        ("De technologie wordt door bedrijven verder ontwikkeld.", False),
        ("Het wetsvoorstel is voorzien voor het najaar van 2026.", True),
        ("De regeling is voorzien in de behoefte van de sector in 2026.", False),
        ("De definitieve versie van het kader zal onderdeel zijn van de bestuursovereenkomsten.",
         True),
        ("Het wetsvoorstel wordt in het voorjaar van 2026 in consultatie gebracht.", True),
        ("Het wetsvoorstel werd in 2020 in consultatie gebracht.", False),
        # scheduled: a pilot or programme that starts; a year behind the letter is no time ahead
        ("Binnenkort start een pilot in drie gemeenten.", True),
        ("In januari 2026 start het nieuwe programma.", True),
        ("In 2026 start de bouw van de dijk.", False),
        ("Het project start in 2020.", False),
        ("De brief volgt in 2020.", False),
        ("De uitwerking volgt in de Voorjaarsnota.", True),
    ],
    # the plan in older letters' words; the Kamer that will receive
    "plan_forms": [
        ("Het ligt in mijn bedoeling de regeling in 2026 aan te passen.", True),
        ("Het is mijn bedoeling om de notitie in het voorjaar te sturen.", True),
        ("Het is niet mijn bedoeling om de regeling aan te passen.", False),
        ("Ik stel mij voor de regeling in 2026 te wijzigen.", True),
        ("Ik stel mij voor dat de gemeenten dit oppakken.", False),
        ("U zult van mij in het voorjaar een nadere notitie ontvangen.", True),
        ("De Kamer zal in het voorjaar een voorstel ontvangen.", True),
    ],
    # an offer only if the Kamer asks for it first is no promise yet
    "on_request": [
        ("Als de Kamer dat wenst, zal ik voor de zomer een brief sturen.", False),
        ("Mocht uw Kamer dat wensen, dan ben ik bereid een technische briefing te organiseren.",
         False),
        ("Indien gewenst kan ik de Kamer een technische briefing aanbieden.", False),
        ("Als de regeling is aangepast, zal ik de Kamer voor de zomer informeren.", True),
    ],
    # verbs of policy action with their particle or object; aims and effects
    "present_particles": [
        ("We houden water langer vast en voeren het minder snel af.", True),
        ("We houden rekening met de wensen van de sector.", False),
        ("Daarom schalen we de analyses op en verbeteren we de samenwerking.", True),
        ("We leggen de prioriteit bij dikke veenpakketten.", True),
        ("We passen de maatlat toe bij nieuwe gebiedsontwikkelingen.", True),
        ("Het Rijk vraagt provincies stevig in te zetten op het behoud van grasland.", True),
        ("Het Rijk vraagt aandacht voor de positie van boeren.", False),
        ("We minimaliseren de aanvoer van gebiedsvreemd water.", True),
        ("Zo gaan we ervoor zorgen dat het belang van water wordt meegewogen.", True),
        ("Zo zorgen we ervoor dat het belang van water wordt meegewogen.", False),
        ("Het kabinet streeft ernaar de groep ondertekenaars uit te breiden.", True),
        ("Het kabinet streeft in mondiaal verband naar een klimaatneutrale sector in 2050.", False),
    ],
    # what undoes the act: a modal of the question it is about is not its own, "het gaat om" is
    # no third party, "die" right after the verb is a determiner
    "clause_readings": [
        ("Omdat het hier gaat om een nieuw kader zullen we samen met de medeoverheden bepalen hoe "
         "de borging eruit moet komen te zien.", True),
        ("We zullen de regels moeten aanpassen.", False),
        ("Ik zal die boodschap blijven overbrengen.", False),
        ("Ik zal die brief voor de zomer sturen.", True),
        ("We werken maatregelen voor materieel, nutriënten, gewasbescherming etc. uit.", True),
    ],
    # "willen" with an aim or a wish to cooperate is an attitude
    "willen_aim": [
        ("We willen een vitale bodem bereiken.", False),
        ("Het kabinet wil hierin samenwerken met kennisinstellingen.", False),
        ("We willen in 2026 een nieuw programma publiceren.", True),
        ("We willen het laagveenlandschap in de toekomst behouden.", False),
        ("Ten derde willen we onze vitale infrastructuur beschermen.", False),
    ],
    # the past is told by a participle of its own clause: not one after "dat" or "wordt", nor a
    # noun of the participle's shape
    "past_shape": [
        ("Het is de verwachting dat de Kamer in het najaar wordt geïnformeerd over de "
         "resultaten.", True),
        ("Het streven is om samen met de gemeenten een plan van aanpak te publiceren.", True),
        ("Ik heb toegezegd dat uw Kamer voor de zomer wordt geïnformeerd.", False),
        ("De Kamer is in juni geïnformeerd over de resultaten.", False),
    ],
    # agreements made, in the passive, with the government's partners
    "afspraken_passive": [
        ("Met de drinkwaterbedrijven worden afspraken gemaakt over waterbesparing.", True),
        ("Afspraken worden gemaakt over de verdeling van het grondwater.", True),
        ("Er worden bestuurlijke afspraken gemaakt met provincies over de ondergrond.", True),
        ("Er zijn in 2021 afspraken gemaakt met de sector.", False),
        ("Of er afspraken worden gemaakt, moet nog blijken.", False),
    ],
    # the aim that names an act ("te publiceren"), not a state ("gereed te hebben")
    "streven_om": [
        ("Het streven is om in 2026 een programma onder de Omgevingswet te publiceren.", True),
        ("Het streven is om de regeling voor de zomer te evalueren.", True),
        ("Het streven is de nieuwe regeling eind 2026 gereed te hebben.", False),
        ("Het streven is om in 2030 te komen tot een gezond watersysteem.", False),
        ("Het streven van de provincie is om de weg te verbreden.", False),
    ],
    # the Kamer after or before the act of a future passive; "hierbij zal" is no act of this
    # letter
    "kamer_passive": [
        ("De agenda's zullen ook met uw Kamer worden gedeeld.", True),
        ("Het rapport zal na afronding aan de Tweede Kamer worden gezonden.", True),
        ("Hierbij zal ook een toetsingskader worden gedeeld met de Kamer.", True),
        ("De rapportage zal na de zomer worden aangeboden aan uw Kamer.", True),
        ("Daarbij zullen de cijfers ook worden gedeeld met de Kamer.", True),
        ("Hierbij zal ik ook de uitkomsten van de evaluatie betrekken.", True),
        ("Hierbij wordt uw Kamer geïnformeerd over de stand van zaken.", False),
        ("De rapportage zou worden aangeboden aan uw Kamer.", False),
        ("Of de rapportage zal worden gedeeld met de Kamer, is aan de Commissie.", False),
        ("De rapportage van de provincie zal worden aangeboden aan de Tweede Kamer.", False),
    ],
    # what parliament or an adviser proposes, taken over
    "overnemen": [
        ("Het kabinet neemt de aanbevelingen van de commissie over.", True),
        ("De aanbevelingen van de Raad van State neemt het kabinet over.", True),
        ("Het kabinet neemt de aanbevelingen van de commissie niet over.", False),
        ("Het kabinet neemt kennis van het advies over de woningbouw.", False),
        ("Het kabinet neemt het advies over de woningbouw ter harte.", False),
        ("In het voorstel neemt het kabinet de definitie over uit de richtlijn.", False),
    ],
    # the Kamer kept informed or told what it can expect
    "kamer_informed": [
        ("Ik houd uw Kamer op de hoogte van de voortgang.", True),
        ("Ik blijf de Kamer informeren over de voortgang.", True),
        ("Wij blijven u periodiek informeren over de uitvoering.", True),
        ("Het kabinet blijft zich inzetten voor een sterk Europa.", False),
        ("Ik heb uw Kamer op de hoogte gehouden van de voortgang.", False),
        ("Uw Kamer kan de evaluatie in het najaar van 2026 tegemoetzien.", True),
        ("Het wetsvoorstel wordt naar verwachting in het voorjaar van 2026 bij uw Kamer ingediend.",
         True),
        ("Het wetsvoorstel zal na de zomer bij uw Kamer worden ingediend.", True),
        ("Het wetsvoorstel is in maart 2024 bij uw Kamer ingediend.", False),
        ("De rapportage zal vooralsnog niet aan de Kamer worden gestuurd.", False),
        ("De Kamer zal geen nieuwe brief worden gestuurd.", False),
        ("Uw Kamer wordt hierover niet eerder dan in het najaar van 2026 geïnformeerd.", True),
        ("Het amendement zal door het lid Jansen bij de Kamer worden ingediend.", False),
        ("De motie wordt naar verwachting morgen door de heer Bos bij de Kamer ingediend.", False),
        ("Het initiatiefwetsvoorstel van het lid Jansen zal bij de Kamer worden ingediend.", False),
        ("De vraag is of het wetsvoorstel in 2026 bij de Kamer zal worden ingediend.", False),
        ("De Kamer mag verwachten dat gemeenten hun taak serieus nemen.", False),
    ],
    # a reference to the past opening the clause, in the middle of a letter
    "as_said": [
        ("Zoals toegezegd, zal ik u voor de zomer informeren over de voortgang.", True),
        ("Zoals eerder gemeld, gaan we de regeling in 2026 aanpassen.", True),
    ],
}

# in a minister's turn of a debate
DEBATE = {
    # waiting to see what others' work brings is no act; seeing what one can do oneself is
    "wait_and_see": [
        ("We zullen zien hoe dit uitpakt.", False),
        ("Dat zullen we dan zien.", False),
        ("We gaan zien of de maatregel effect heeft.", False),
        ("Ik zal zien wat ik kan doen.", True),
        ("Ik ga zien of ik dat voor de zomer kan regelen.", True),
        ("Ik zal de Kamer informeren, zodat we kunnen zien hoe het loopt.", True),
    ],
    "debate_talk": [
        ("Dan ga ik nu naar de amendementen.", False),
        ("Ik ga reageren op de vraag van de heer Jansen.", False),
        ("Laat ik beginnen met de vraag van mevrouw De Vries.", False),
        ("Daar ga ik niet over.", False),
        ("Het kabinet zal voor 1 juli reageren op het advies van de Raad van State.", True),
        ("Ik zal de netbeheerder vragen om de wachtlijst voor de zomer te publiceren.", True),
        ("Ik ga met de sector in gesprek over de tarieven.", True),
        # the speech itself: finishing it, its order, an example, a wording, a point further on
        ("Ik ga afronden.", False),
        ("Ik ga de vragen in blokjes beantwoorden.", False),
        ("Ik zal u een voorbeeld geven.", False),
        ("Ik zal daarbij voorbeelden geven van hoe we die gaan invullen met een AMvB.", True),
        ("Ik zal het even heel precies formuleren.", False),
        ("Ik kom zo nog terug op de vraag van mevrouw Bromet.", False),
        ("Ik kom daar zo snel mogelijk schriftelijk op terug.", True),
        ("We gaan het onderzoek voor de zomer afronden.", True),
        ("Ik zal een voorstel formuleren voor de zomer.", True),
    ],
    # taking over a motion, naming the promise, "dat" as one's own object
    "spoken_promises": [
        ("Dat kan ik niet toezeggen.", False),
        ("Ik kan niet toezeggen dat de regeling er dit jaar komt.", False),
        ("Hoewel het niet makkelijk is, zeg ik toe dat ik de Kamer voor de zomer informeer.", True),
        ("De motie op stuk nr. 12 neem ik over.", True),
        ("De motie-Jansen over de subsidie neem ik over.", True),
        ("Die motie neem ik niet over.", False),
        ("Ik neem het woord over van mijn collega.", False),
        ("Die toezegging doe ik.", True),
        ("Die toezegging kan ik wel doen.", True),
        ("Die toezegging kan ik niet doen.", False),
        ("Ik doe u de toezegging dat ik het uitzoek.", True),
        ("Ik ga u geen toezegging doen.", False),
        ("Ik hou de Kamer op de hoogte.", True),
        ("Ik wil dat graag onderzoeken.", True),
        ("Ik wil dat de gemeenten meer doen.", False),
        ("Wij willen dat in Europa het toetsingskader wordt aangepast.", False),
        ("Ik wil dat gemeenten en provincies beter samenwerken.", False),
        ("Ik wil dat nog even afwachten.", False),
        # a wish in a relative clause describes its noun; a topicalised object is no relative
        ("Het is ook een sector die we willen helpen om die slag te kunnen maken.", False),
        ("Dat is een punt waarover we willen spreken met de sector.", False),
        ("Die willen we ook bij Europa bepleiten.", True),
        # coming back to the Kamer: negated, and with the subject left out after "en"
        ("Daar kom ik niet meer op terug.", False),
        ("Ik kom daar, ook als het niet lukt, voor de zomer op terug.", True),
        ("Ik bekijk dat en kom erop terug.", True),
        ("Wij kijken of dat kan en komen daarop terug in de voortgangsbrief.", True),
        ("Ik ken de heer Jansen en kom hem vaak tegen.", False),
        ("Maar we willen er wel serieus naar kijken, zoals ik al zei.", True),
        ("Dat doen we al.", False),
    ],
    "saying": [
        ("U kunt tegen mij zeggen: kom met een voorstel, en dan gaan wij dat steunen.", False),
        ("Ik zou zeggen: ik ga de regeling voor de zomer aanpassen.", True),
    ],
}


def _cases(table: dict[str, list[tuple[str, bool]]]) -> list[tuple[str, str, bool]]:
    return [(name, text, want) for name, rows in table.items() for text, want in rows]


@pytest.mark.parametrize(("construction", "sentence", "promised"), _cases(LETTER))
def test_commitments_constructions_in_a_letter(
    construction: str, sentence: str, promised: bool
) -> None:
    found = _of(letter(sentence), sentence)
    assert (found is not None) == promised, (construction, sentence)


@pytest.mark.parametrize(("construction", "sentence", "promised"), _cases(DEBATE))
def test_commitments_constructions_in_a_debate(
    construction: str, sentence: str, promised: bool, minister_says: Callable[[str], Record]
) -> None:
    found = _of(minister_says(sentence), sentence)
    assert (found is not None) == promised, (construction, sentence)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # the Kamer or a letter outside the construction's own clause makes no toezegging
        ("In de brief van 3 maart schreef ik het al: we gaan de regeling in 2026 aanpassen.",
         "voornemen"),
        ("Ik zal, zoals de Kamer vroeg, de regeling in 2026 aanpassen.", "voornemen"),
        # the Kamer or a letter as the act's object does
        ("Ik zal de Kamer voor de zomer een brief sturen over de regeling.", "toezegging"),
        # "onderzoek doen" is no act of its own before "toekomen"
        ("Ik zal u de uitkomst van het onderzoek doen toekomen.", "toezegging"),
        ("Het kabinet zal voor 1 juli in een brief reageren op het advies.", "toezegging"),
        ("Ik zal de Eerste Kamer voor de zomer een brief sturen over de regeling.", "toezegging"),
        ("Ik zal u voor de zomer een brief sturen over de aanpak.", "toezegging"),
        ("Ik zal de evaluatie in juni 2026 naar de Kamer sturen.", "toezegging"),
        ("Het kabinet zal de komende weken een brief sturen over de aanpak.", "toezegging"),
        ("Ik zal voor de zomer een brief sturen over de steun aan de gemeenten.", "toezegging"),
        ("Ik zal de regeling voor de zomer in een brief toelichten.", "toezegging"),
        # an answer in writing, not writing to others
        ("Ik zal dat voor de zomer schriftelijk laten weten.", "toezegging"),
        ("Ik zal de gemeenten voor de zomer schriftelijk informeren.", "voornemen"),
        # the Kamer's committee receives for the Kamer
        ("Ik zal de vaste commissie voor de zomer informeren over de voortgang.", "toezegging"),
        ("Ik zal voor de zomer een brief aan de vaste commissie sturen.", "toezegging"),
        # a letter or an act for another receiver: "aan/naar" it, an indirect object, the one
        # informed
        ("Het kabinet zal voor de zomer een brief sturen aan de provincies.", "voornemen"),
        ("Ik zal de waterschappen voor de zomer een brief sturen over de aanpak.", "voornemen"),
        ("Ik zal de evaluatie in juni 2026 naar de netbeheerders sturen.", "voornemen"),
        ("Ik zal de sector voor de zomer informeren over de nieuwe regels.", "voornemen"),
        # a newsletter is no letter to the Kamer; the Kamer van Koophandel is no Kamer
        ("We gaan de nieuwsbrief voor gemeenten in 2026 uitbreiden.", "voornemen"),
        ("We gaan in 2026 met de Kamer van Koophandel een regeling uitwerken.", "voornemen"),
        # an aside closing the clause
        ("Ik zal de regeling in 2026 aanpassen, conform het verzoek van de Kamer.", "voornemen"),
        ("We gaan de tarieven in 2026 verlagen, op verzoek van de Kamer.", "voornemen"),
    ],
)
def test_commitments_constructions_kind_from_own_clause(sentence: str, kind: str) -> None:
    found = _of(letter(sentence), sentence)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    ("before", "sentence", "promised"),
    [
        # the subject of the sentence before is a deliverable of the government, or what a
        # member asked for
        ("Het plan van aanpak is bijna klaar.", "Dat volgt in april 2026.", True),
        ("Ik ga de regeling herzien.", "Dit volgt in juni 2026.", True),
        ("Mevrouw De Vries vroeg om een evaluatie van de regeling.", "Die verschijnt in juni 2026.",
         True),
        # someone else's, or no deliverable; a deliverable elsewhere in the text does not count
        ("Het vonnis is nog niet bekend.", "Dat volgt in juni 2026.", False),
        ("De provincie werkt aan een nieuw plan voor de wijk.", "Dat verschijnt in september 2026.",
         False),
        ("Na de zomer komt het plan van de provincie.", "Dit volgt in oktober 2026.", False),
        ("In mijn brief schreef ik over de zaak. De uitspraak is nog niet bekend.",
         "Die volgt in juni 2026.", False),
    ],
)
def test_commitments_constructions_pronoun_stands_for_the_subject_before(
    before: str, sentence: str, promised: bool
) -> None:
    found = _of(letter(before + " " + sentence), sentence)
    assert (found is not None) == promised, (before, sentence)


@pytest.mark.parametrize(
    ("question", "promised"),
    [
        ("Komt er nog een brief over de aanpak?", True),
        ("Ik vraag de minister om een evaluatie van de regeling.", True),
        ("Komt er nog een uitspraak van de rechter?", False),
        ("Het vonnis is nog niet bekend.", False),
    ],
)
def test_commitments_constructions_pronoun_reads_the_turn_before(
    question: str, promised: bool
) -> None:
    # the minister's label is no sentence of its own: "Dat" stands for the member's subject
    text = (
        "De voorzitter:\nHet woord is aan de heer Jansen.\n\n"
        f"De heer Jansen (VVD):\n{question}\n\n"
        "Minister Van der Berg:\nDat komt voor de zomer van 2026.\n\n"
        "De voorzitter:\nDank u wel.\n"
    )
    found = _of(extract(text.encode(), name="handelingen.txt"), "Dat komt voor de zomer")
    assert (found is not None) == promised, question


def test_commitments_constructions_as_said_mid_letter() -> None:
    text = "Eerste zin. Zoals toegezegd, zal ik u informeren."
    start = text.index("Zoals")
    assert _promises.clause_start(text, start, len(text) - 10) == text.index("zal ik")
    assert _promises.clause_start(text[start:], 0, 20) == text[start:].index("zal ik")


@pytest.mark.parametrize(
    "body",
    [
        "we werken " * 100_000,  # one sentence of 1 MB, a construction in every other word
        "Wij zullen niet " * 65_000,  # a marker of the verb lexicon in every third word
    ],
    ids=["we-werken", "wij-zullen-niet"],
)
def test_commitments_constructions_adversarial_text_is_linear(body: str) -> None:
    # a guard against hangs, not a benchmark: these took minutes when every match read the
    # whole sentence
    began = time.perf_counter()
    letter(body + ".")
    assert time.perf_counter() - began < 20


_CHAIR_LIST = (
    "De voorzitter:\nIk open dit commissiedebat.\n\nDe heer Jansen (CDA):\nVoorzitter. Ik heb "
    "een vraag over de cultuursector.\n\nMinister Bruins:\nVoorzitter. Ik kom tot de antwoorden."
    "\n\nDe heer Jansen (CDA):\nDank.\n\nDe voorzitter:\nDank u wel. {opening}\n"
    "— De minister stuurt de Kamer voor 1 juli 2026 een brief over de positie van makers.\n"
    "— De minister informeert de Kamer in het verslag van de Raad over de besprekingen.\n"
    "Daarmee zijn we aan het einde gekomen van dit debat.\n"
)


@pytest.mark.parametrize(
    ("turn", "promised"),
    [
        ("U kunt tegen mij zeggen: kom met een voorstel voor ecosysteemdiensten, en dan gaan wij "
         "dat steunen. Dan kom ik met voorstellen.", False),
        ("Als de Kamer dat wenst, kan ik dat onderzoeken. Dan stuur ik u voor de zomer een brief.",
         False),
        ("Het onderzoek is in mei klaar. Dan stuur ik u voor de zomer een brief.", True),
    ],
)
def test_commitments_constructions_then_goes_on_from_the_offer_before(
    turn: str, promised: bool, minister_says: Callable[[str], Record]
) -> None:
    """A sentence opening with "Dan" is an offer on request when the one before makes it so."""
    found = _of(minister_says(turn), "Dan stuur ik u") or _of(minister_says(turn), "Dan kom ik")
    assert (found is not None) == promised, turn


def test_commitments_constructions_undersigned_is_the_signer() -> None:
    record = letter("Ondergetekende zal de Kamer hierover nader berichten.")
    assert [c.actor for c in record.commitments] == ["de Minister van Infrastructuur en Waterstaat"]


def test_chair_list_of_toezeggingen_one_item_each() -> None:
    record = extract(
        _CHAIR_LIST.format(opening="Ik heb de volgende toezeggingen genoteerd.").encode(),
        name="verslag.txt",
    )
    listed = [c for c in record.commitments if c.text.startswith("—")]
    assert [c.text.split(" over ")[0] for c in listed] == [
        "— De minister stuurt de Kamer voor 1 juli 2026 een brief",
        "— De minister informeert de Kamer in het verslag van de Raad",
    ]
    assert {c.kind for c in listed} == {"toezegging"}
    assert listed[0].deadline_text == "voor 1 juli 2026"


def test_chair_list_ends_at_its_first_sentence_that_is_no_item() -> None:
    text = _CHAIR_LIST.format(opening="Ik heb de volgende toezeggingen genoteerd.").replace(
        "Daarmee zijn we aan het einde gekomen van dit debat.",
        "De minister van Financiën zal volgende week het debat over de Voorjaarsnota voeren.",
    )
    record = extract(text.encode(), name="verslag.txt")
    assert not [c for c in record.commitments if "Voorjaarsnota" in c.text]
    assert len([c for c in record.commitments if c.text.startswith("—")]) == 2


def test_chair_without_a_list_promises_nothing() -> None:
    # the same lines without the chair opening a list of toezeggingen: a summary, not a promise
    for opening in ("Ik vat het debat samen.", "Er zijn vandaag geen toezeggingen gedaan."):
        record = extract(_CHAIR_LIST.format(opening=opening).encode(), name="verslag.txt")
        assert not [c for c in record.commitments if c.speaker and c.speaker.role == "voorzitter"]
